using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProgressReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReviewIntervalWeeks",
                table: "CentrePolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ProgressReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProgressAgainstPlan = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    OffTheJobHoursDiscussed = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    KsbProgress = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    WellbeingConcern = table.Column<bool>(type: "INTEGER", nullable: false),
                    WellbeingNotes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SafeguardingConcern = table.Column<bool>(type: "INTEGER", nullable: false),
                    SafeguardingNotes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Targets = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReviews_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReviews_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReviews_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReviewSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReviewSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReviewSignatures_AspNetUsers_SignerId",
                        column: x => x.SignerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReviewSignatures_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReviewSignatures_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReviewSignatures_ProgressReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ProgressReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviews_CentreId",
                table: "ProgressReviews",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviews_EnrolmentId",
                table: "ProgressReviews",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviews_RecordedBy",
                table: "ProgressReviews",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviewSignatures_CentreId",
                table: "ProgressReviewSignatures",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviewSignatures_EnrolmentId",
                table: "ProgressReviewSignatures",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviewSignatures_ReviewId_Party",
                table: "ProgressReviewSignatures",
                columns: new[] { "ReviewId", "Party" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviewSignatures_SignerId",
                table: "ProgressReviewSignatures",
                column: "SignerId");

            AppendOnlyTables.Guard(migrationBuilder, "ProgressReviews", "ProgressReviewSignatures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgressReviewSignatures");

            migrationBuilder.DropTable(
                name: "ProgressReviews");

            migrationBuilder.DropColumn(
                name: "ReviewIntervalWeeks",
                table: "CentrePolicies");
        }
    }
}
