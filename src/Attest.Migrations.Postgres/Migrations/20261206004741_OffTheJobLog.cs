using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OffTheJobLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OffTheJobActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Starts = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Ends = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    ActivityType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WhatWasLearnt = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    InOwnTime = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffTheJobActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffTheJobActivities_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffTheJobActivities_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffTheJobActivities_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffTheJobVerifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    VerifierRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    VerifiedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    VerifiedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Activities = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffTheJobVerifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffTheJobVerifications_AspNetUsers_VerifiedBy",
                        column: x => x.VerifiedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffTheJobVerifications_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffTheJobVerifications_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffTheJobWithdrawals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffTheJobWithdrawals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffTheJobWithdrawals_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffTheJobWithdrawals_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffTheJobWithdrawals_OffTheJobActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "OffTheJobActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffTheJobVerifiedActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    VerificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffTheJobVerifiedActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffTheJobVerifiedActivities_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffTheJobVerifiedActivities_OffTheJobActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "OffTheJobActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffTheJobVerifiedActivities_OffTheJobVerifications_Verifica~",
                        column: x => x.VerificationId,
                        principalTable: "OffTheJobVerifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobActivities_CandidateId_Date",
                table: "OffTheJobActivities",
                columns: new[] { "CandidateId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobActivities_CentreId",
                table: "OffTheJobActivities",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobActivities_EnrolmentId_Date",
                table: "OffTheJobActivities",
                columns: new[] { "EnrolmentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobActivities_RecordedBy",
                table: "OffTheJobActivities",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobVerifications_CentreId",
                table: "OffTheJobVerifications",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobVerifications_EnrolmentId",
                table: "OffTheJobVerifications",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobVerifications_VerifiedBy",
                table: "OffTheJobVerifications",
                column: "VerifiedBy");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobVerifiedActivities_ActivityId",
                table: "OffTheJobVerifiedActivities",
                column: "ActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobVerifiedActivities_CentreId",
                table: "OffTheJobVerifiedActivities",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobVerifiedActivities_EnrolmentId",
                table: "OffTheJobVerifiedActivities",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobVerifiedActivities_VerificationId",
                table: "OffTheJobVerifiedActivities",
                column: "VerificationId");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobWithdrawals_ActivityId",
                table: "OffTheJobWithdrawals",
                column: "ActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobWithdrawals_CentreId",
                table: "OffTheJobWithdrawals",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobWithdrawals_EnrolmentId",
                table: "OffTheJobWithdrawals",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobWithdrawals_RecordedBy",
                table: "OffTheJobWithdrawals",
                column: "RecordedBy");

            AppendOnlyTables.Guard(migrationBuilder, "OffTheJobActivities", "OffTheJobVerifications", "OffTheJobVerifiedActivities", "OffTheJobWithdrawals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OffTheJobVerifiedActivities");

            migrationBuilder.DropTable(
                name: "OffTheJobWithdrawals");

            migrationBuilder.DropTable(
                name: "OffTheJobVerifications");

            migrationBuilder.DropTable(
                name: "OffTheJobActivities");
        }
    }
}
