using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CertificationClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificationClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QualificationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QualificationTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CandidateName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    Uln = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CandidateNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClaimDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClaimedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificationClaims_AspNetUsers_ClaimedById",
                        column: x => x.ClaimedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificationClaims_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificationClaims_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificationClaims_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaimLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AchievedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SignOffId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimLines_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLines_CertificationClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "CertificationClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLines_UnitSignOffs_SignOffId",
                        column: x => x.SignOffId,
                        principalTable: "UnitSignOffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertificationClaims_CandidateId",
                table: "CertificationClaims",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationClaims_CentreId_SignedAt",
                table: "CertificationClaims",
                columns: new[] { "CentreId", "SignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificationClaims_ClaimedById",
                table: "CertificationClaims",
                column: "ClaimedById");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationClaims_EnrolmentId",
                table: "CertificationClaims",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_CentreId",
                table: "ClaimLines",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_ClaimId",
                table: "ClaimLines",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_EnrolmentId_Scope_UnitCode",
                table: "ClaimLines",
                columns: new[] { "EnrolmentId", "Scope", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_SignOffId",
                table: "ClaimLines",
                column: "SignOffId");

            // Append-only: the database refuses UPDATE and DELETE (security.md test 14).
            foreach (var table in new[] { "CertificationClaims", "ClaimLines" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_update\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_delete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimLines");

            migrationBuilder.DropTable(
                name: "CertificationClaims");
        }
    }
}
