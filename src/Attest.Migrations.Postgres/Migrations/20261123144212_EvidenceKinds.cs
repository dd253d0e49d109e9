using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceKinds : Migration
    {
        /// <inheritdoc />
        // Items kept before kinds existed were uploaded files from real work, never scanned.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "StoredName",
                table: "EvidenceItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Sha256",
                table: "EvidenceItems",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "OriginalFileName",
                table: "EvidenceItems",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);

            migrationBuilder.AlterColumn<string>(
                name: "ContentType",
                table: "EvidenceItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ActivityFrom",
                table: "EvidenceItems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ActivityTo",
                table: "EvidenceItems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "EvidenceItems",
                type: "character varying(50000)",
                maxLength: 50000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "EvidenceItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Context",
                table: "EvidenceItems",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "RealWork");

            migrationBuilder.AddColumn<string>(
                name: "CustomerLabel",
                table: "EvidenceItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DurationSeconds",
                table: "EvidenceItems",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeldAt",
                table: "EvidenceItems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeldBy",
                table: "EvidenceItems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "EvidenceItems",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "UploadedFile");

            migrationBuilder.AddColumn<string>(
                name: "MediaNotes",
                table: "EvidenceItems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Occasions",
                table: "EvidenceItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Scan",
                table: "EvidenceItems",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotScanned");

            migrationBuilder.AddColumn<string>(
                name: "ScanDetail",
                table: "EvidenceItems",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SplitFromId",
                table: "EvidenceItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuthenticityDeclarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeclaredBy = table.Column<Guid>(type: "uuid", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StatementText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Manifest = table.Column<string>(type: "text", nullable: false),
                    SignedSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthenticityDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthenticityDeclarations_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuthenticityDeclarations_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceWarnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Found = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Advice = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceWarnings_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceWarnings_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_CentreId_Scan",
                table: "EvidenceItems",
                columns: new[] { "CentreId", "Scan" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_SplitFromId",
                table: "EvidenceItems",
                column: "SplitFromId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthenticityDeclarations_CandidateId_DeclaredAt",
                table: "AuthenticityDeclarations",
                columns: new[] { "CandidateId", "DeclaredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuthenticityDeclarations_CentreId",
                table: "AuthenticityDeclarations",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceWarnings_CentreId",
                table: "EvidenceWarnings",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceWarnings_EvidenceItemId",
                table: "EvidenceWarnings",
                column: "EvidenceItemId");

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceItems_EvidenceItems_SplitFromId",
                table: "EvidenceItems",
                column: "SplitFromId",
                principalTable: "EvidenceItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceItems_EvidenceItems_SplitFromId",
                table: "EvidenceItems");

            migrationBuilder.DropTable(
                name: "AuthenticityDeclarations");

            migrationBuilder.DropTable(
                name: "EvidenceWarnings");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceItems_CentreId_Scan",
                table: "EvidenceItems");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceItems_SplitFromId",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "ActivityFrom",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "ActivityTo",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "Context",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "CustomerLabel",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "DurationSeconds",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "HeldAt",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "HeldBy",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "MediaNotes",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "Occasions",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "Scan",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "ScanDetail",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "SplitFromId",
                table: "EvidenceItems");

            migrationBuilder.AlterColumn<string>(
                name: "StoredName",
                table: "EvidenceItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Sha256",
                table: "EvidenceItems",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "OriginalFileName",
                table: "EvidenceItems",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ContentType",
                table: "EvidenceItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);
        }
    }
}
