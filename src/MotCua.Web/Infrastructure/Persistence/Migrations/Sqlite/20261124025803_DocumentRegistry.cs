using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demo_signing_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Certificate = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demo_signing_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "issued_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HolderMasked = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SignerUnit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignerCertificate = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issued_documents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_issued_documents_DossierId_Kind_ContentKey",
                table: "issued_documents",
                columns: new[] { "DossierId", "Kind", "ContentKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demo_signing_keys");

            migrationBuilder.DropTable(
                name: "issued_documents");
        }
    }
}
