using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LastEvidenceNumber",
                table: "Candidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing candidates carry on from their highest reference (E001 is 1).
            migrationBuilder.Sql(@"UPDATE ""Candidates"" SET ""LastEvidenceNumber"" = COALESCE((SELECT MAX(CAST(substr(e.""Reference"", 2) AS INTEGER))
                FROM ""EvidenceItems"" AS e WHERE e.""CandidateId"" = ""Candidates"".""Id"" AND e.""Reference"" GLOB 'E[0-9]*'), 0);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastEvidenceNumber",
                table: "Candidates");
        }
    }
}
