using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Open311ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_feedback_reports_CategoryCode_ReceivedAt",
                table: "feedback_reports");

            migrationBuilder.DropIndex(
                name: "IX_feedback_reports_ReceivedAt",
                table: "feedback_reports");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_CategoryCode_ReceivedAt_Number",
                table: "feedback_reports",
                columns: new[] { "CategoryCode", "ReceivedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_open_CategoryCode_ReceivedAt_Number",
                table: "feedback_reports",
                columns: new[] { "CategoryCode", "ReceivedAt", "Number" },
                filter: "\"Status\" <> 'Resolved' AND \"Status\" <> 'Rejected' AND \"Status\" <> 'Duplicate'");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_open_ReceivedAt_Number",
                table: "feedback_reports",
                columns: new[] { "ReceivedAt", "Number" },
                filter: "\"Status\" <> 'Resolved' AND \"Status\" <> 'Rejected' AND \"Status\" <> 'Duplicate'");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_ReceivedAt_Number",
                table: "feedback_reports",
                columns: new[] { "ReceivedAt", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_feedback_reports_CategoryCode_ReceivedAt_Number",
                table: "feedback_reports");

            migrationBuilder.DropIndex(
                name: "IX_feedback_reports_open_CategoryCode_ReceivedAt_Number",
                table: "feedback_reports");

            migrationBuilder.DropIndex(
                name: "IX_feedback_reports_open_ReceivedAt_Number",
                table: "feedback_reports");

            migrationBuilder.DropIndex(
                name: "IX_feedback_reports_ReceivedAt_Number",
                table: "feedback_reports");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_CategoryCode_ReceivedAt",
                table: "feedback_reports",
                columns: new[] { "CategoryCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_reports_ReceivedAt",
                table: "feedback_reports",
                column: "ReceivedAt");
        }
    }
}
