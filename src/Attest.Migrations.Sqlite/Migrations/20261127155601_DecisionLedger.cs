using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DecisionLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CriterionDecisions_EnrolmentId_UnitCode",
                table: "CriterionDecisions");

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "CriterionDecisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Number the decisions already made, oldest first, before the unique revision index is created.
            migrationBuilder.Sql(@"UPDATE ""CriterionDecisions"" SET ""Revision"" = (SELECT COUNT(*) FROM ""CriterionDecisions"" AS d
                WHERE d.""EnrolmentId"" = ""CriterionDecisions"".""EnrolmentId"" AND d.""UnitCode"" = ""CriterionDecisions"".""UnitCode""
                AND d.""CriterionRef"" = ""CriterionDecisions"".""CriterionRef""
                AND (d.""DecidedAt"" < ""CriterionDecisions"".""DecidedAt"" OR (d.""DecidedAt"" = ""CriterionDecisions"".""DecidedAt"" AND d.""Id"" <= ""CriterionDecisions"".""Id"")));");

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignerRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SignerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntryHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CriterionDecisions_EnrolmentId_UnitCode_CriterionRef_Revision",
                table: "CriterionDecisions",
                columns: new[] { "EnrolmentId", "UnitCode", "CriterionRef", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_CentreId_Sequence",
                table: "LedgerEntries",
                columns: new[] { "CentreId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_CentreId_SubjectId",
                table: "LedgerEntries",
                columns: new[] { "CentreId", "SubjectId" });

            // Append-only tables refuse UPDATE and DELETE in the database itself, whatever the app does (security.md test 14).
            foreach (var table in new[] { "LedgerEntries", "CriterionDecisions", "AuthenticityDeclarations" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_update\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_delete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "LedgerEntries", "CriterionDecisions", "AuthenticityDeclarations" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_update\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_delete\";");
            }

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_CriterionDecisions_EnrolmentId_UnitCode_CriterionRef_Revision",
                table: "CriterionDecisions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "CriterionDecisions");

            migrationBuilder.CreateIndex(
                name: "IX_CriterionDecisions_EnrolmentId_UnitCode",
                table: "CriterionDecisions",
                columns: new[] { "EnrolmentId", "UnitCode" });
        }
    }
}
