using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrderLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "Breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrderReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    VictimViews = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderReviews_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Ends",
                table: "Orders",
                column: "Ends");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_RecordedAt",
                table: "Orders",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OrderChanges_At",
                table: "OrderChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_RecordedAt",
                table: "Breaches",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OrderReviews_OrderId",
                table: "OrderReviews",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderReviews");

            migrationBuilder.DropIndex(
                name: "IX_Orders_Ends",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_RecordedAt",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_OrderChanges_At",
                table: "OrderChanges");

            migrationBuilder.DropIndex(
                name: "IX_Breaches_RecordedAt",
                table: "Breaches");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Breaches");
        }
    }
}
