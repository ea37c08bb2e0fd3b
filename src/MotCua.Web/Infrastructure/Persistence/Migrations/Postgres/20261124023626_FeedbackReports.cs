using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Postgres
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
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_categories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "feedback_followers",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenId = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_followers", x => new { x.ReportId, x.CitizenId });
                });

            migrationBuilder.CreateTable(
                name: "feedback_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LocatedUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandlingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PublishedDescription = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Hidden = table.Column<bool>(type: "boolean", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    PhotoIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    ReporterCitizenId = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: true),
                    ReporterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReporterPhone = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: true),
                    ReporterEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OriginalDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DuplicateOfId = table.Column<Guid>(type: "uuid", nullable: true),
                    Rating_Score = table.Column<int>(type: "integer", nullable: true),
                    Rating_Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Rating_At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    Escalated = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_events",
                columns: table => new
                {
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublicText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PhotoIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false)
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
