using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Standardisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StandardisationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QualificationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Units = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Compared = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardisationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandardisationRecords_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StandardisationRecords_CentreId_HeldOn",
                table: "StandardisationRecords",
                columns: new[] { "CentreId", "HeldOn" });

            // Append-only: the database refuses UPDATE and DELETE (security.md test 14).
            foreach (var table in new[] { "StandardisationRecords" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_update\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_delete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StandardisationRecords");
        }
    }
}
