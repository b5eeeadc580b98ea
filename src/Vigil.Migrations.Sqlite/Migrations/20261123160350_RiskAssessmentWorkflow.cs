using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RiskAssessmentWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotStalkingReason",
                table: "Screenings",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CompletedAt",
                table: "RiskAssessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "RiskAssessments",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "Complete");

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "RiskAssessments",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Assessments recorded before drafts existed were all complete when recorded.
            migrationBuilder.Sql("UPDATE \"RiskAssessments\" SET \"CompletedAt\" = \"RecordedAt\"");

            migrationBuilder.CreateTable(
                name: "RiskReferenceSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskReferenceSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskReferenceSettings_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskAssessmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PreviousGrade = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskReviews_RiskAssessments_RiskAssessmentId",
                        column: x => x.RiskAssessmentId,
                        principalTable: "RiskAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_CompletedAt",
                table: "RiskAssessments",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_RecordedAt",
                table: "Incidents",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RiskReferenceSettings_ForceId_Key",
                table: "RiskReferenceSettings",
                columns: new[] { "ForceId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskReviews_ReviewedAt",
                table: "RiskReviews",
                column: "ReviewedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RiskReviews_RiskAssessmentId",
                table: "RiskReviews",
                column: "RiskAssessmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RiskReferenceSettings");

            migrationBuilder.DropTable(
                name: "RiskReviews");

            migrationBuilder.DropIndex(
                name: "IX_RiskAssessments_CompletedAt",
                table: "RiskAssessments");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_RecordedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "NotStalkingReason",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RiskAssessments");
        }
    }
}
