using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EqaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EqaName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WindowEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Sanction = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EqaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EqaName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    AddedByRole = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            // Append-only: the database refuses UPDATE and DELETE (security.md test 14).
            foreach (var table in new[] { "EqaReports", "EqaAccesses" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_update\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_delete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END;");
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
