using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "delivery_choices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Pickup = table.Column<bool>(type: "INTEGER", nullable: false),
                    Receiver_Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Receiver_Phone = table.Column<string>(type: "TEXT", maxLength: 96, nullable: true),
                    Receiver_Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Receiver_Commune = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Receiver_Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResultFee = table.Column<long>(type: "INTEGER", nullable: false),
                    PickupFee = table.Column<long>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_choices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "postal_callbacks",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Applied = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_postal_callbacks", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "postal_shipments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StateAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Receiver_Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Receiver_Phone = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    Receiver_Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Receiver_Commune = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Receiver_Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Fee = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_postal_shipments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_delivery_choices_DossierId",
                table: "delivery_choices",
                column: "DossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_delivery_choices_DraftId",
                table: "delivery_choices",
                column: "DraftId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_postal_shipments_DossierId",
                table: "postal_shipments",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_postal_shipments_OrderNumber",
                table: "postal_shipments",
                column: "OrderNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_postal_shipments_State_CheckedAt",
                table: "postal_shipments",
                columns: new[] { "State", "CheckedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_postal_shipments_UnitId_State",
                table: "postal_shipments",
                columns: new[] { "UnitId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delivery_choices");

            migrationBuilder.DropTable(
                name: "postal_callbacks");

            migrationBuilder.DropTable(
                name: "postal_shipments");
        }
    }
}
