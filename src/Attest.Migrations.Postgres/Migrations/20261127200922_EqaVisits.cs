using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EqaVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EqaAccesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EqaAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EqaAccesses_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EqaVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EqaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EqaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WindowEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EqaVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EqaVisits_AspNetUsers_EqaId",
                        column: x => x.EqaId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EqaVisits_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EqaReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Findings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Actions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Sanction = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EqaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EqaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EqaReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EqaReports_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EqaReports_EqaVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "EqaVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EqaVisitSamples",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    AddedByRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EqaVisitSamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EqaVisitSamples_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EqaVisitSamples_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EqaVisitSamples_EqaVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "EqaVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EqaAccesses_CentreId_UserId_At",
                table: "EqaAccesses",
                columns: new[] { "CentreId", "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_EqaReports_CentreId",
                table: "EqaReports",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaReports_VisitId",
                table: "EqaReports",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisits_CentreId_EqaId_WindowEnd",
                table: "EqaVisits",
                columns: new[] { "CentreId", "EqaId", "WindowEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisits_EqaId",
                table: "EqaVisits",
                column: "EqaId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisitSamples_CandidateId",
                table: "EqaVisitSamples",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisitSamples_CentreId",
                table: "EqaVisitSamples",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisitSamples_EnrolmentId",
                table: "EqaVisitSamples",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisitSamples_VisitId_EnrolmentId",
                table: "EqaVisitSamples",
                columns: new[] { "VisitId", "EnrolmentId" },
                unique: true);

            // Append-only: the database refuses UPDATE, DELETE and TRUNCATE (security.md test 14).
            foreach (var table in new[] { "EqaReports", "EqaAccesses" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_append_only\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION attest_refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_truncate\" BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION attest_refuse_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EqaAccesses");

            migrationBuilder.DropTable(
                name: "EqaReports");

            migrationBuilder.DropTable(
                name: "EqaVisitSamples");

            migrationBuilder.DropTable(
                name: "EqaVisits");
        }
    }
}
