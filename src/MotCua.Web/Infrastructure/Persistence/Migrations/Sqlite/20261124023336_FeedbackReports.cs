using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeedbackReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feedback_categories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_categories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "feedback_followers",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_followers", x => new { x.ReportId, x.CitizenId });
                });

            migrationBuilder.CreateTable(
                name: "feedback_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LocatedUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PublishedDescription = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    PhotoIds = table.Column<string>(type: "TEXT", nullable: false),
                    ReporterCitizenId = table.Column<string>(type: "TEXT", maxLength: 96, nullable: true),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReporterPhone = table.Column<string>(type: "TEXT", maxLength: 96, nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OriginalDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DuplicateOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Rating_Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Rating_Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Rating_At = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_events",
                columns: table => new
                {
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublicText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_events", x => new { x.ReportId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_feedback_events_feedback_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "feedback_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feedback_responses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PhotoIds = table.Column<string>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feedback_responses_feedback_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "feedback_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_followers_CitizenId",
                table: "feedback_followers",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_CategoryCode_ReceivedAt",
                table: "feedback_reports",
                columns: new[] { "CategoryCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_Escalated_DueAt",
                table: "feedback_reports",
                columns: new[] { "Escalated", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_HandlingUnitId_Status_ReceivedAt",
                table: "feedback_reports",
                columns: new[] { "HandlingUnitId", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_IdempotencyKey",
                table: "feedback_reports",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_Number",
                table: "feedback_reports",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_ReceivedAt",
                table: "feedback_reports",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_ReporterCitizenId",
                table: "feedback_reports",
                column: "ReporterCitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_responses_ReportId",
                table: "feedback_responses",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_categories");

            migrationBuilder.DropTable(
                name: "feedback_events");

            migrationBuilder.DropTable(
                name: "feedback_followers");

            migrationBuilder.DropTable(
                name: "feedback_responses");

            migrationBuilder.DropTable(
                name: "feedback_reports");
        }
    }
}
