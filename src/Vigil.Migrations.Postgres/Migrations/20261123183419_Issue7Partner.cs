using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigil.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue7Partner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AgencyId",
                table: "Referrals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CaseId",
                table: "Referrals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentLevel",
                table: "Referrals",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConsentWithdrawnAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentWithdrawnByName",
                table: "Referrals",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentWithdrawnByUserId",
                table: "Referrals",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentWithdrawnReason",
                table: "Referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "Referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartnerNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ForceId = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    ReferralId = table.Column<long>(type: "bigint", nullable: false),
                    AgencyId = table.Column<long>(type: "bigint", nullable: false),
                    VictimId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerNotes_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnerNotes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnerNotes_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnerNotes_PersonRecords_VictimId",
                        column: x => x.VictimId,
                        principalTable: "PersonRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnerNotes_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AgencyId_CaseId",
                table: "Referrals",
                columns: new[] { "AgencyId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_CaseId",
                table: "Referrals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerNotes_AgencyId",
                table: "PartnerNotes",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerNotes_CaseId_RecordedAt",
                table: "PartnerNotes",
                columns: new[] { "CaseId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerNotes_ForceId",
                table: "PartnerNotes",
                column: "ForceId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerNotes_ReferralId",
                table: "PartnerNotes",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerNotes_VictimId",
                table: "PartnerNotes",
                column: "VictimId");

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_Agencies_AgencyId",
                table: "Referrals",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_Cases_CaseId",
                table: "Referrals",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_Agencies_AgencyId",
                table: "Referrals");

            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_Cases_CaseId",
                table: "Referrals");

            migrationBuilder.DropTable(
                name: "PartnerNotes");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_AgencyId_CaseId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_CaseId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ConsentLevel",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ConsentWithdrawnAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ConsentWithdrawnByName",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ConsentWithdrawnByUserId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ConsentWithdrawnReason",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Referrals");
        }
    }
}
