using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanNumber = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PlanKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Units = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Venue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Activities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartingPoint = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ExistingCompetence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Gaps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RightLevel = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Completed = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentPlans_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentPlans_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentPlans_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPlans_CentreId",
                table: "AssessmentPlans",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPlans_CreatedBy",
                table: "AssessmentPlans",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPlans_EnrolmentId_PlanNumber_Version",
                table: "AssessmentPlans",
                columns: new[] { "EnrolmentId", "PlanNumber", "Version" },
                unique: true);

            // Append-only: the database refuses UPDATE, DELETE and TRUNCATE (security.md test 14).
            foreach (var table in new[] { "AssessmentPlans" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_append_only\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION attest_refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_truncate\" BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION attest_refuse_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentPlans");
        }
    }
}
