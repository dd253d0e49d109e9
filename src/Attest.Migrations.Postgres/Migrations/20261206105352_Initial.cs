using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Attest.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Centres",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    QuotaBytes = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Centres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RateCounts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateCounts", x => x.Key);
                });

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
                name: "SignInFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HeldBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HeldUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SecretSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeactivatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeactivatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CandidateImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    UploadedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateImports_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CentrePolicies",
                columns: table => new
                {
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeedbackMinWords = table.Column<int>(type: "integer", nullable: false),
                    ReworkLimit = table.Column<int>(type: "integer", nullable: false),
                    LongRecordingMinutes = table.Column<int>(type: "integer", nullable: true),
                    ClaimsWaitForSummativeSample = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorRoles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RetentionYears = table.Column<int>(type: "integer", nullable: false),
                    ReviewIntervalWeeks = table.Column<int>(type: "integer", nullable: false),
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

            migrationBuilder.CreateTable(
                name: "EqaAccesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EqaAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EqaAccesses_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ErasureWindows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureWindows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ErasureWindows_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdempotencyRecords_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignerRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SignerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerNameSalt = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SignerNameSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    ErasedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntryHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Template = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ToAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "text", nullable: true),
                    HtmlBody = table.Column<string>(type: "text", nullable: true),
                    HoldsLink = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMails_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SamplingPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    QualificationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Strategy = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Gaps = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    GeneratedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    GeneratedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplingPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SamplingPlans_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SamplingStrategies",
                columns: table => new
                {
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    QualificationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CandidatePercent = table.Column<int>(type: "integer", nullable: false),
                    UnitPercent = table.Column<int>(type: "integer", nullable: false),
                    NewAssessorPercent = table.Column<int>(type: "integer", nullable: false),
                    RiskPercent = table.Column<int>(type: "integer", nullable: false),
                    RiskDisagreements = table.Column<int>(type: "integer", nullable: false),
                    RiskWindowDays = table.Column<int>(type: "integer", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplingStrategies", x => new { x.CentreId, x.QualificationCode });
                    table.ForeignKey(
                        name: "FK_SamplingStrategies_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurityEvents_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SingleSignOnDomains",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleSignOnDomains", x => x.Domain);
                    table.ForeignKey(
                        name: "FK_SingleSignOnDomains_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SingleSignOns",
                columns: table => new
                {
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Authority = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TrustEmail = table.Column<bool>(type: "boolean", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleSignOns", x => x.CentreId);
                    table.ForeignKey(
                        name: "FK_SingleSignOns_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "AccountLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SecretSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountLinks_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccountLinks_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Uln = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AwardingBodyCandidateNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastEvidenceNumber = table.Column<int>(type: "integer", nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Candidates_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Candidates_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Employers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Employers_AspNetUsers_ChangedBy",
                        column: x => x.ChangedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Employers_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Employers_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EqaVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EqaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EqaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WindowEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EqaVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EqaVisits_AspNetUsers_EqaId",
                        column: x => x.EqaId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EqaVisits_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IqaObservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Activity = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Strengths = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Development = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Actions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    IqaId = table.Column<Guid>(type: "uuid", nullable: false),
                    IqaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IqaObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IqaObservations_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaObservations_AspNetUsers_IqaId",
                        column: x => x.IqaId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaObservations_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpecificationVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    QualificationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Yaml = table.Column<string>(type: "character varying(2000000)", maxLength: 2000000, nullable: false),
                    Origin = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecificationVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpecificationVersions_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecificationVersions_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffProfiles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Standing = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LeadIqa = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_StaffProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffProfiles_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SamplingPlanAssessors",
                columns: table => new
                {
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RatePercent = table.Column<int>(type: "integer", nullable: false),
                    RateReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Candidates = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    Sampled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplingPlanAssessors", x => new { x.PlanId, x.AssessorId });
                    table.ForeignKey(
                        name: "FK_SamplingPlanAssessors_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SamplingPlanAssessors_SamplingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SamplingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "CandidateDetailsChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    From = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    To = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateDetailsChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateDetailsChanges_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CandidateDetailsChanges_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Body = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    ActivityFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ActivityTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Context = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CustomerLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Occasions = table.Column<int>(type: "integer", nullable: false),
                    HeldAt = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HeldBy = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OriginalFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PreviewStoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Scan = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ScanDetail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DurationSeconds = table.Column<double>(type: "double precision", nullable: true),
                    PageCount = table.Column<int>(type: "integer", nullable: true),
                    MediaNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SplitFromId = table.Column<Guid>(type: "uuid", nullable: true),
                    UploadedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_EvidenceItems_SplitFromId",
                        column: x => x.SplitFromId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearnerErasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Pseudonym = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RetentionEndedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FilesRemoved = table.Column<int>(type: "integer", nullable: false),
                    Redactions = table.Column<string>(type: "text", nullable: false),
                    ErasedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ErasedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearnerErasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearnerErasures_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LearnerErasures_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Witnesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Relationship = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IsExpert = table.Column<bool>(type: "boolean", nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Witnesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Witnesses_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Witnesses_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmployerContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployerContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmployerContacts_AspNetUsers_ChangedBy",
                        column: x => x.ChangedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmployerContacts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmployerContacts_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmployerContacts_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EqaReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Findings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Actions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Sanction = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EqaId = table.Column<Guid>(type: "uuid", nullable: false),
                    EqaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EqaReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EqaReports_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EqaReports_EqaVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "EqaVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    QualificationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SpecificationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlannedEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ProgressStamp = table.Column<Guid>(type: "uuid", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OnBreakSince = table.Column<DateOnly>(type: "date", nullable: true),
                    LastResumedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DaysOnBreak = table.Column<int>(type: "integer", nullable: false),
                    TransferredFromEnrolmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    TransferredOut = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enrolments_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enrolments_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enrolments_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enrolments_Enrolments_TransferredFromEnrolmentId",
                        column: x => x.TransferredFromEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enrolments_SpecificationVersions_SpecificationId",
                        column: x => x.SpecificationId,
                        principalTable: "SpecificationVersions",
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

            migrationBuilder.CreateTable(
                name: "ProblemCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Workplace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProblemType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SpottedHow = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Options = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AgreedOption = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Actions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Updates = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SatisfactionCheck = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReasonsGiven = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Alerted = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemCases_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemCases_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WitnessTestimonies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    WitnessId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CandidateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActivityDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ActivityTime = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Venue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    WrittenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Relationship = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignatureName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IsExpert = table.Column<bool>(type: "boolean", nullable: false),
                    Missing = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Warnings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TranscribedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessTestimonies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WitnessTestimonies_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WitnessTestimonies_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WitnessTestimonies_Witnesses_WitnessId",
                        column: x => x.WitnessId,
                        principalTable: "Witnesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Apprenticeships",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Programme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProgrammeCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProgrammeTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StandardVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ContractedHoursPerWeek = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    PlannedOffTheJobHours = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    EmployerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Apprenticeships", x => x.EnrolmentId);
                    table.ForeignKey(
                        name: "FK_Apprenticeships_AspNetUsers_ChangedBy",
                        column: x => x.ChangedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Apprenticeships_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Apprenticeships_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Apprenticeships_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Apprenticeships_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanNumber = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PlanKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Units = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Venue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Activities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartingPoint = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ExistingCompetence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Gaps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RightLevel = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Completed = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentPlans_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentPlans_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentPlans_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessorRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OccurredAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Venue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    Questions = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    PlanNumber = table.Column<int>(type: "integer", nullable: true),
                    RecordingParts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ExaminedItems = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessorRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessorRecords_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessorRecords_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessorRecords_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessorRecords_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CertificationClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QualificationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QualificationTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CandidateName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    Uln = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CandidateNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificationClaims_AspNetUsers_ClaimedById",
                        column: x => x.ClaimedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificationClaims_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificationClaims_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificationClaims_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CriterionDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CriterionRef = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Feedback = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FeedbackWords = table.Column<int>(type: "integer", nullable: false),
                    EvidenceReferences = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FeedbackWarnings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriterionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriterionDecisions_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CriterionDecisions_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CriterionDecisions_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnglishAndMathsRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    AchievedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExemptionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "EnrolledUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolledUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnrolledUnits_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnrolledUnits_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnrolmentStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Act = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PlannedEndAfter = table.Column<DateOnly>(type: "date", nullable: true),
                    Changes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnrolmentStatusChanges_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnrolmentStatusChanges_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnrolmentStatusChanges_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EqaVisitSamples",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    AddedByRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EqaVisitSamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EqaVisitSamples_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EqaVisitSamples_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EqaVisitSamples_EqaVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "EqaVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceReference = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ItemContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<bool>(type: "boolean", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Criteria = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Requirements = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceAcceptances_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceAcceptances_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceAcceptances_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceAcceptances_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CriterionRef = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Locator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceMappings_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceMappings_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceMappings_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GatewaySignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StandardReference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StandardVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Checklist = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SignerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "GradedSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    Items = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradedSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GradedSubmissions_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GradedSubmissions_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "ProgressReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProgressAgainstPlan = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    OffTheJobHoursDiscussed = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    KsbProgress = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    WellbeingConcern = table.Column<bool>(type: "boolean", nullable: false),
                    WellbeingNotes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    SafeguardingConcern = table.Column<bool>(type: "boolean", nullable: false),
                    SafeguardingNotes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Targets = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "RecordKsbMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    StandardReference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StandardVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    KsbCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MappedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    MappedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MappedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordKsbMappings", x => x.Id);
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
                name: "SamplePicks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Candidate = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AddedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemovedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RemovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RemovedReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplePicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SamplePicks_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SamplePicks_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SamplePicks_SamplingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SamplingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrackedStandings",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Engines = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rag = table.Column<int>(type: "integer", nullable: true),
                    PredictedCompletion = table.Column<DateOnly>(type: "date", nullable: true),
                    Explanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AwaitingDecision = table.Column<int>(type: "integer", nullable: false),
                    ReadyForSignOff = table.Column<int>(type: "integer", nullable: false),
                    UnitsEnrolled = table.Column<int>(type: "integer", nullable: false),
                    UnitsSignedOff = table.Column<int>(type: "integer", nullable: false),
                    UnitsClaimed = table.Column<int>(type: "integer", nullable: false),
                    QualificationClaimed = table.Column<bool>(type: "boolean", nullable: false),
                    CriteriaMet = table.Column<int>(type: "integer", nullable: false),
                    CriteriaTotal = table.Column<int>(type: "integer", nullable: false),
                    NextReview = table.Column<DateOnly>(type: "date", nullable: true),
                    UnitsIqaReviewed = table.Column<int>(type: "integer", nullable: false),
                    SignedOffUnitsWithSummativeReview = table.Column<int>(type: "integer", nullable: false),
                    Actions = table.Column<string>(type: "text", nullable: false),
                    FirstActionDue = table.Column<DateOnly>(type: "date", nullable: true),
                    Units = table.Column<string>(type: "text", nullable: false),
                    Awaiting = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackedStandings", x => x.EnrolmentId);
                    table.ForeignKey(
                        name: "FK_TrackedStandings_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrackedStandings_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitSignOffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Record = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WithdrawsId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitSignOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitSignOffs_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitSignOffs_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitSignOffs_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WitnessRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    WitnessId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Targets = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Activity = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SecretSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WitnessRequests_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WitnessRequests_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WitnessRequests_Witnesses_WitnessId",
                        column: x => x.WitnessId,
                        principalTable: "Witnesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MappingWithdrawals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    MappingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CriterionRef = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingWithdrawals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappingWithdrawals_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MappingWithdrawals_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MappingWithdrawals_EvidenceMappings_MappingId",
                        column: x => x.MappingId,
                        principalTable: "EvidenceMappings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GradedAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CriteriaMet = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Feedback = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FeedbackWarnings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReworkAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradedAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GradedAssessments_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GradedAssessments_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GradedAssessments_GradedSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "GradedSubmissions",
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

            migrationBuilder.CreateTable(
                name: "ProgressReviewSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Via = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReviewSignatures", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "ReviewSignRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecretSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSignRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_EmployerContacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "EmployerContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewSignRequests_ProgressReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ProgressReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KsbMappingWithdrawals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    MappingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    KsbCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KsbMappingWithdrawals", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "ClaimLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AchievedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SignOffId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimLines_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLines_CertificationClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "CertificationClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLines_UnitSignOffs_SignOffId",
                        column: x => x.SignOffId,
                        principalTable: "UnitSignOffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IqaReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignOffId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Findings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Feedback = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    FeedbackWarnings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Actions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IqaId = table.Column<Guid>(type: "uuid", nullable: false),
                    IqaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IqaReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IqaReviews_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaReviews_AspNetUsers_IqaId",
                        column: x => x.IqaId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaReviews_Centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "Centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaReviews_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IqaReviews_UnitSignOffs_SignOffId",
                        column: x => x.SignOffId,
                        principalTable: "UnitSignOffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountLinks_CentreId_SecretSha256",
                table: "AccountLinks",
                columns: new[] { "CentreId", "SecretSha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccountLinks_UserId",
                table: "AccountLinks",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_CentreId",
                table: "ApiTokens",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_SecretSha256",
                table: "ApiTokens",
                column: "SecretSha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Apprenticeships_CentreId",
                table: "Apprenticeships",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenticeships_ChangedBy",
                table: "Apprenticeships",
                column: "ChangedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenticeships_CreatedBy",
                table: "Apprenticeships",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenticeships_EmployerId",
                table: "Apprenticeships",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CentreId",
                table: "AspNetUsers",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPlans_CentreId",
                table: "AssessmentPlans",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPlans_CreatedBy",
                table: "AssessmentPlans",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPlans_EnrolmentId_PlanNumber_Version",
                table: "AssessmentPlans",
                columns: new[] { "EnrolmentId", "PlanNumber", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessorRecords_AssessorId",
                table: "AssessorRecords",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessorRecords_CentreId",
                table: "AssessorRecords",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessorRecords_EnrolmentId",
                table: "AssessorRecords",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessorRecords_EvidenceItemId",
                table: "AssessorRecords",
                column: "EvidenceItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuthenticityDeclarations_CandidateId_DeclaredAt",
                table: "AuthenticityDeclarations",
                columns: new[] { "CandidateId", "DeclaredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuthenticityDeclarations_CentreId",
                table: "AuthenticityDeclarations",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateDetailsChanges_CandidateId_ChangedAt",
                table: "CandidateDetailsChanges",
                columns: new[] { "CandidateId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateDetailsChanges_CentreId",
                table: "CandidateDetailsChanges",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateImports_CentreId_UploadedAt",
                table: "CandidateImports",
                columns: new[] { "CentreId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_CentreId_FamilyName",
                table: "Candidates",
                columns: new[] { "CentreId", "FamilyName" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_UserId",
                table: "Candidates",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Centres_Number",
                table: "Centres",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CertificationClaims_CandidateId",
                table: "CertificationClaims",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationClaims_CentreId_SignedAt",
                table: "CertificationClaims",
                columns: new[] { "CentreId", "SignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificationClaims_ClaimedById",
                table: "CertificationClaims",
                column: "ClaimedById");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationClaims_EnrolmentId",
                table: "CertificationClaims",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_CentreId",
                table: "ClaimLines",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_ClaimId",
                table: "ClaimLines",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_EnrolmentId_Scope_UnitCode",
                table: "ClaimLines",
                columns: new[] { "EnrolmentId", "Scope", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_SignOffId",
                table: "ClaimLines",
                column: "SignOffId");

            migrationBuilder.CreateIndex(
                name: "IX_CriterionDecisions_AssessorId",
                table: "CriterionDecisions",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_CriterionDecisions_CentreId",
                table: "CriterionDecisions",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_CriterionDecisions_EnrolmentId_UnitCode_CriterionRef_Revisi~",
                table: "CriterionDecisions",
                columns: new[] { "EnrolmentId", "UnitCode", "CriterionRef", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContacts_CentreId",
                table: "EmployerContacts",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContacts_ChangedBy",
                table: "EmployerContacts",
                column: "ChangedBy");

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContacts_EmployerId",
                table: "EmployerContacts",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContacts_UserId",
                table: "EmployerContacts",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Employers_CentreId_Name",
                table: "Employers",
                columns: new[] { "CentreId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Employers_ChangedBy",
                table: "Employers",
                column: "ChangedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Employers_CreatedBy",
                table: "Employers",
                column: "CreatedBy");

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
                name: "IX_EnrolledUnits_CentreId",
                table: "EnrolledUnits",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EnrolledUnits_EnrolmentId_UnitCode",
                table: "EnrolledUnits",
                columns: new[] { "EnrolmentId", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_AssessorId",
                table: "Enrolments",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CandidateId",
                table: "Enrolments",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CentreId_AssessorId",
                table: "Enrolments",
                columns: new[] { "CentreId", "AssessorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_SpecificationId",
                table: "Enrolments",
                column: "SpecificationId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_TransferredFromEnrolmentId",
                table: "Enrolments",
                column: "TransferredFromEnrolmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentStatusChanges_CentreId",
                table: "EnrolmentStatusChanges",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentStatusChanges_EnrolmentId_RecordedAt",
                table: "EnrolmentStatusChanges",
                columns: new[] { "EnrolmentId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentStatusChanges_RecordedBy",
                table: "EnrolmentStatusChanges",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_EqaAccesses_CentreId_UserId_At",
                table: "EqaAccesses",
                columns: new[] { "CentreId", "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_EqaReports_CentreId",
                table: "EqaReports",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaReports_VisitId",
                table: "EqaReports",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisits_CentreId_EqaId_WindowEnd",
                table: "EqaVisits",
                columns: new[] { "CentreId", "EqaId", "WindowEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisits_EqaId",
                table: "EqaVisits",
                column: "EqaId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisitSamples_CandidateId",
                table: "EqaVisitSamples",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisitSamples_CentreId",
                table: "EqaVisitSamples",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisitSamples_EnrolmentId",
                table: "EqaVisitSamples",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EqaVisitSamples_VisitId_EnrolmentId",
                table: "EqaVisitSamples",
                columns: new[] { "VisitId", "EnrolmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ErasureWindows_CentreId",
                table: "ErasureWindows",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceAcceptances_AssessorId",
                table: "EvidenceAcceptances",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceAcceptances_CentreId",
                table: "EvidenceAcceptances",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceAcceptances_EnrolmentId_UnitCode_EvidenceItemId_Rev~",
                table: "EvidenceAcceptances",
                columns: new[] { "EnrolmentId", "UnitCode", "EvidenceItemId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceAcceptances_EvidenceItemId",
                table: "EvidenceAcceptances",
                column: "EvidenceItemId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_CandidateId_Reference",
                table: "EvidenceItems",
                columns: new[] { "CandidateId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_CentreId_Scan",
                table: "EvidenceItems",
                columns: new[] { "CentreId", "Scan" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_CentreId_Sha256",
                table: "EvidenceItems",
                columns: new[] { "CentreId", "Sha256" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_SplitFromId",
                table: "EvidenceItems",
                column: "SplitFromId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceMappings_CentreId",
                table: "EvidenceMappings",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceMappings_EnrolmentId_UnitCode",
                table: "EvidenceMappings",
                columns: new[] { "EnrolmentId", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceMappings_EvidenceItemId_EnrolmentId_UnitCode_Criter~",
                table: "EvidenceMappings",
                columns: new[] { "EvidenceItemId", "EnrolmentId", "UnitCode", "CriterionRef" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceWarnings_CentreId",
                table: "EvidenceWarnings",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceWarnings_EvidenceItemId",
                table: "EvidenceWarnings",
                column: "EvidenceItemId");

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

            migrationBuilder.CreateIndex(
                name: "IX_GradedAssessments_CentreId",
                table: "GradedAssessments",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_GradedAssessments_EnrolmentId",
                table: "GradedAssessments",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_GradedAssessments_SubmissionId",
                table: "GradedAssessments",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GradedSubmissions_CentreId",
                table: "GradedSubmissions",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_GradedSubmissions_EnrolmentId_UnitCode_Attempt",
                table: "GradedSubmissions",
                columns: new[] { "EnrolmentId", "UnitCode", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_CentreId",
                table: "IdempotencyRecords",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_UserId_Key",
                table: "IdempotencyRecords",
                columns: new[] { "UserId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IqaObservations_AssessorId",
                table: "IqaObservations",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_IqaObservations_CentreId_AssessorId_ObservedOn",
                table: "IqaObservations",
                columns: new[] { "CentreId", "AssessorId", "ObservedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_IqaObservations_IqaId",
                table: "IqaObservations",
                column: "IqaId");

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_AssessorId",
                table: "IqaReviews",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_CentreId_ReviewedAt",
                table: "IqaReviews",
                columns: new[] { "CentreId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_EnrolmentId_UnitCode_Sequence",
                table: "IqaReviews",
                columns: new[] { "EnrolmentId", "UnitCode", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_IqaId",
                table: "IqaReviews",
                column: "IqaId");

            migrationBuilder.CreateIndex(
                name: "IX_IqaReviews_SignOffId",
                table: "IqaReviews",
                column: "SignOffId");

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
                name: "IX_LearnerErasures_CandidateId",
                table: "LearnerErasures",
                column: "CandidateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearnerErasures_CentreId",
                table: "LearnerErasures",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_CentreId_Sequence",
                table: "LedgerEntries",
                columns: new[] { "CentreId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_CentreId_SubjectId",
                table: "LedgerEntries",
                columns: new[] { "CentreId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MappingWithdrawals_CentreId",
                table: "MappingWithdrawals",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_MappingWithdrawals_EnrolmentId_UnitCode",
                table: "MappingWithdrawals",
                columns: new[] { "EnrolmentId", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_MappingWithdrawals_MappingId",
                table: "MappingWithdrawals",
                column: "MappingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MappingWithdrawals_RecordedBy",
                table: "MappingWithdrawals",
                column: "RecordedBy");

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
                name: "IX_OutboxMails_CentreId_CreatedAt",
                table: "OutboxMails",
                columns: new[] { "CentreId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_SentAt_FailedAt_NextAttemptAt",
                table: "OutboxMails",
                columns: new[] { "SentAt", "FailedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_UserId",
                table: "OutboxMails",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCases_CentreId",
                table: "ProblemCases",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCases_EvidenceItemId",
                table: "ProblemCases",
                column: "EvidenceItemId",
                unique: true);

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
                name: "IX_RecordKsbMappings_CentreId",
                table: "RecordKsbMappings",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordKsbMappings_EnrolmentId",
                table: "RecordKsbMappings",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordKsbMappings_RecordId",
                table: "RecordKsbMappings",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_ResumableUploads_CentreId_WrittenAt",
                table: "ResumableUploads",
                columns: new[] { "CentreId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_CentreId_SecretSha256",
                table: "ReviewSignRequests",
                columns: new[] { "CentreId", "SecretSha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_ContactId",
                table: "ReviewSignRequests",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_CreatedBy",
                table: "ReviewSignRequests",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_EnrolmentId",
                table: "ReviewSignRequests",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignRequests_ReviewId",
                table: "ReviewSignRequests",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplePicks_CentreId",
                table: "SamplePicks",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplePicks_EnrolmentId_UnitCode",
                table: "SamplePicks",
                columns: new[] { "EnrolmentId", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_SamplePicks_PlanId",
                table: "SamplePicks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplingPlanAssessors_CentreId",
                table: "SamplingPlanAssessors",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplingPlans_CentreId_GeneratedAt",
                table: "SamplingPlans",
                columns: new[] { "CentreId", "GeneratedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_CentreId_At",
                table: "SecurityEvents",
                columns: new[] { "CentreId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_UserId_At",
                table: "SecurityEvents",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_Address_At",
                table: "SignInFailures",
                columns: new[] { "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_At",
                table: "SignInFailures",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SingleSignOnDomains_CentreId",
                table: "SingleSignOnDomains",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationVersions_CentreId_QualificationCode_Version",
                table: "SpecificationVersions",
                columns: new[] { "CentreId", "QualificationCode", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationVersions_CreatedBy",
                table: "SpecificationVersions",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_StaffProfiles_CentreId",
                table: "StaffProfiles",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_StandardisationRecords_CentreId_HeldOn",
                table: "StandardisationRecords",
                columns: new[] { "CentreId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackedStandings_CentreId",
                table: "TrackedStandings",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitSignOffs_AssessorId",
                table: "UnitSignOffs",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitSignOffs_CentreId",
                table: "UnitSignOffs",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitSignOffs_EnrolmentId_UnitCode_Sequence",
                table: "UnitSignOffs",
                columns: new[] { "EnrolmentId", "UnitCode", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Witnesses_CandidateId",
                table: "Witnesses",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Witnesses_CentreId",
                table: "Witnesses",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_WitnessRequests_CentreId_SecretSha256",
                table: "WitnessRequests",
                columns: new[] { "CentreId", "SecretSha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WitnessRequests_EnrolmentId",
                table: "WitnessRequests",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_WitnessRequests_WitnessId",
                table: "WitnessRequests",
                column: "WitnessId");

            migrationBuilder.CreateIndex(
                name: "IX_WitnessTestimonies_CentreId",
                table: "WitnessTestimonies",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_WitnessTestimonies_EvidenceItemId",
                table: "WitnessTestimonies",
                column: "EvidenceItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WitnessTestimonies_RequestId",
                table: "WitnessTestimonies",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WitnessTestimonies_WitnessId",
                table: "WitnessTestimonies",
                column: "WitnessId");

            // Decisions, sign-offs, declarations, reviews and claims: the database refuses to change them.
            AppendOnlyTables.CreateRefusal(migrationBuilder);
            AppendOnlyTables.Guard(migrationBuilder, "AssessmentPlans", "AssessorRecords", "AuthenticityDeclarations", "CertificationClaims", "ClaimLines", "CriterionDecisions", "EnrolmentStatusChanges", "EqaAccesses", "EqaReports", "EvidenceAcceptances", "GradedAssessments", "GradedSubmissions", "IqaObservations", "IqaReviews", "LearnerErasures", "LedgerEntries", "MappingWithdrawals", "SpecificationVersions", "StandardisationRecords", "UnitSignOffs", "WitnessTestimonies");
            AppendOnlyTables.Guard(migrationBuilder, "OffTheJobActivities", "OffTheJobVerifications", "OffTheJobVerifiedActivities", "OffTheJobWithdrawals");
            AppendOnlyTables.Guard(migrationBuilder, "ProgressReviews", "ProgressReviewSignatures");
            AppendOnlyTables.Guard(migrationBuilder, "RecordKsbMappings", "KsbMappingWithdrawals");
            AppendOnlyTables.Guard(migrationBuilder, "EnglishAndMathsRecords", "GatewaySignatures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountLinks");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "Apprenticeships");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssessmentPlans");

            migrationBuilder.DropTable(
                name: "AssessorRecords");

            migrationBuilder.DropTable(
                name: "AuthenticityDeclarations");

            migrationBuilder.DropTable(
                name: "CandidateDetailsChanges");

            migrationBuilder.DropTable(
                name: "CandidateImports");

            migrationBuilder.DropTable(
                name: "CentrePolicies");

            migrationBuilder.DropTable(
                name: "ClaimLines");

            migrationBuilder.DropTable(
                name: "CriterionDecisions");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EnglishAndMathsRecords");

            migrationBuilder.DropTable(
                name: "EnrolledUnits");

            migrationBuilder.DropTable(
                name: "EnrolmentStatusChanges");

            migrationBuilder.DropTable(
                name: "EqaAccesses");

            migrationBuilder.DropTable(
                name: "EqaReports");

            migrationBuilder.DropTable(
                name: "EqaVisitSamples");

            migrationBuilder.DropTable(
                name: "ErasureWindows");

            migrationBuilder.DropTable(
                name: "EvidenceAcceptances");

            migrationBuilder.DropTable(
                name: "EvidenceWarnings");

            migrationBuilder.DropTable(
                name: "GatewaySignatures");

            migrationBuilder.DropTable(
                name: "GradedAssessments");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "IqaObservations");

            migrationBuilder.DropTable(
                name: "IqaReviews");

            migrationBuilder.DropTable(
                name: "KsbMappingWithdrawals");

            migrationBuilder.DropTable(
                name: "LearnerErasures");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "MappingWithdrawals");

            migrationBuilder.DropTable(
                name: "OffTheJobVerifiedActivities");

            migrationBuilder.DropTable(
                name: "OffTheJobWithdrawals");

            migrationBuilder.DropTable(
                name: "OutboxMails");

            migrationBuilder.DropTable(
                name: "ProblemCases");

            migrationBuilder.DropTable(
                name: "ProgressReviewSignatures");

            migrationBuilder.DropTable(
                name: "RateCounts");

            migrationBuilder.DropTable(
                name: "ResumableUploadParts");

            migrationBuilder.DropTable(
                name: "ReviewSignRequests");

            migrationBuilder.DropTable(
                name: "SamplePicks");

            migrationBuilder.DropTable(
                name: "SamplingPlanAssessors");

            migrationBuilder.DropTable(
                name: "SamplingStrategies");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropTable(
                name: "SignInFailures");

            migrationBuilder.DropTable(
                name: "SingleSignOnDomains");

            migrationBuilder.DropTable(
                name: "SingleSignOns");

            migrationBuilder.DropTable(
                name: "StaffProfiles");

            migrationBuilder.DropTable(
                name: "StandardisationRecords");

            migrationBuilder.DropTable(
                name: "TrackedStandings");

            migrationBuilder.DropTable(
                name: "WitnessRequests");

            migrationBuilder.DropTable(
                name: "WitnessTestimonies");

            migrationBuilder.DropTable(
                name: "WorkLeases");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "CertificationClaims");

            migrationBuilder.DropTable(
                name: "EqaVisits");

            migrationBuilder.DropTable(
                name: "GradedSubmissions");

            migrationBuilder.DropTable(
                name: "UnitSignOffs");

            migrationBuilder.DropTable(
                name: "RecordKsbMappings");

            migrationBuilder.DropTable(
                name: "EvidenceMappings");

            migrationBuilder.DropTable(
                name: "OffTheJobVerifications");

            migrationBuilder.DropTable(
                name: "OffTheJobActivities");

            migrationBuilder.DropTable(
                name: "ResumableUploads");

            migrationBuilder.DropTable(
                name: "EmployerContacts");

            migrationBuilder.DropTable(
                name: "ProgressReviews");

            migrationBuilder.DropTable(
                name: "SamplingPlans");

            migrationBuilder.DropTable(
                name: "Witnesses");

            migrationBuilder.DropTable(
                name: "EvidenceItems");

            migrationBuilder.DropTable(
                name: "Employers");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "Candidates");

            migrationBuilder.DropTable(
                name: "SpecificationVersions");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Centres");
        }
    }
}
