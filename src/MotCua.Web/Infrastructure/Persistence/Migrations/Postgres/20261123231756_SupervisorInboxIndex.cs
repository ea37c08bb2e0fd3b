using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisorInboxIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_dossier_tasks_open_by_due",
                table: "dossier_tasks",
                column: "StepDueAt",
                filter: "\"CompletedAt\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "UnitId", "AssigneeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossier_tasks_open_by_due",
                table: "dossier_tasks");
        }
    }
}
