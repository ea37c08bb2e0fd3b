using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KpiOverdue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "kpi_feedback_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "kpi_dossier_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "kpi_procedure_counts",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Procedures = table.Column<int>(type: "INTEGER", nullable: false),
                    UsedOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_procedure_counts", x => new { x.Scope, x.Period });
                });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_feedback_facts_Closed_DueAt_UnitId",
                table: "kpi_feedback_facts",
                columns: new[] { "Closed", "DueAt", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_dossier_facts_Outcome_DueAt_UnitId",
                table: "kpi_dossier_facts",
                columns: new[] { "Outcome", "DueAt", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_procedure_counts_Period",
                table: "kpi_procedure_counts",
                column: "Period");

            // Facts written before this migration have no DueAt: forgetting the watermark makes the next KPI refresh
            // recompute every fact (and the new per-period procedure counts) from the dossiers, in batches (ADR 0029).
            migrationBuilder.Sql("DELETE FROM kpi_watermarks;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpi_procedure_counts");

            migrationBuilder.DropIndex(
                name: "IX_kpi_feedback_facts_Closed_DueAt_UnitId",
                table: "kpi_feedback_facts");

            migrationBuilder.DropIndex(
                name: "IX_kpi_dossier_facts_Outcome_DueAt_UnitId",
                table: "kpi_dossier_facts");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "kpi_feedback_facts");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "kpi_dossier_facts");
        }
    }
}
