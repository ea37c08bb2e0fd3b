using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DossierTasksWithoutComputedNavigations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_dossier_tasks_dossiers_DossierId1",
                table: "dossier_tasks");

            migrationBuilder.DropIndex(
                name: "IX_dossier_tasks_DossierId1",
                table: "dossier_tasks");

            migrationBuilder.DropColumn(
                name: "DossierId1",
                table: "dossier_tasks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DossierId1",
                table: "dossier_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossier_tasks_DossierId1",
                table: "dossier_tasks",
                column: "DossierId1");

            migrationBuilder.AddForeignKey(
                name: "FK_dossier_tasks_dossiers_DossierId1",
                table: "dossier_tasks",
                column: "DossierId1",
                principalTable: "dossiers",
                principalColumn: "Id");
        }
    }
}
