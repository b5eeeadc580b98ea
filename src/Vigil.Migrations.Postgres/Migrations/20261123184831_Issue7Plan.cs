using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue7Plan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "EvidenceItems",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RequestedAt",
                table: "EvidenceItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "EvidenceItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "EvidenceItems",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<long>(
                name: "CaseId",
                table: "Advice",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "IncidentId",
                table: "Advice",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "LibraryItems",
                table: "Advice",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.CreateIndex(
                name: "IX_Advice_CaseId",
                table: "Advice",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Advice_IncidentId",
                table: "Advice",
                column: "IncidentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Advice_Cases_CaseId",
                table: "Advice",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Advice_Incidents_IncidentId",
                table: "Advice",
                column: "IncidentId",
                principalTable: "Incidents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Advice_Cases_CaseId",
                table: "Advice");

            migrationBuilder.DropForeignKey(
                name: "FK_Advice_Incidents_IncidentId",
                table: "Advice");

            migrationBuilder.DropIndex(
                name: "IX_Advice_CaseId",
                table: "Advice");

            migrationBuilder.DropIndex(
                name: "IX_Advice_IncidentId",
                table: "Advice");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "RequestedAt",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "Advice");

            migrationBuilder.DropColumn(
                name: "IncidentId",
                table: "Advice");

            migrationBuilder.DropColumn(
                name: "LibraryItems",
                table: "Advice");
        }
    }
}
