using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeedbackEventActorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_feedback_events_ActorId",
                table: "feedback_events",
                column: "ActorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_feedback_events_ActorId",
                table: "feedback_events");
        }
    }
}
