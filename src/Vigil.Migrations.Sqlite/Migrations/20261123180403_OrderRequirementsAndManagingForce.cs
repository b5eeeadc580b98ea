using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrderRequirementsAndManagingForce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ManagingForceId",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "OrderConditions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RequirementCompliance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConditionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ForceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementCompliance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequirementCompliance_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RequirementCompliance_OrderConditions_ConditionId",
                        column: x => x.ConditionId,
                        principalTable: "OrderConditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RequirementCompliance_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ManagingForceId",
                table: "Orders",
                column: "ManagingForceId");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementCompliance_ConditionId_At",
                table: "RequirementCompliance",
                columns: new[] { "ConditionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RequirementCompliance_ForceId",
                table: "RequirementCompliance",
                column: "ForceId");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementCompliance_OrderId",
                table: "RequirementCompliance",
                column: "OrderId");

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_Forces_ManagingForceId",
                table: "Orders",
                column: "ManagingForceId",
                principalTable: "Forces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Forces_ManagingForceId",
                table: "Orders");

            migrationBuilder.DropTable(
                name: "RequirementCompliance");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ManagingForceId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ManagingForceId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "OrderConditions");
        }
    }
}
