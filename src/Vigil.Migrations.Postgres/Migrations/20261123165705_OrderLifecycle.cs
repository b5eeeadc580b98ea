using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigil.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OrderLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "Breaches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrderReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    VictimViews = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
