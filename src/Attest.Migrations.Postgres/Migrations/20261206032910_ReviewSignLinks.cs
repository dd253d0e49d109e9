using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReviewSignLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewSignRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecretSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSignRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_EmployerContacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "EmployerContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_ProgressReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ProgressReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_CentreId_SecretSha256",
                table: "ReviewSignRequests",
                columns: new[] { "CentreId", "SecretSha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_ContactId",
                table: "ReviewSignRequests",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_CreatedBy",
                table: "ReviewSignRequests",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_EnrolmentId",
                table: "ReviewSignRequests",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_ReviewId",
                table: "ReviewSignRequests",
                column: "ReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewSignRequests");
        }
    }
}
