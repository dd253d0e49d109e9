using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IqaReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IqaReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignOffId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Findings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Feedback = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    FeedbackWarnings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Actions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IqaId = table.Column<Guid>(type: "uuid", nullable: false),
                    IqaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IqaReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IqaReviews_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaReviews_AspNetUsers_IqaId",
                        column: x => x.IqaId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaReviews_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaReviews_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaReviews_UnitSignOffs_SignOffId",
                        column: x => x.SignOffId,
                        principalTable: "UnitSignOffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_AssessorId",
                table: "IqaReviews",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_CentreId_ReviewedAt",
                table: "IqaReviews",
                columns: new[] { "CentreId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_EnrolmentId_UnitCode_Sequence",
                table: "IqaReviews",
                columns: new[] { "EnrolmentId", "UnitCode", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_IqaId",
                table: "IqaReviews",
                column: "IqaId");

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_SignOffId",
                table: "IqaReviews",
                column: "SignOffId");

            // Append-only: the database refuses UPDATE, DELETE and TRUNCATE (security.md test 14).
            foreach (var table in new[] { "IqaReviews" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_append_only\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION attest_refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_truncate\" BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION attest_refuse_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IqaReviews");
        }
    }
}
