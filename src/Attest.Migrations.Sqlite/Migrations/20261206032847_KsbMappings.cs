using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KsbMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecordKsbMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StandardReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StandardVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    KsbCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MappedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    MappedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MappedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordKsbMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordKsbMappings_AspNetUsers_MappedBy",
                        column: x => x.MappedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecordKsbMappings_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecordKsbMappings_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KsbMappingWithdrawals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MappingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KsbCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KsbMappingWithdrawals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KsbMappingWithdrawals_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KsbMappingWithdrawals_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KsbMappingWithdrawals_RecordKsbMappings_MappingId",
                        column: x => x.MappingId,
                        principalTable: "RecordKsbMappings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KsbMappingWithdrawals_CentreId",
                table: "KsbMappingWithdrawals",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_KsbMappingWithdrawals_EnrolmentId",
                table: "KsbMappingWithdrawals",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_KsbMappingWithdrawals_MappingId",
                table: "KsbMappingWithdrawals",
                column: "MappingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KsbMappingWithdrawals_RecordedBy",
                table: "KsbMappingWithdrawals",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_RecordKsbMappings_CentreId",
                table: "RecordKsbMappings",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordKsbMappings_EnrolmentId",
                table: "RecordKsbMappings",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordKsbMappings_MappedBy",
                table: "RecordKsbMappings",
                column: "MappedBy");

            migrationBuilder.CreateIndex(
                name: "IX_RecordKsbMappings_RecordId",
                table: "RecordKsbMappings",
                column: "RecordId");

            // KSB mappings and their withdrawals: the database refuses to change them.
            AppendOnlyTables.Guard(migrationBuilder, "RecordKsbMappings", "KsbMappingWithdrawals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KsbMappingWithdrawals");

            migrationBuilder.DropTable(
                name: "RecordKsbMappings");
        }
    }
}
