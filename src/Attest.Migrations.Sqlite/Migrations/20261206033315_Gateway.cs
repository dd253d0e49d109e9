using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Gateway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnglishAndMathsRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    AchievedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExemptionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnglishAndMathsRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnglishAndMathsRecords_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnglishAndMathsRecords_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnglishAndMathsRecords_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GatewaySignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StandardReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StandardVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Checklist = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SignerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GatewaySignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GatewaySignatures_AspNetUsers_SignerId",
                        column: x => x.SignerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GatewaySignatures_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GatewaySignatures_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnglishAndMathsRecords_CentreId",
                table: "EnglishAndMathsRecords",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EnglishAndMathsRecords_EnrolmentId",
                table: "EnglishAndMathsRecords",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EnglishAndMathsRecords_RecordedBy",
                table: "EnglishAndMathsRecords",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_GatewaySignatures_CentreId",
                table: "GatewaySignatures",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_GatewaySignatures_EnrolmentId_Party",
                table: "GatewaySignatures",
                columns: new[] { "EnrolmentId", "Party" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GatewaySignatures_SignerId",
                table: "GatewaySignatures",
                column: "SignerId");

            AppendOnlyTables.Guard(migrationBuilder, "EnglishAndMathsRecords", "GatewaySignatures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnglishAndMathsRecords");

            migrationBuilder.DropTable(
                name: "GatewaySignatures");
        }
    }
}
