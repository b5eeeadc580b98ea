using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigil.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImpactEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImpactEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VictimId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ObtainedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FearOfViolence = table.Column<bool>(type: "boolean", nullable: false),
                    FearOccasions = table.Column<int>(type: "integer", nullable: true),
                    SeriousAlarmOrDistress = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedRoutine = table.Column<bool>(type: "boolean", nullable: false),
                    MovedHome = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedJob = table.Column<bool>(type: "boolean", nullable: false),
                    StoppedSocialActivities = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedPhoneOrAccounts = table.Column<bool>(type: "boolean", nullable: false),
                    InstalledSecurity = table.Column<bool>(type: "boolean", nullable: false),
                    TimeOffWork = table.Column<bool>(type: "boolean", nullable: false),
                    ChildrenRoutinesChanged = table.Column<bool>(type: "boolean", nullable: false),
                    OtherEffect = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ForceId = table.Column<long>(type: "bigint", nullable: false),
                    IncidentId = table.Column<long>(type: "bigint", nullable: true),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactEvidence_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImpactEvidence_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImpactEvidence_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImpactEvidence_PersonRecords_VictimId",
                        column: x => x.VictimId,
                        principalTable: "PersonRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEvidence_CaseId",
                table: "ImpactEvidence",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEvidence_ForceId",
                table: "ImpactEvidence",
                column: "ForceId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEvidence_IncidentId",
                table: "ImpactEvidence",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEvidence_VictimId_RecordedAt",
                table: "ImpactEvidence",
                columns: new[] { "VictimId", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImpactEvidence");
        }
    }
}
