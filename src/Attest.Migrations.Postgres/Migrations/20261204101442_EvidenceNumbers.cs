using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing candidates carry on from their highest reference (E001 is 1).
            migrationBuilder.Sql(@"UPDATE ""Candidates"" AS c SET ""LastEvidenceNumber"" = COALESCE((SELECT MAX(CAST(substring(e.""Reference"" from 2) AS integer))
                FROM ""EvidenceItems"" AS e WHERE e.""CandidateId"" = c.""Id"" AND e.""Reference"" ~ '^E[0-9]{1,9}$'), 0);");
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
