using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Witnesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Witnesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsExpert = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Witnesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Witnesses_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Witnesses_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WitnessRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WitnessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Targets = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SecretSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WitnessRequests_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WitnessRequests_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WitnessRequests_Witnesses_WitnessId",
                        column: x => x.WitnessId,
                        principalTable: "Witnesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WitnessTestimonies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WitnessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CandidateName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActivityDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActivityTime = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignatureName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IsExpert = table.Column<bool>(type: "INTEGER", nullable: false),
                    Missing = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Warnings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TranscribedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessTestimonies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WitnessTestimonies_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WitnessTestimonies_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WitnessTestimonies_Witnesses_WitnessId",
                        column: x => x.WitnessId,
                        principalTable: "Witnesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Witnesses_CandidateId",
                table: "Witnesses",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Witnesses_CentreId",
                table: "Witnesses",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_WitnessRequests_CentreId_SecretSha256",
                table: "WitnessRequests",
                columns: new[] { "CentreId", "SecretSha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WitnessRequests_EnrolmentId",
                table: "WitnessRequests",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_WitnessRequests_WitnessId",
                table: "WitnessRequests",
                column: "WitnessId");

            migrationBuilder.CreateIndex(
                name: "IX_WitnessTestimonies_CentreId",
                table: "WitnessTestimonies",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_WitnessTestimonies_EvidenceItemId",
                table: "WitnessTestimonies",
                column: "EvidenceItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WitnessTestimonies_RequestId",
                table: "WitnessTestimonies",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WitnessTestimonies_WitnessId",
                table: "WitnessTestimonies",
                column: "WitnessId");

            // Append-only: the database refuses UPDATE and DELETE (security.md test 14).
            foreach (var table in new[] { "WitnessTestimonies" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_update\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_delete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WitnessRequests");

            migrationBuilder.DropTable(
                name: "WitnessTestimonies");

            migrationBuilder.DropTable(
                name: "Witnesses");
        }
    }
}
