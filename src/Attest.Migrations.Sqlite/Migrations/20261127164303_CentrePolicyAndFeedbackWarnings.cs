using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CentrePolicyAndFeedbackWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FeedbackWarnings",
                table: "CriterionDecisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CentrePolicies",
                columns: table => new
                {
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeedbackMinWords = table.Column<int>(type: "INTEGER", nullable: false),
                    ReworkLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CentrePolicies", x => x.CentreId);
                    table.ForeignKey(
                        name: "FK_CentrePolicies_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CentrePolicies");

            migrationBuilder.DropColumn(
                name: "FeedbackWarnings",
                table: "CriterionDecisions");
        }
    }
}
