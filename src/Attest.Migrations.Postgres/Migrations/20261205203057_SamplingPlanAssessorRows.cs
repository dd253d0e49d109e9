using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SamplingPlanAssessorRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Coverage",
                table: "SamplingPlans",
                newName: "Gaps");

            migrationBuilder.CreateTable(
                name: "SamplingPlanAssessors",
                columns: table => new
                {
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RatePercent = table.Column<int>(type: "integer", nullable: false),
                    RateReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Candidates = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    Sampled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplingPlanAssessors", x => new { x.PlanId, x.AssessorId });
                    table.ForeignKey(
                        name: "FK_SamplingPlanAssessors_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SamplingPlanAssessors_SamplingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SamplingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SamplingPlanAssessors_CentreId",
                table: "SamplingPlanAssessors",
                column: "CentreId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SamplingPlanAssessors");

            migrationBuilder.RenameColumn(
                name: "Gaps",
                table: "SamplingPlans",
                newName: "Coverage");
        }
    }
}
