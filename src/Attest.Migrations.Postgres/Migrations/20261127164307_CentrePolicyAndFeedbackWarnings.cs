using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
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
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CentrePolicies",
                columns: table => new
                {
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeedbackMinWords = table.Column<int>(type: "integer", nullable: false),
                    ReworkLimit = table.Column<int>(type: "integer", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
