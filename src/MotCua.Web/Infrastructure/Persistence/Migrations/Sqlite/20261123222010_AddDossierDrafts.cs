using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDossierDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerIdNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivingUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_draft_attachments",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_draft_attachments", x => x.FileId);
                    table.ForeignKey(
                        name: "FK_dossier_draft_attachments_dossier_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "dossier_drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_draft_attachments_DraftId",
                table: "dossier_draft_attachments",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_drafts_IdempotencyKey",
                table: "dossier_drafts",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossier_drafts_OwnerIdNumber_UpdatedAt",
                table: "dossier_drafts",
                columns: new[] { "OwnerIdNumber", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_draft_attachments");

            migrationBuilder.DropTable(
                name: "dossier_drafts");
        }
    }
}
