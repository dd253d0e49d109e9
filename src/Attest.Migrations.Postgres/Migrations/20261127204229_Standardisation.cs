using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    QualificationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Units = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Participants = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Compared = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Actions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            // Append-only: the database refuses UPDATE, DELETE and TRUNCATE (security.md test 14).
            foreach (var table in new[] { "StandardisationRecords" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_append_only\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION attest_refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_truncate\" BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION attest_refuse_change();");
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
