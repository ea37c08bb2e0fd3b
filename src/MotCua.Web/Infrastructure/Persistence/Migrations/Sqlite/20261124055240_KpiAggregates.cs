using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KpiAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kpi_dossier_facts",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<bool>(type: "INTEGER", nullable: false),
                    RefusedAtReception = table.Column<bool>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Finished = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProcessingMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    ElectronicResult = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnlineFull = table.Column<bool>(type: "INTEGER", nullable: false),
                    Digitised = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaidAtCounter = table.Column<bool>(type: "INTEGER", nullable: false),
                    NegativeRating = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupplementRequests = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_dossier_facts", x => x.DossierId);
                });

            migrationBuilder.CreateTable(
                name: "kpi_entered_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Numerator = table.Column<long>(type: "INTEGER", nullable: false),
                    Denominator = table.Column<long>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_entered_values", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "kpi_feedback_facts",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenInTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Rated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_feedback_facts", x => x.ReportId);
                });

            migrationBuilder.CreateTable(
                name: "kpi_procedure_months",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Dossiers = table.Column<int>(type: "INTEGER", nullable: false),
                    Online = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_procedure_months", x => new { x.UnitId, x.Month, x.ProcedureCode });
                });

            migrationBuilder.CreateTable(
                name: "kpi_unit_months",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Counts_Counter = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_Digitised = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_Early = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_ElectronicResult = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_FeeBearing = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_FeedbackOnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_FeedbackOpenInTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_FeedbackRated = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_FeedbackReceived = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_FeedbackReopened = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_FeedbackSatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_Finished = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_FinishedMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_Judged = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_Late = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_LateOrComplained = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_NegativeRating = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_OnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_Online = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_OnlineFull = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_OpenInTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_OpenOverdue = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_PaidAtCounter = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_PaidOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_Post = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_ProceduresFeeBearing = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_ProceduresPaidOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_ProceduresUsedOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_ProceduresWithDossiers = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_Received = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_RefusedAtReception = table.Column<long>(type: "INTEGER", nullable: false),
                    Counts_Withdrawn = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_unit_months", x => new { x.UnitId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "kpi_watermarks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DossiersAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaymentsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FeedbackAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_watermarks", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payment_orders_PaidAt",
                table: "payment_orders",
                column: "PaidAt");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_events_At",
                table: "dossier_events",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_dossier_facts_OpenDueAt",
                table: "kpi_dossier_facts",
                column: "OpenDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_dossier_facts_UnitId_Month",
                table: "kpi_dossier_facts",
                columns: new[] { "UnitId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_entered_values_UnitId_Month_Key",
                table: "kpi_entered_values",
                columns: new[] { "UnitId", "Month", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_kpi_feedback_facts_OpenDueAt",
                table: "kpi_feedback_facts",
                column: "OpenDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_feedback_facts_UnitId_Month",
                table: "kpi_feedback_facts",
                columns: new[] { "UnitId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_procedure_months_Month",
                table: "kpi_procedure_months",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_unit_months_Month",
                table: "kpi_unit_months",
                column: "Month");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpi_dossier_facts");

            migrationBuilder.DropTable(
                name: "kpi_entered_values");

            migrationBuilder.DropTable(
                name: "kpi_feedback_facts");

            migrationBuilder.DropTable(
                name: "kpi_procedure_months");

            migrationBuilder.DropTable(
                name: "kpi_unit_months");

            migrationBuilder.DropTable(
                name: "kpi_watermarks");

            migrationBuilder.DropIndex(
                name: "IX_payment_orders_PaidAt",
                table: "payment_orders");

            migrationBuilder.DropIndex(
                name: "IX_dossier_events_At",
                table: "dossier_events");
        }
    }
}
