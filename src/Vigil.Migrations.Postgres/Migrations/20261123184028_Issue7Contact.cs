using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue7Contact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CaseId",
                table: "VictimContacts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "IncidentId",
                table: "VictimContacts",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_VictimContacts_CaseId",
                table: "VictimContacts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimContacts_IncidentId",
                table: "VictimContacts",
                column: "IncidentId");

            migrationBuilder.AddForeignKey(
                name: "FK_VictimContacts_Cases_CaseId",
                table: "VictimContacts",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_VictimContacts_Incidents_IncidentId",
                table: "VictimContacts",
                column: "IncidentId",
                principalTable: "Incidents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_VictimContacts_Cases_CaseId",
                table: "VictimContacts");

            migrationBuilder.DropForeignKey(
                name: "FK_VictimContacts_Incidents_IncidentId",
                table: "VictimContacts");

            migrationBuilder.DropIndex(
                name: "IX_VictimContacts_CaseId",
                table: "VictimContacts");

            migrationBuilder.DropIndex(
                name: "IX_VictimContacts_IncidentId",
                table: "VictimContacts");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "VictimContacts");

            migrationBuilder.DropColumn(
                name: "IncidentId",
                table: "VictimContacts");
        }
    }
}
