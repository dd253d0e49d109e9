using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProblemCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Workplace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProblemType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SpottedHow = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Options = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AgreedOption = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Actions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Updates = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SatisfactionCheck = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReasonsGiven = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Alerted = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemCases_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemCases_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCases_CentreId",
                table: "ProblemCases",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCases_EvidenceItemId",
                table: "ProblemCases",
                column: "EvidenceItemId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProblemCases");
        }
    }
}
