using Attest.Core.Accounts;
using Attest.Core.Apprenticeships;
using Attest.Core.Assessment;
using Attest.Core.Certification;
using Attest.Core.Quality;
using Attest.Core.Centres;
using Attest.Core.Ledger;
using Attest.Core.Mail;
using Attest.Core.Planning;
using Attest.Core.Portfolios;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Core.Data;

/// <summary>
/// The unit of work. Every <see cref="ICentreOwned"/> entity is filtered to the current centre; rows are
/// stamped with it on insert and a row of another centre can never be saved; <see cref="IAppendOnly"/>
/// rows can never be changed or deleted.
/// </summary>
public sealed class AttestDbContext(DbContextOptions<AttestDbContext> options, ICurrentCentre currentCentre)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring (cookies, antiforgery, protected secrets), shared by every app instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public Guid? CurrentCentreId => currentCentre.CentreId;

    public DbSet<Centre> Centres => Set<Centre>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<Qualifications.SpecificationVersion> SpecificationVersions => Set<Qualifications.SpecificationVersion>();

    public DbSet<Tracking.TrackedStanding> TrackedStandings => Set<Tracking.TrackedStanding>();

    public DbSet<WorkLease> WorkLeases => Set<WorkLease>();

    public DbSet<RateCount> RateCounts => Set<RateCount>();

    public DbSet<ResumableUpload> ResumableUploads => Set<ResumableUpload>();

    public DbSet<ResumableUploadPart> ResumableUploadParts => Set<ResumableUploadPart>();

    public DbSet<EnrolledUnit> EnrolledUnits => Set<EnrolledUnit>();

    public DbSet<EvidenceItem> EvidenceItems => Set<EvidenceItem>();

    public DbSet<EvidenceMapping> EvidenceMappings => Set<EvidenceMapping>();

    public DbSet<EvidenceWarning> EvidenceWarnings => Set<EvidenceWarning>();

    public DbSet<AuthenticityDeclaration> AuthenticityDeclarations => Set<AuthenticityDeclaration>();

    public DbSet<CriterionDecision> CriterionDecisions => Set<CriterionDecision>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<EvidenceAcceptance> EvidenceAcceptances => Set<EvidenceAcceptance>();

    public DbSet<UnitSignOff> UnitSignOffs => Set<UnitSignOff>();

    public DbSet<CertificationClaim> CertificationClaims => Set<CertificationClaim>();

    public DbSet<ClaimLine> ClaimLines => Set<ClaimLine>();

    public DbSet<IqaReview> IqaReviews => Set<IqaReview>();

    public DbSet<StaffProfile> StaffProfiles => Set<StaffProfile>();

    public DbSet<CentreSamplingStrategy> SamplingStrategies => Set<CentreSamplingStrategy>();

    public DbSet<SamplingPlan> SamplingPlans => Set<SamplingPlan>();

    public DbSet<SamplePick> SamplePicks => Set<SamplePick>();

    public DbSet<SamplingPlanAssessor> SamplingPlanAssessors => Set<SamplingPlanAssessor>();

    public DbSet<EqaVisit> EqaVisits => Set<EqaVisit>();

    public DbSet<EqaVisitSample> EqaVisitSamples => Set<EqaVisitSample>();

    public DbSet<EqaReport> EqaReports => Set<EqaReport>();

    public DbSet<EqaAccess> EqaAccesses => Set<EqaAccess>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<StandardisationRecord> StandardisationRecords => Set<StandardisationRecord>();

    public DbSet<IqaObservation> IqaObservations => Set<IqaObservation>();

    public DbSet<EnrolmentStatusChange> EnrolmentStatusChanges => Set<EnrolmentStatusChange>();

    public DbSet<MappingWithdrawal> MappingWithdrawals => Set<MappingWithdrawal>();

    /// <summary>The mappings that count as evidence (none an assessor withdrew): what every judgement reads.</summary>
    public IQueryable<EvidenceMapping> CountingMappings => MappingWithdrawal.Counting(EvidenceMappings, MappingWithdrawals);

    public DbSet<CentrePolicy> CentrePolicies => Set<CentrePolicy>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<AssessmentPlan> AssessmentPlans => Set<AssessmentPlan>();

    public DbSet<AssessorRecord> AssessorRecords => Set<AssessorRecord>();

    public DbSet<Witness> Witnesses => Set<Witness>();

    public DbSet<GradedSubmission> GradedSubmissions => Set<GradedSubmission>();

    public DbSet<ProblemCase> ProblemCases => Set<ProblemCase>();

    public DbSet<GradedAssessment> GradedAssessments => Set<GradedAssessment>();

    public DbSet<WitnessRequest> WitnessRequests => Set<WitnessRequest>();

    public DbSet<WitnessTestimony> WitnessTestimonies => Set<WitnessTestimony>();

    public DbSet<AccountLink> AccountLinks => Set<AccountLink>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<CentreSingleSignOn> SingleSignOns => Set<CentreSingleSignOn>();

    public DbSet<SingleSignOnDomain> SingleSignOnDomains => Set<SingleSignOnDomain>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    public DbSet<CandidateDetailsChange> CandidateDetailsChanges => Set<CandidateDetailsChange>();

    public DbSet<CandidateImport> CandidateImports => Set<CandidateImport>();

    public DbSet<Privacy.LearnerErasure> LearnerErasures => Set<Privacy.LearnerErasure>();

    public DbSet<Privacy.ErasureWindow> ErasureWindows => Set<Privacy.ErasureWindow>();

    public DbSet<Employer> Employers => Set<Employer>();

    public DbSet<EmployerContact> EmployerContacts => Set<EmployerContact>();

    public DbSet<Apprenticeship> Apprenticeships => Set<Apprenticeship>();

    public DbSet<OffTheJobActivity> OffTheJobActivities => Set<OffTheJobActivity>();

    public DbSet<OffTheJobWithdrawal> OffTheJobWithdrawals => Set<OffTheJobWithdrawal>();

    public DbSet<OffTheJobVerification> OffTheJobVerifications => Set<OffTheJobVerification>();

    public DbSet<OffTheJobVerifiedActivity> OffTheJobVerifiedActivities => Set<OffTheJobVerifiedActivity>();

    public DbSet<ProgressReview> ProgressReviews => Set<ProgressReview>();

    public DbSet<ProgressReviewSignature> ProgressReviewSignatures => Set<ProgressReviewSignature>();

    public DbSet<ReviewSignRequest> ReviewSignRequests => Set<ReviewSignRequest>();

    public DbSet<RecordKsbMapping> RecordKsbMappings => Set<RecordKsbMapping>();

    public DbSet<KsbMappingWithdrawal> KsbMappingWithdrawals => Set<KsbMappingWithdrawal>();

    /// <summary>The KSB mappings that count: none withdrawn.</summary>
    public IQueryable<RecordKsbMapping> LiveKsbMappings => KsbMappingWithdrawal.Live(RecordKsbMappings, KsbMappingWithdrawals);

    public DbSet<EnglishAndMathsRecord> EnglishAndMathsRecords => Set<EnglishAndMathsRecord>();

    public DbSet<GatewaySignature> GatewaySignatures => Set<GatewaySignature>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasIndex(u => u.CentreId);
            e.HasOne<Centre>().WithMany().HasForeignKey(u => u.CentreId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AccountLink>(e =>
        {
            Owned(e);
            e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SecretSha256).HasMaxLength(64);
            e.HasIndex(x => new { x.CentreId, x.SecretSha256 }).IsUnique();
            e.HasIndex(x => x.UserId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SecurityEvent>(e =>
        {
            Owned(e);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(64);
            e.Property(x => x.UserAgent).HasMaxLength(300);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.HasIndex(x => new { x.CentreId, x.At });
            e.HasIndex(x => new { x.UserId, x.At });
        });

        builder.Entity<CentreSingleSignOn>(e =>
        {
            e.HasKey(x => x.CentreId);
            Owned(e);
            e.Property(x => x.DisplayName).HasMaxLength(60);
            e.Property(x => x.Authority).HasMaxLength(500);
            e.Property(x => x.ClientId).HasMaxLength(200);
            e.Property(x => x.ProtectedClientSecret).HasMaxLength(4000);
        });

        builder.Entity<SingleSignOnDomain>(e =>
        {
            e.HasKey(x => x.Domain);
            e.Property(x => x.Domain).HasMaxLength(253);
            e.HasIndex(x => x.CentreId);
            e.HasOne<Centre>().WithMany().HasForeignKey(x => x.CentreId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CandidateDetailsChange>(e =>
        {
            Owned(e);
            e.Property(x => x.Field).HasMaxLength(50);
            e.Property(x => x.From).HasMaxLength(CandidateDetails.MaxNameLength);
            e.Property(x => x.To).HasMaxLength(CandidateDetails.MaxNameLength);
            e.Property(x => x.Reason).HasMaxLength(CandidateDetailsChange.MaxReasonLength);
            e.Property(x => x.ChangedByName).HasMaxLength(200);
            e.HasIndex(x => new { x.CandidateId, x.ChangedAt });
            e.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SignInFailure>(e =>
        {
            e.Property(x => x.Address).HasMaxLength(64);
            e.HasIndex(x => new { x.Address, x.At });
            e.HasIndex(x => x.At);
        });
        builder.Entity<OutboxMail>(e =>
        {
            e.Ignore(x => x.Status);
            e.Property(x => x.Template).HasMaxLength(50);
            e.Property(x => x.ToAddress).HasMaxLength(320);
            e.Property(x => x.ToName).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.ClaimedBy).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(2000);
            // The sender's question: what is due and not yet sent or given up.
            e.HasIndex(x => new { x.SentAt, x.FailedAt, x.NextAttemptAt });
            e.HasIndex(x => new { x.CentreId, x.CreatedAt });
            e.HasIndex(x => x.UserId);
            e.HasOne<Centre>().WithMany().HasForeignKey(x => x.CentreId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CandidateImport>(e =>
        {
            Owned(e);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.Summary).HasMaxLength(1000);
            e.HasIndex(x => new { x.CentreId, x.UploadedAt });
        });

        builder.Entity<Centre>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Number).HasMaxLength(20);
            e.HasIndex(c => c.Number).IsUnique();
        });

        builder.Entity<CentrePolicy>(e =>
        {
            e.HasKey(x => x.CentreId);
            Owned(e);
            e.Ignore(x => x.TwoFactorRoleList);
            e.Property(x => x.TwoFactorRoles).HasMaxLength(200);
        });

        builder.Entity<IdempotencyRecord>(e =>
        {
            Owned(e);
            e.Property(x => x.RequestSha256).HasMaxLength(64);
            e.Property(x => x.Location).HasMaxLength(2000);
            e.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
        });

        builder.Entity<Candidate>(e =>
        {
            Owned(e);
            e.Property(c => c.GivenName).HasMaxLength(100);
            e.Property(c => c.FamilyName).HasMaxLength(100);
            e.Property(c => c.Uln).HasMaxLength(10);
            e.Property(c => c.AwardingBodyCandidateNumber).HasMaxLength(20);
            e.HasIndex(c => new { c.CentreId, c.FamilyName });
            e.HasIndex(c => c.UserId).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Enrolment>(e =>
        {
            Owned(e);
            e.Property(x => x.QualificationCode).HasMaxLength(32);
            e.HasMany(x => x.Units).WithOne().HasForeignKey(u => u.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Units).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CentreId, x.AssessorId });
            // An enrolment is continued by one transfer at most, however many administrators press at once.
            e.HasIndex(x => x.TransferredFromEnrolmentId).IsUnique();
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.TransferredFromEnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Qualifications.SpecificationVersion>().WithMany().HasForeignKey(x => x.SpecificationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Employer>(e =>
        {
            Owned(e);
            e.Property(x => x.Name).HasMaxLength(Employer.MaxNameLength);
            e.Property(x => x.Address).HasMaxLength(Employer.MaxAddressLength);
            e.HasIndex(x => new { x.CentreId, x.Name });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ChangedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EmployerContact>(e =>
        {
            Owned(e);
            e.Property(x => x.Name).HasMaxLength(EmployerContact.MaxNameLength);
            e.Property(x => x.JobTitle).HasMaxLength(EmployerContact.MaxJobTitleLength);
            e.Property(x => x.Email).HasMaxLength(EmployerContact.MaxEmailLength);
            e.Property(x => x.Phone).HasMaxLength(EmployerContact.MaxPhoneLength);
            e.HasIndex(x => x.EmployerId);
            // An account is one contact's, so its holder sees one employer's apprentices.
            e.HasIndex(x => x.UserId).IsUnique();
            e.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ChangedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Apprenticeship>(e =>
        {
            Owned(e);
            e.HasKey(x => x.EnrolmentId);
            e.Property(x => x.Programme).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ProgrammeCode).HasMaxLength(Apprenticeship.MaxCodeLength);
            e.Property(x => x.StandardVersion).HasMaxLength(Apprenticeship.MaxCodeLength);
            e.Property(x => x.ProgrammeTitle).HasMaxLength(Apprenticeship.MaxTitleLength);
            e.Property(x => x.ContractedHoursPerWeek).HasPrecision(5, 2);
            e.Property(x => x.PlannedOffTheJobHours).HasPrecision(7, 2);
            e.HasIndex(x => x.EmployerId);
            e.HasOne<Enrolment>().WithOne().HasForeignKey<Apprenticeship>(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ChangedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OffTheJobActivity>(e =>
        {
            Owned(e);
            e.Property(x => x.ActivityType).HasMaxLength(OffTheJobActivity.MaxTypeLength);
            e.Property(x => x.WhatWasLearnt).HasMaxLength(OffTheJobActivity.MaxLearntLength);
            e.Ignore(x => x.Duration);
            e.HasIndex(x => new { x.EnrolmentId, x.Date });
            e.HasIndex(x => new { x.CandidateId, x.Date });
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            // No key to the author's account: the apprentice can be the author, and erasing them removes their account
            // while this record stays, pseudonymised (as an evidence item's uploader does).
        });

        builder.Entity<OffTheJobWithdrawal>(e =>
        {
            Owned(e);
            e.Property(x => x.Reason).HasMaxLength(OffTheJobWithdrawal.MaxReasonLength);
            e.Property(x => x.RecordedByName).HasMaxLength(200);
            e.HasIndex(x => x.ActivityId).IsUnique();
            e.HasIndex(x => x.EnrolmentId);
            e.HasOne<OffTheJobActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
            // No key to the author's account, as the apprentice can be the author: see OffTheJobActivity.
        });

        builder.Entity<OffTheJobVerification>(e =>
        {
            Owned(e);
            e.Property(x => x.VerifierRole).HasMaxLength(20);
            e.Property(x => x.VerifiedByName).HasMaxLength(200);
            e.Property(x => x.Activities).HasMaxLength(100_000);
            e.HasIndex(x => x.EnrolmentId);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.VerifiedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OffTheJobVerifiedActivity>(e =>
        {
            Owned(e);
            // An entry is verified once: of two verifiers submitting together, one wins.
            e.HasIndex(x => x.ActivityId).IsUnique();
            e.HasIndex(x => x.EnrolmentId);
            e.HasOne<OffTheJobVerification>().WithMany().HasForeignKey(x => x.VerificationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OffTheJobActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ProgressReview>(e =>
        {
            Owned(e);
            foreach (var text in new[] { nameof(ProgressReview.ProgressAgainstPlan), nameof(ProgressReview.OffTheJobHoursDiscussed), nameof(ProgressReview.KsbProgress),
                nameof(ProgressReview.WellbeingNotes), nameof(ProgressReview.SafeguardingNotes), nameof(ProgressReview.Targets) })
            {
                e.Property(text).HasMaxLength(ProgressReview.MaxTextLength);
            }

            e.Property(x => x.RecordedByName).HasMaxLength(200);
            e.HasIndex(x => x.EnrolmentId);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ProgressReviewSignature>(e =>
        {
            Owned(e);
            e.Property(x => x.Party).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Via).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SignerName).HasMaxLength(200);
            // Each party signs a review once: the database refuses a second even when two arrive together.
            e.HasIndex(x => new { x.ReviewId, x.Party }).IsUnique();
            e.HasIndex(x => x.EnrolmentId);
            e.HasOne<ProgressReview>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            // No key to the author's account, as the apprentice can be the author: see OffTheJobActivity.
        });

        builder.Entity<ReviewSignRequest>(e =>
        {
            Owned(e);
            e.Property(x => x.SecretSha256).HasMaxLength(64);
            e.HasIndex(x => new { x.CentreId, x.SecretSha256 }).IsUnique();
            e.HasIndex(x => x.ReviewId);
            e.HasIndex(x => x.EnrolmentId);
            e.HasOne<ProgressReview>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EmployerContact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RecordKsbMapping>(e =>
        {
            Owned(e);
            e.Property(x => x.RecordKind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.StandardReference).HasMaxLength(Apprenticeship.MaxCodeLength);
            e.Property(x => x.StandardVersion).HasMaxLength(20);
            e.Property(x => x.KsbCode).HasMaxLength(RecordKsbMapping.MaxCodeLength);
            e.Property(x => x.MappedByName).HasMaxLength(200);
            e.HasIndex(x => x.EnrolmentId);
            e.HasIndex(x => x.RecordId);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            // No key to the author's account, as the apprentice can be the author: see OffTheJobActivity.
        });

        builder.Entity<KsbMappingWithdrawal>(e =>
        {
            Owned(e);
            e.Property(x => x.KsbCode).HasMaxLength(RecordKsbMapping.MaxCodeLength);
            e.Property(x => x.Reason).HasMaxLength(KsbMappingWithdrawal.MaxReasonLength);
            e.Property(x => x.RecordedByName).HasMaxLength(200);
            // A mapping is withdrawn once: of two withdrawals sent together, one is kept.
            e.HasIndex(x => x.MappingId).IsUnique();
            e.HasIndex(x => x.EnrolmentId);
            e.HasOne<RecordKsbMapping>().WithMany().HasForeignKey(x => x.MappingId).OnDelete(DeleteBehavior.Restrict);
            // No key to the author's account, as the apprentice can be the author: see OffTheJobActivity.
        });

        builder.Entity<EnglishAndMathsRecord>(e =>
        {
            Owned(e);
            e.Property(x => x.Subject).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Evidence).HasMaxLength(EnglishAndMathsRecord.MaxTextLength);
            e.Property(x => x.ExemptionReason).HasMaxLength(EnglishAndMathsRecord.MaxTextLength);
            e.Property(x => x.RecordedByName).HasMaxLength(200);
            e.HasIndex(x => x.EnrolmentId);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<GatewaySignature>(e =>
        {
            Owned(e);
            e.Property(x => x.Party).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.StandardReference).HasMaxLength(Apprenticeship.MaxCodeLength);
            e.Property(x => x.StandardVersion).HasMaxLength(20);
            e.Property(x => x.Checklist).HasMaxLength(GatewaySignature.MaxChecklistLength);
            e.Property(x => x.SignerName).HasMaxLength(200);
            e.Ignore(x => x.Statement);
            // Each party signs an apprentice's declaration once: the database refuses a second even when two arrive together.
            e.HasIndex(x => new { x.EnrolmentId, x.Party }).IsUnique();
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.SignerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RateCount>(e =>
        {
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(200);
        });

        builder.Entity<ResumableUpload>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.FileType).HasMaxLength(255);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasMany(x => x.Parts).WithOne().HasForeignKey(p => p.UploadId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.CentreId, x.WrittenAt });
        });

        builder.Entity<ResumableUploadPart>(e =>
        {
            e.HasKey(x => new { x.UploadId, x.Offset });
            e.Property(x => x.UploadId).HasMaxLength(32);
            e.Property(x => x.StoredName).HasMaxLength(64);
        });

        builder.Entity<WorkLease>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.HeldBy).HasMaxLength(100);
        });

        builder.Entity<Tracking.TrackedStanding>(e =>
        {
            Owned(e);
            e.HasKey(x => x.EnrolmentId);
            e.Property(x => x.Explanation).HasMaxLength(Tracking.TrackedStanding.MaxExplanationLength);
            e.Property(x => x.Engines).HasMaxLength(64);
            e.HasOne<Enrolment>().WithOne().HasForeignKey<Tracking.TrackedStanding>(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EnrolledUnit>(e =>
        {
            Owned(e);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.HasIndex(x => new { x.EnrolmentId, x.UnitCode }).IsUnique();
        });

        builder.Entity<EvidenceItem>(e =>
        {
            Owned(e);
            e.Property(x => x.Reference).HasMaxLength(10);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.OriginalFileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.StoredName).HasMaxLength(100);
            e.Property(x => x.PreviewStoredName).HasMaxLength(100);
            e.Property(x => x.Body).HasMaxLength(EvidenceItem.MaxBodyLength);
            e.Property(x => x.CustomerLabel).HasMaxLength(100);
            e.Property(x => x.HeldAt).HasMaxLength(1000);
            e.Property(x => x.HeldBy).HasMaxLength(1000);
            e.Property(x => x.ScanDetail).HasMaxLength(500);
            e.Property(x => x.MediaNotes).HasMaxLength(1000);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Context).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Scan).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.CandidateId, x.Reference }).IsUnique();
            e.HasIndex(x => new { x.CentreId, x.Sha256 });
            e.HasIndex(x => new { x.CentreId, x.Scan });
            e.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.SplitFromId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EvidenceWarning>(e =>
        {
            Owned(e);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Found).HasMaxLength(500);
            e.Property(x => x.Location).HasMaxLength(200);
            e.Property(x => x.Advice).HasMaxLength(1000);
            e.HasIndex(x => x.EvidenceItemId);
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuthenticityDeclaration>(e =>
        {
            Owned(e);
            e.Property(x => x.StatementText).HasMaxLength(2000);
            e.Property(x => x.SignedSha256).HasMaxLength(64);
            e.HasIndex(x => new { x.CandidateId, x.DeclaredAt });
            e.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EvidenceMapping>(e =>
        {
            Owned(e);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.CriterionRef).HasMaxLength(32);
            e.Property(x => x.Locator).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.EvidenceItemId, x.EnrolmentId, x.UnitCode, x.CriterionRef }).IsUnique();
            e.HasIndex(x => new { x.EnrolmentId, x.UnitCode });
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CriterionDecision>(e =>
        {
            Owned(e);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.CriterionRef).HasMaxLength(32);
            e.Property(x => x.Justification).HasMaxLength(4000);
            e.Property(x => x.Feedback).HasMaxLength(4000);
            e.Property(x => x.EvidenceReferences).HasMaxLength(1000);
            e.Property(x => x.FeedbackWarnings).HasMaxLength(2000);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            // One decision per revision of a criterion: of two assessors deciding from the same revision, one wins (security.md test 16).
            e.HasIndex(x => new { x.EnrolmentId, x.UnitCode, x.CriterionRef, x.Revision }).IsUnique();
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EvidenceAcceptance>(e =>
        {
            Owned(e);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.EvidenceReference).HasMaxLength(10);
            e.Property(x => x.ItemContentHash).HasMaxLength(64);
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Criteria).HasMaxLength(1000);
            e.Property(x => x.Requirements).HasMaxLength(500);
            e.Property(x => x.Reason).HasMaxLength(4000);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            e.HasIndex(x => new { x.EnrolmentId, x.UnitCode, x.EvidenceItemId, x.Revision }).IsUnique();
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<StaffProfile>(e =>
        {
            Owned(e);
            e.HasKey(x => x.UserId);
            e.Property(x => x.Standing).HasConversion<string>().HasMaxLength(20);
            e.HasOne<AppUser>().WithOne().HasForeignKey<StaffProfile>(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CentreSamplingStrategy>(e =>
        {
            Owned(e);
            e.HasKey(x => new { x.CentreId, x.QualificationCode });
            e.Property(x => x.QualificationCode).HasMaxLength(32);
        });

        builder.Entity<SamplingPlan>(e =>
        {
            Owned(e);
            e.Property(x => x.QualificationCode).HasMaxLength(32);
            e.Property(x => x.Strategy).HasMaxLength(2000);
            // Units of the qualification only: the assessors, whose number grows with the centre, are rows of SamplingPlanAssessors.
            e.Property(x => x.Gaps).HasMaxLength(20_000);
            e.Property(x => x.GeneratedByName).HasMaxLength(200);
            e.HasMany(x => x.Picks).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.Navigation(x => x.Picks).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasMany(x => x.Assessors).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.Navigation(x => x.Assessors).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasIndex(x => new { x.CentreId, x.GeneratedAt });
        });

        builder.Entity<SamplingPlanAssessor>(e =>
        {
            Owned(e);
            e.HasKey(x => new { x.PlanId, x.AssessorId });
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.RateReason).HasMaxLength(200);
        });

        builder.Entity<SamplePick>(e =>
        {
            Owned(e);
            e.Property(x => x.Candidate).HasMaxLength(201);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            e.Property(x => x.Reasons).HasMaxLength(4000);
            e.Property(x => x.AddedByName).HasMaxLength(200);
            e.Property(x => x.RemovedByName).HasMaxLength(200);
            e.Property(x => x.RemovedReason).HasMaxLength(2000);
            e.HasIndex(x => new { x.EnrolmentId, x.UnitCode });
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<StandardisationRecord>(e =>
        {
            Owned(e);
            e.Property(x => x.QualificationCode).HasMaxLength(32);
            e.Property(x => x.Units).HasMaxLength(1000);
            e.Property(x => x.Participants).HasMaxLength(2000);
            e.Property(x => x.Compared).HasMaxLength(8000);
            e.Property(x => x.Outcome).HasMaxLength(8000);
            e.Property(x => x.Actions).HasMaxLength(8000);
            e.Property(x => x.RecordedByName).HasMaxLength(200);
            e.HasIndex(x => new { x.CentreId, x.HeldOn });
        });

        builder.Entity<Privacy.LearnerErasure>(e =>
        {
            Owned(e);
            e.Property(x => x.Pseudonym).HasMaxLength(40);
            e.Property(x => x.Reason).HasMaxLength(Privacy.LearnerErasure.MaxReasonLength);
            e.Property(x => x.ErasedByName).HasMaxLength(200);
            e.HasIndex(x => x.CandidateId).IsUnique();
            e.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Privacy.ErasureWindow>(Owned);

        builder.Entity<Qualifications.SpecificationVersion>(e =>
        {
            Owned(e);
            e.Property(x => x.QualificationCode).HasMaxLength(32);
            e.Property(x => x.Yaml).HasMaxLength(Qualifications.SpecificationVersion.MaxYamlLength);
            e.Property(x => x.Origin).HasMaxLength(260);
            e.Property(x => x.Note).HasMaxLength(Qualifications.SpecificationVersion.MaxNoteLength);
            e.Property(x => x.CreatedByName).HasMaxLength(200);
            // Two administrators saving a version at once: the number is taken once, the other save gets 409.
            e.HasIndex(x => new { x.CentreId, x.QualificationCode, x.Version }).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EnrolmentStatusChange>(e =>
        {
            Owned(e);
            e.Property(x => x.Act).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(EnrolmentStatusChange.MaxReasonLength);
            e.Property(x => x.Changes).HasMaxLength(20_000);
            e.Property(x => x.RecordedByName).HasMaxLength(200);
            e.HasIndex(x => new { x.EnrolmentId, x.RecordedAt });
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MappingWithdrawal>(e =>
        {
            Owned(e);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.CriterionRef).HasMaxLength(32);
            e.Property(x => x.Reason).HasMaxLength(MappingWithdrawal.MaxReasonLength);
            e.Property(x => x.RecordedByName).HasMaxLength(200);
            e.HasIndex(x => x.MappingId).IsUnique();
            e.HasIndex(x => new { x.EnrolmentId, x.UnitCode });
            e.HasOne<EvidenceMapping>().WithMany().HasForeignKey(x => x.MappingId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<IqaObservation>(e =>
        {
            Owned(e);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            e.Property(x => x.Activity).HasMaxLength(4000);
            e.Property(x => x.Strengths).HasMaxLength(8000);
            e.Property(x => x.Development).HasMaxLength(8000);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Actions).HasMaxLength(8000);
            e.Property(x => x.IqaName).HasMaxLength(200);
            e.HasIndex(x => new { x.CentreId, x.AssessorId, x.ObservedOn });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.IqaId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ApiToken>(e =>
        {
            Owned(e);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.SecretSha256).HasMaxLength(64);
            e.Property(x => x.Hint).HasMaxLength(6);
            e.HasIndex(x => x.SecretSha256).IsUnique();
        });

        builder.Entity<EqaVisit>(e =>
        {
            Owned(e);
            e.Property(x => x.Reference).HasMaxLength(200);
            e.Property(x => x.EqaName).HasMaxLength(200);
            e.HasMany(x => x.Samples).WithOne().HasForeignKey(s => s.VisitId).OnDelete(DeleteBehavior.Restrict);
            e.Navigation(x => x.Samples).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasIndex(x => new { x.CentreId, x.EqaId, x.WindowEnd });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.EqaId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EqaVisitSample>(e =>
        {
            Owned(e);
            e.Property(x => x.CandidateName).HasMaxLength(201);
            e.Property(x => x.AddedByRole).HasMaxLength(20);
            e.HasIndex(x => new { x.VisitId, x.EnrolmentId }).IsUnique();
            e.HasIndex(x => x.CandidateId);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EqaReport>(e =>
        {
            Owned(e);
            e.Property(x => x.Findings).HasMaxLength(20_000);
            e.Property(x => x.Actions).HasMaxLength(8000);
            e.Property(x => x.Sanction).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.EqaName).HasMaxLength(200);
            e.HasOne<EqaVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EqaAccess>(e =>
        {
            Owned(e);
            e.Property(x => x.Method).HasMaxLength(10);
            e.Property(x => x.Path).HasMaxLength(2000);
            e.HasIndex(x => new { x.CentreId, x.UserId, x.At });
        });

        builder.Entity<IqaReview>(e =>
        {
            Owned(e);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            e.Property(x => x.Findings).HasMaxLength(20_000);
            e.Property(x => x.Feedback).HasMaxLength(8000);
            e.Property(x => x.FeedbackWarnings).HasMaxLength(4000);
            e.Property(x => x.Actions).HasMaxLength(4000);
            e.Property(x => x.IqaName).HasMaxLength(200);
            // Two reviews of one unit at once: one is kept, the other gets 409.
            e.HasIndex(x => new { x.EnrolmentId, x.UnitCode, x.Sequence }).IsUnique();
            e.HasIndex(x => new { x.CentreId, x.ReviewedAt });
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<UnitSignOff>().WithMany().HasForeignKey(x => x.SignOffId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.IqaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CertificationClaim>(e =>
        {
            Owned(e);
            e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.QualificationCode).HasMaxLength(32);
            e.Property(x => x.QualificationTitle).HasMaxLength(300);
            e.Property(x => x.CandidateName).HasMaxLength(201);
            e.Property(x => x.Uln).HasMaxLength(10);
            e.Property(x => x.CandidateNumber).HasMaxLength(20);
            e.Property(x => x.ClaimedByName).HasMaxLength(200);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Restrict);
            // A claim's signed content includes its lines: always read them with it.
            e.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
            e.HasIndex(x => new { x.CentreId, x.SignedAt });
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ClaimedById).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ClaimLine>(e =>
        {
            Owned(e);
            e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.UnitTitle).HasMaxLength(300);
            e.Property(x => x.Grade).HasMaxLength(20);
            // Two administrators claiming at once: one claim is kept, the other gets 409.
            e.HasIndex(x => new { x.EnrolmentId, x.Scope, x.UnitCode }).IsUnique();
            e.HasOne<UnitSignOff>().WithMany().HasForeignKey(x => x.SignOffId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<UnitSignOff>(e =>
        {
            Owned(e);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Grade).HasMaxLength(20);
            e.Property(x => x.Record).HasMaxLength(20_000);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            // A double-click, or two assessors at once, signs once: the second gets 409 (security.md test 16).
            e.HasIndex(x => new { x.EnrolmentId, x.UnitCode, x.Sequence }).IsUnique();
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AssessmentPlan>(e =>
        {
            Owned(e);
            e.Property(x => x.PlanKind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Units).HasMaxLength(500);
            e.Property(x => x.Venue).HasMaxLength(500);
            e.Property(x => x.Activities).HasMaxLength(4000);
            e.Property(x => x.Evidence).HasMaxLength(4000);
            e.Property(x => x.StartingPoint).HasMaxLength(4000);
            e.Property(x => x.ExistingCompetence).HasMaxLength(4000);
            e.Property(x => x.Gaps).HasMaxLength(4000);
            e.Property(x => x.RightLevel).HasMaxLength(2000);
            e.Property(x => x.ReviewNotes).HasMaxLength(4000);
            e.Property(x => x.CreatedByName).HasMaxLength(200);
            e.HasIndex(x => new { x.EnrolmentId, x.PlanNumber, x.Version }).IsUnique();
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AssessorRecord>(e =>
        {
            Owned(e);
            e.Ignore(x => x.QuestionList);
            e.Ignore(x => x.RecordingPartList);
            e.Property(x => x.RecordKind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Venue).HasMaxLength(500);
            e.Property(x => x.Summary).HasMaxLength(EvidenceItem.MaxBodyLength);
            e.Property(x => x.Questions).HasMaxLength(EvidenceItem.MaxBodyLength);
            e.Property(x => x.RecordingParts).HasMaxLength(4000);
            e.Property(x => x.ExaminedItems).HasMaxLength(1000);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            e.HasIndex(x => x.EvidenceItemId).IsUnique();
            e.HasIndex(x => x.EnrolmentId);
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Witness>(e =>
        {
            Owned(e);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.JobTitle).HasMaxLength(200);
            e.Property(x => x.Relationship).HasMaxLength(200);
            e.Property(x => x.Contact).HasMaxLength(300);
            e.HasIndex(x => x.CandidateId);
            e.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<WitnessRequest>(e =>
        {
            Owned(e);
            e.Property(x => x.Targets).HasMaxLength(2000);
            e.Property(x => x.Activity).HasMaxLength(2000);
            e.Property(x => x.SecretSha256).HasMaxLength(64);
            e.HasIndex(x => new { x.CentreId, x.SecretSha256 }).IsUnique();
            e.HasIndex(x => x.WitnessId);
            e.HasOne<Witness>().WithMany().HasForeignKey(x => x.WitnessId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<WitnessTestimony>(e =>
        {
            Owned(e);
            e.Ignore(x => x.MissingList);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CandidateName).HasMaxLength(200);
            e.Property(x => x.ActivityTime).HasMaxLength(50);
            e.Property(x => x.Venue).HasMaxLength(500);
            e.Property(x => x.Description).HasMaxLength(EvidenceItem.MaxBodyLength);
            e.Property(x => x.Relationship).HasMaxLength(200);
            e.Property(x => x.SignatureName).HasMaxLength(200);
            e.Property(x => x.JobTitle).HasMaxLength(200);
            e.Property(x => x.Contact).HasMaxLength(300);
            e.Property(x => x.Missing).HasMaxLength(1000);
            e.Property(x => x.Warnings).HasMaxLength(2000);
            // One testimony per link, however many times it is submitted at once (security.md test 13).
            e.HasIndex(x => x.RequestId).IsUnique();
            e.HasIndex(x => x.EvidenceItemId).IsUnique();
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Witness>().WithMany().HasForeignKey(x => x.WitnessId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<GradedSubmission>(e =>
        {
            Owned(e);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.Items).HasMaxLength(10_000);
            e.HasIndex(x => new { x.EnrolmentId, x.UnitCode, x.Attempt }).IsUnique();
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<GradedAssessment>(e =>
        {
            Owned(e);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.Grade).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CriteriaMet).HasMaxLength(1000);
            e.Property(x => x.Explanation).HasMaxLength(2000);
            e.Property(x => x.Feedback).HasMaxLength(4000);
            e.Property(x => x.FeedbackWarnings).HasMaxLength(2000);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            e.HasIndex(x => x.SubmissionId).IsUnique();
            e.HasOne<GradedSubmission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ProblemCase>(e =>
        {
            Owned(e);
            e.Property(x => x.Workplace).HasMaxLength(200);
            e.Property(x => x.ProblemType).HasMaxLength(32);
            foreach (var text in new[] { nameof(ProblemCase.SpottedHow), nameof(ProblemCase.Options), nameof(ProblemCase.AgreedOption), nameof(ProblemCase.Actions), nameof(ProblemCase.Updates), nameof(ProblemCase.SatisfactionCheck), nameof(ProblemCase.ReasonsGiven), nameof(ProblemCase.Alerted) })
            {
                e.Property(text).HasMaxLength(4000);
            }

            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.EvidenceItemId).IsUnique();
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceItemId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<LedgerEntry>(e =>
        {
            Owned(e);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.SignerRole).HasMaxLength(40);
            e.Property(x => x.SignerName).HasMaxLength(200);
            e.Property(x => x.SignerNameSalt).HasMaxLength(32);
            e.Property(x => x.SignerNameSha256).HasMaxLength(64);
            e.Property(x => x.ContentSha256).HasMaxLength(64);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.EntryHash).HasMaxLength(64);
            e.HasIndex(x => new { x.CentreId, x.Sequence }).IsUnique();
            e.HasIndex(x => new { x.CentreId, x.SubjectId });
        });
    }

    /// <summary>The current centre's policy, or the defaults when it has set none.</summary>
    public async Task<CentrePolicy> CentrePolicyAsync(CancellationToken cancellationToken) =>
        await CentrePolicies.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            ?? CentrePolicy.Defaults(CurrentCentreId ?? throw new InvalidOperationException("No centre is signed in."));

    /// <summary>Centre ownership: the key to the centre, and the filter that hides every other centre's rows.</summary>
    private void Owned<T>(EntityTypeBuilder<T> entity)
        where T : class, ICentreOwned
    {
        entity.HasQueryFilter(x => x.CentreId == CurrentCentreId);
        entity.HasOne<Centre>().WithMany().HasForeignKey(x => x.CentreId).OnDelete(DeleteBehavior.Restrict);
    }

    private const int ChainAttempts = 10;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardChanges();
        if (PendingLedgerEntries().Count > 0)
        {
            throw new InvalidOperationException("Ledger entries are chained in SaveChangesAsync only.");
        }

        if (!ProgressTouched().IsEmpty)
        {
            throw new InvalidOperationException("Changes to a learner's progress are stamped in SaveChangesAsync only.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Saves in one transaction, stamping the progress of the enrolments the changes touch (see <see cref="Enrolment.ProgressStamp"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardChanges();
        var touched = ProgressTouched();
        if (touched.IsEmpty)
        {
            return await SaveChainedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The stamp changes with the rows it stands for, or a standing worked out in between would pass for current.
        return await InTransactionAsync(
            async () =>
            {
                var saved = await SaveChainedAsync(acceptAllChangesOnSuccess, cancellationToken);
                await StampProgressAsync(touched, cancellationToken);
                return saved;
            },
            cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in the transaction already open, or in one of its own committed after it.</summary>
    private async Task<int> InTransactionAsync(Func<Task<int>> work, CancellationToken cancellationToken)
    {
        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await using (transaction)
        {
            var result = await work();
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        }
    }

    /// <summary>The enrolments and candidates whose progress the pending changes may alter.</summary>
    private sealed record ProgressChanges(HashSet<Guid> Enrolments, HashSet<Guid> Candidates)
    {
        public bool IsEmpty => Enrolments.Count == 0 && Candidates.Count == 0;
    }

    /// <summary>
    /// Any row tied to an enrolment or a candidate (decisions, sign-offs, mappings, evidence, the enrolment itself) may change
    /// what the engines work out; deciding which could not would be a second copy of the engines, so all of them count, but
    /// for the samples, which no engine reads.
    /// </summary>
    private ProgressChanges ProgressTouched()
    {
        var touched = new ProgressChanges([], []);
        // Only a centre's own rows: GuardChanges has made sure they are the signed-in centre's, whose filter the stamping keeps.
        foreach (var entry in ChangeTracker.Entries().Where(e => e.Entity is ICentreOwned && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case Tracking.TrackedStanding:
                    break;
                // A sample (the IQA's plan, the EQA's visit) chooses whose work to look at and changes none of it: the kept
                // standing is read from decisions, sign-offs, mappings, reviews and claims, never from a sample. A plan
                // picks thousands of units, and counting them would make every picked learner's standing be worked out again.
                case SamplePick or EqaVisitSample:
                    break;
                case Enrolment enrolment:
                    // A new enrolment starts with a stamp no standing was worked out from.
                    if (entry.State != EntityState.Added)
                    {
                        touched.Enrolments.Add(enrolment.Id);
                    }

                    break;
                default:
                    if (entry.Metadata.FindProperty(nameof(EvidenceMapping.EnrolmentId)) is { } enrolmentId && entry.Property(enrolmentId.Name).CurrentValue is Guid enrolled)
                    {
                        touched.Enrolments.Add(enrolled);
                    }
                    else if (entry.Metadata.FindProperty(nameof(EvidenceItem.CandidateId)) is { } candidateId && entry.Property(candidateId.Name).CurrentValue is Guid candidate)
                    {
                        touched.Candidates.Add(candidate);
                    }

                    break;
            }
        }

        return touched;
    }

    private async Task StampProgressAsync(ProgressChanges touched, CancellationToken cancellationToken)
    {
        var enrolments = touched.Enrolments.ToList();
        var candidates = touched.Candidates.ToList();
        var stamp = Guid.NewGuid();
        await Enrolments.Where(e => enrolments.Contains(e.Id) || candidates.Contains(e.CandidateId))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ProgressStamp, stamp), cancellationToken);
    }

    /// <summary>
    /// Saves in one transaction. New ledger entries are chained onto the centre's last entry first; when another
    /// request appended in between (the unique sequence index refuses the save), they are chained again onto the new
    /// tail and the save is retried, so the chain never forks and nothing is half-saved.
    /// </summary>
    private async Task<int> SaveChainedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var pending = PendingLedgerEntries();
        if (pending.Count == 0 || !Database.IsNpgsql())
        {
            return await SaveRechainingAsync(pending, acceptAllChangesOnSuccess, cancellationToken);
        }

        // On PostgreSQL a centre's appends wait their turn (a lock held until the transaction ends): with retries alone, of
        // twenty or so signed at once through several instances the unluckiest lost the race ten times and got a 503.
        var centreKey = BitConverter.ToInt32(pending[0].CentreId.ToByteArray());
        return await InTransactionAsync(
            async () =>
            {
                await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LedgerLockSpace}, {centreKey})", cancellationToken);
                return await SaveRechainingAsync(pending, acceptAllChangesOnSuccess, cancellationToken);
            },
            cancellationToken);
    }

    /// <summary>The first half of the ledger's advisory lock keys (the second is the centre's); the two-number keys are apart from the migrator's one-number key.</summary>
    private const int LedgerLockSpace = 0x4C656467; // "Ledg"

    private async Task<int> SaveRechainingAsync(List<LedgerEntry> pending, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var tail = pending.Count == 0 ? null : await ChainAsync(pending, cancellationToken);
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException) when (pending.Count > 0 && attempt < ChainAttempts)
            {
                // Another request's entry took our place in the chain: chain again after it. Any other refusal stands.
                if ((await LedgerTailAsync(cancellationToken))?.Id == tail?.Id)
                {
                    throw;
                }
            }
        }
    }

    private List<LedgerEntry> PendingLedgerEntries() =>
        [.. ChangeTracker.Entries<LedgerEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.SignedAt).ThenBy(e => e.Id)];

    private async Task<LedgerEntry?> ChainAsync(List<LedgerEntry> pending, CancellationToken cancellationToken)
    {
        var tail = await LedgerTailAsync(cancellationToken);
        var previous = tail;
        foreach (var entry in pending)
        {
            entry.ChainAfter(previous);
            previous = entry;
        }

        return tail;
    }

    private Task<LedgerEntry?> LedgerTailAsync(CancellationToken cancellationToken) =>
        LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);

    private void GuardChanges()
    {
        var tooLong = new List<(string Field, string Message)>();
        // Inside an erasure (its window saved first in the same transaction), signed records may be pseudonymised, never deleted.
        var erasing = ChangeTracker.Entries<Privacy.ErasureWindow>().Any(e => e.State == EntityState.Unchanged);
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IAppendOnly && (entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && !erasing)))
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} is append-only: record a new entry instead of changing or deleting one.");
            }

            if (entry.Entity is ICentreOwned owned && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && (CurrentCentreId is not Guid centre || owned.CentreId != centre))
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} belongs to another centre, or no centre is signed in; nothing was saved.");
            }

            tooLong.AddRange(TooLong(entry));
        }

        if (tooLong.Count > 0)
        {
            throw new DomainRuleException([.. tooLong.Distinct()]);
        }
    }

    /// <summary>
    /// Text longer than its column holds, named by field: a form whose page has no rule of its own for a field's length gets
    /// the field's error (PostgreSQL would refuse the row, and SQLite keep it, so both behave the same).
    /// </summary>
    private static IEnumerable<(string Field, string Message)> TooLong(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.State is not (EntityState.Added or EntityState.Modified) ? [] :
            entry.Properties
                .Where(p => (entry.State == EntityState.Added || p.IsModified) && p.Metadata.GetMaxLength() is int max && p.CurrentValue is string text && text.Length > max)
                .Select(p => (p.Metadata.Name, $"{Words(p.Metadata.Name)} must be {p.Metadata.GetMaxLength()!.Value:N0} characters or fewer"));

    /// <summary>"JobTitle" as "Job title".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
