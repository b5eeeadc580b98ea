using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CaseId",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentLevel",
                table: "Referrals",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConsentWithdrawnAt",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentWithdrawnByName",
                table: "Referrals",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentWithdrawnByUserId",
                table: "Referrals",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentWithdrawnReason",
                table: "Referrals",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Referrals",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "Referrals",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartnerNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferralId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<long>(type: "INTEGER", nullable: false),
                    VictimId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
