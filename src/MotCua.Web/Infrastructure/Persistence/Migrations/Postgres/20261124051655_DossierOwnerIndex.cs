using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DossierOwnerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A citizen's dossiers are found by their (protected) ID number on every page they open. EF Core cannot
            // declare an index on a complex property's column (efcore#31244), so it is created here, outside the model.
            migrationBuilder.CreateIndex(name: "IX_dossiers_OwnerIdNumber", table: "dossiers", column: "OwnerIdNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_dossiers_OwnerIdNumber", table: "dossiers");
        }
    }
}
