using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReceiptNumbersInSharedSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The year's counter moves into the shared sequence table (series BL, the year's first day), never lower.
            migrationBuilder.Sql("""
                INSERT INTO dossier_code_sequences ("AgencyCode", "Day", "LastValue")
                SELECT 'BL', make_date("Year", 1, 1), "LastValue" FROM payment_receipt_sequences
                ON CONFLICT ("AgencyCode", "Day") DO UPDATE SET "LastValue" = GREATEST(dossier_code_sequences."LastValue", excluded."LastValue")
                """);
            migrationBuilder.DropTable(
                name: "payment_receipt_sequences");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payment_receipt_sequences",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastValue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_receipt_sequences", x => x.Year);
                });

            migrationBuilder.Sql("""
                INSERT INTO payment_receipt_sequences ("Year", "LastValue")
                SELECT CAST(extract(year FROM "Day") AS integer), "LastValue" FROM dossier_code_sequences WHERE "AgencyCode" = 'BL'
                """);
            migrationBuilder.Sql("""DELETE FROM dossier_code_sequences WHERE "AgencyCode" = 'BL'""");
        }
    }
}
