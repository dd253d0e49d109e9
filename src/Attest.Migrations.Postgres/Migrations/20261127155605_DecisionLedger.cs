using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
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
                type: "integer",
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignerRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SignerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntryHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                name: "IX_CriterionDecisions_EnrolmentId_UnitCode_CriterionRef_Revisi~",
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

            // Append-only tables refuse UPDATE, DELETE and TRUNCATE in the database itself, for the app's role as for any
            // other (security.md test 14). Only a superuser who turns triggers off can get past, and verify catches that.
            migrationBuilder.Sql(@"CREATE FUNCTION attest_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;");
            foreach (var table in new[] { "LedgerEntries", "CriterionDecisions", "AuthenticityDeclarations" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_append_only\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION attest_refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_truncate\" BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION attest_refuse_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "CriterionDecisions", "AuthenticityDeclarations" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_append_only\" ON \"{table}\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_truncate\" ON \"{table}\";");
            }

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_CriterionDecisions_EnrolmentId_UnitCode_CriterionRef_Revisi~",
                table: "CriterionDecisions");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS attest_refuse_change() CASCADE;");

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
