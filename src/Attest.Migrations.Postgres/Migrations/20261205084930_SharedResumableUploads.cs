using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SharedResumableUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResumableUploads",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Offset = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    FileType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResumableUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResumableUploadParts",
                columns: table => new
                {
                    UploadId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Offset = table.Column<long>(type: "bigint", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResumableUploadParts", x => new { x.UploadId, x.Offset });
                    table.ForeignKey(
                        name: "FK_ResumableUploadParts_ResumableUploads_UploadId",
                        column: x => x.UploadId,
                        principalTable: "ResumableUploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResumableUploads_CentreId_WrittenAt",
                table: "ResumableUploads",
                columns: new[] { "CentreId", "WrittenAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResumableUploadParts");

            migrationBuilder.DropTable(
                name: "ResumableUploads");
        }
    }
}
