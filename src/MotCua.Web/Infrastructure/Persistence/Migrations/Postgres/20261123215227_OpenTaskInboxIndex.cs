using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenTaskInboxIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_dossier_tasks_open_by_unit",
                table: "dossier_tasks",
                columns: new[] { "UnitId", "StepDueAt" },
                filter: "\"CompletedAt\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "AssigneeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossier_tasks_open_by_unit",
                table: "dossier_tasks");
        }
    }
}
