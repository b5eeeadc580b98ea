using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonResolution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PersonId",
                table: "PersonRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MatchDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordAId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordBId = table.Column<long>(type: "INTEGER", nullable: false),
                    SamePerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RevocationRationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchDecisions_PersonRecords_RecordAId",
                        column: x => x.RecordAId,
                        principalTable: "PersonRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchDecisions_PersonRecords_RecordBId",
                        column: x => x.RecordBId,
                        principalTable: "PersonRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MergedIntoId = table.Column<long>(type: "INTEGER", nullable: true),
                    MergedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_People_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonRecordMoves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    ToPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonRecordMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonRecordMoves_PersonRecords_PersonRecordId",
                        column: x => x.PersonRecordId,
                        principalTable: "PersonRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PossibleMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordAId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordBId = table.Column<long>(type: "INTEGER", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    Probability = table.Column<double>(type: "REAL", nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PossibleMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PossibleMatches_MatchDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "MatchDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PossibleMatches_PersonRecords_RecordAId",
                        column: x => x.RecordAId,
                        principalTable: "PersonRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PossibleMatches_PersonRecords_RecordBId",
                        column: x => x.RecordBId,
                        principalTable: "PersonRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonRecords_PersonId",
                table: "PersonRecords",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_RecordAId",
                table: "MatchDecisions",
                column: "RecordAId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_RecordBId",
                table: "MatchDecisions",
                column: "RecordBId");

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId",
                table: "People",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRecordMoves_PersonRecordId",
                table: "PersonRecordMoves",
                column: "PersonRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_PossibleMatches_DecisionId",
                table: "PossibleMatches",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_PossibleMatches_RecordAId_RecordBId",
                table: "PossibleMatches",
                columns: new[] { "RecordAId", "RecordBId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PossibleMatches_RecordBId",
                table: "PossibleMatches",
                column: "RecordBId");

            migrationBuilder.CreateIndex(
                name: "IX_PossibleMatches_Status_FoundAt",
                table: "PossibleMatches",
                columns: new[] { "Status", "FoundAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_PersonRecords_People_PersonId",
                table: "PersonRecords",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PersonRecords_People_PersonId",
                table: "PersonRecords");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "PersonRecordMoves");

            migrationBuilder.DropTable(
                name: "PossibleMatches");

            migrationBuilder.DropTable(
                name: "MatchDecisions");

            migrationBuilder.DropIndex(
                name: "IX_PersonRecords_PersonId",
                table: "PersonRecords");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "PersonRecords");
        }
    }
}
