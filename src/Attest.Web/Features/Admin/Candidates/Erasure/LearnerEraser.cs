using System.Reflection;
using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Privacy;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Attest.Web.Features.Admin.Candidates.Erasure;

/// <summary>How one kind of record is erased when a learner is (security.md: every entity with personal data declares its erase routine).</summary>
public enum ErasureRoutine
{
    /// <summary>Holds nothing about a learner.</summary>
    NotPersonal,

    /// <summary>The learner's rows are kept, every text naming them pseudonymised; signed ones keep verifying through the erasure's entry.</summary>
    Pseudonymise,

    /// <summary>Texts anywhere in the centre that name the learner are pseudonymised (records about staff or visits that may mention them).</summary>
    PseudonymiseMentions,

    /// <summary>The learner's rows are deleted: history, links, mail, security events.</summary>
    Delete,

    /// <summary>The learner's own evidence: files removed from the store, the words they wrote blanked.</summary>
    Blank,

    /// <summary>Handled on its own: the learner, their account, the ledger.</summary>
    Special,
}

/// <summary>
/// Erases a learner on request after the retention period: evidence files and personal data removed, signed records kept
/// with the learner pseudonymised, and the ledger still verifying because the erasure itself is a signed record listing
/// what each pseudonymised entry now hashes to. All in one transaction; files are removed from the store once it commits.
/// </summary>
public sealed class LearnerEraser(AttestDbContext db, IFileStore store, ILogger<LearnerEraser> logger)
{
    /// <summary>Every entity the model has, with its routine; a test fails when a new one is missing here.</summary>
    public static readonly IReadOnlyDictionary<string, ErasureRoutine> Routines = new Dictionary<string, ErasureRoutine>(StringComparer.Ordinal)
    {
        [nameof(Core.Centres.Candidate)] = ErasureRoutine.Special,
        [nameof(AppUser)] = ErasureRoutine.Special,
        [nameof(LedgerEntry)] = ErasureRoutine.Special,
        [nameof(EvidenceItem)] = ErasureRoutine.Blank,
        [nameof(ProblemCase)] = ErasureRoutine.Blank,
        [nameof(EvidenceWarning)] = ErasureRoutine.Delete,
        [nameof(CandidateDetailsChange)] = ErasureRoutine.Delete,
        [nameof(AccountLink)] = ErasureRoutine.Delete,
        [nameof(Core.Centres.IdempotencyRecord)] = ErasureRoutine.Delete,
        [nameof(SecurityEvent)] = ErasureRoutine.Delete,
        [nameof(Core.Mail.OutboxMail)] = ErasureRoutine.Delete,
        ["IdentityUserClaim<Guid>"] = ErasureRoutine.Delete,
        ["IdentityUserLogin<Guid>"] = ErasureRoutine.Delete,
        ["IdentityUserToken<Guid>"] = ErasureRoutine.Delete,
        ["IdentityUserRole<Guid>"] = ErasureRoutine.Delete,
        ["IdentityRole<Guid>"] = ErasureRoutine.NotPersonal,
        ["IdentityRoleClaim<Guid>"] = ErasureRoutine.NotPersonal,
        [nameof(Enrolment)] = ErasureRoutine.Pseudonymise,
        [nameof(EnrolledUnit)] = ErasureRoutine.Pseudonymise,
        [nameof(EvidenceMapping)] = ErasureRoutine.Pseudonymise,
        [nameof(AuthenticityDeclaration)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Assessment.CriterionDecision)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Assessment.EvidenceAcceptance)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Assessment.UnitSignOff)] = ErasureRoutine.Pseudonymise,
        [nameof(CertificationClaim)] = ErasureRoutine.Pseudonymise,
        [nameof(ClaimLine)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Quality.IqaReview)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Quality.SamplePick)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Quality.EqaVisitSample)] = ErasureRoutine.Pseudonymise,
        [nameof(EnrolmentStatusChange)] = ErasureRoutine.Pseudonymise,
        [nameof(MappingWithdrawal)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.Apprenticeship)] = ErasureRoutine.Pseudonymise,
        // An employer and its contacts are the employer's people, never a learner.
        [nameof(Core.Apprenticeships.Employer)] = ErasureRoutine.NotPersonal,
        [nameof(Core.Apprenticeships.EmployerContact)] = ErasureRoutine.NotPersonal,
        [nameof(Core.Apprenticeships.OffTheJobActivity)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.OffTheJobWithdrawal)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.OffTheJobVerification)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.OffTheJobVerifiedActivity)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Tracking.TrackedStanding)] = ErasureRoutine.Delete,
        [nameof(Core.Planning.AssessmentPlan)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Assessment.AssessorRecord)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Assessment.Witness)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Assessment.GradedSubmission)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Assessment.GradedAssessment)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Assessment.WitnessRequest)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Assessment.WitnessTestimony)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.ProgressReview)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.ProgressReviewSignature)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.ReviewSignRequest)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.RecordKsbMapping)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.KsbMappingWithdrawal)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.EnglishAndMathsRecord)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Apprenticeships.GatewaySignature)] = ErasureRoutine.Pseudonymise,
        [nameof(Core.Quality.IqaObservation)] = ErasureRoutine.PseudonymiseMentions,
        [nameof(Core.Quality.EqaReport)] = ErasureRoutine.PseudonymiseMentions,
        [nameof(Core.Quality.EqaVisit)] = ErasureRoutine.PseudonymiseMentions,
        [nameof(Core.Quality.StandardisationRecord)] = ErasureRoutine.PseudonymiseMentions,
        [nameof(Core.Quality.SamplingPlan)] = ErasureRoutine.PseudonymiseMentions,
        [nameof(Centre)] = ErasureRoutine.NotPersonal,
        [nameof(StaffProfile)] = ErasureRoutine.NotPersonal,
        [nameof(CentrePolicy)] = ErasureRoutine.NotPersonal,
        [nameof(Core.Quality.CentreSamplingStrategy)] = ErasureRoutine.NotPersonal,
        // An assessor's rate and counts in a sampling plan: names staff, never a learner.
        [nameof(Core.Quality.SamplingPlanAssessor)] = ErasureRoutine.NotPersonal,
        [nameof(Core.Quality.EqaAccess)] = ErasureRoutine.NotPersonal,
        [nameof(ApiToken)] = ErasureRoutine.NotPersonal,
        [nameof(CentreSingleSignOn)] = ErasureRoutine.NotPersonal,
        [nameof(SingleSignOnDomain)] = ErasureRoutine.NotPersonal,
        [nameof(SignInFailure)] = ErasureRoutine.NotPersonal,
        [nameof(CandidateImport)] = ErasureRoutine.NotPersonal,
        [nameof(LearnerErasure)] = ErasureRoutine.NotPersonal,
        [nameof(ErasureWindow)] = ErasureRoutine.NotPersonal,
        // A specification holds a qualification's text, never a learner's.
        [nameof(Core.Qualifications.SpecificationVersion)] = ErasureRoutine.NotPersonal,
        [nameof(RateCount)] = ErasureRoutine.NotPersonal,
        [nameof(WorkLease)] = ErasureRoutine.NotPersonal,
        [nameof(ResumableUpload)] = ErasureRoutine.Delete,
        // Deleted with its upload; its stored file is removed with the learner's evidence files.
        [nameof(ResumableUploadPart)] = ErasureRoutine.Special,
        [nameof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)] = ErasureRoutine.NotPersonal,
    };

    /// <summary>Properties that tie a row to the learner, tried in this order.</summary>
    private static readonly string[] Owners = ["CandidateId", "EnrolmentId", "EvidenceItemId", "UserId"];

    public static string NameOf(IReadOnlyEntityType type) =>
        type.ClrType.IsGenericType ? $"{type.ClrType.Name[..type.ClrType.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.ClrType.GetGenericArguments().Select(a => a.Name))}>" : type.ClrType.Name;

    /// <summary>Whether the learner may be erased today, from their enrolments, their qualification claims and the centre's retention period.</summary>
    public async Task<ErasureStanding> StandingAsync(Guid candidateId, DateOnly today, CancellationToken cancellationToken)
    {
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.CandidateId == candidateId)
            .Select(e => new { e.Id, e.QualificationCode, e.WithdrawnOn }).ToListAsync(cancellationToken);
        var certified = await db.CertificationClaims.AsNoTracking().Where(c => c.CandidateId == candidateId && c.Scope == ClaimScope.Qualification)
            .GroupBy(c => c.EnrolmentId).Select(g => new { EnrolmentId = g.Key, On = g.Min(c => c.ClaimDate) }).ToListAsync(cancellationToken);
        var policy = await db.CentrePolicyAsync(cancellationToken);
        return Retention.Standing(
            [.. enrolments.Select(e => new RetainedEnrolment(e.QualificationCode, e.WithdrawnOn, certified.FirstOrDefault(c => c.EnrolmentId == e.Id)?.On))],
            policy.RetentionYears, today);
    }

    public async Task<LearnerErasure> EraseAsync(Core.Centres.Candidate candidate, DateOnly requestedOn, string reason, Guid actorId, string actorName, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var standing = await StandingAsync(candidate.Id, Core.UkTime.DateOf(now), cancellationToken);
        var user = candidate.UserId is Guid userId ? await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) : null;
        var evidence = await db.EvidenceItems.Where(e => e.CandidateId == candidate.Id).ToListAsync(cancellationToken);
        var files = evidence.SelectMany(e => new[] { e.StoredName, e.PreviewStoredName }).OfType<string>().ToList();
        if (user is not null)
        {
            // The parts of uploads the learner had not finished: bytes of theirs in the store that no evidence names yet.
            files.AddRange(await db.ResumableUploadParts.Where(p => db.ResumableUploads.Any(u => u.Id == p.UploadId && u.UserId == user.Id && u.CentreId == candidate.CentreId))
                .Select(p => p.StoredName).ToListAsync(cancellationToken));
        }

        var erasure = LearnerErasure.Record(candidate.CentreId, candidate.Id, standing, requestedOn, reason, files.Count, actorId, actorName, now);
        var pseudonymiser = new Pseudonymiser(erasure.Pseudonym,
            [candidate.FullName, candidate.GivenName, candidate.FamilyName, user?.DisplayName], [candidate.Uln, candidate.AwardingBodyCandidateNumber, user?.Email]);

        var owners = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal)
        {
            ["CandidateId"] = [candidate.Id],
            ["EnrolmentId"] = [.. await db.Enrolments.Where(e => e.CandidateId == candidate.Id).Select(e => e.Id).ToListAsync(cancellationToken)],
            ["EvidenceItemId"] = [.. evidence.Select(e => e.Id)],
            ["UserId"] = user is null ? [] : [user.Id],
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var window = new ErasureWindow { CentreId = candidate.CentreId, OpenedAt = now };
        db.ErasureWindows.Add(window);
        await db.SaveChangesAsync(cancellationToken);

        var signed = new List<ISignable>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            // A record kind nobody declared could hold the learner's data: refuse to erase rather than leave it behind.
            var routine = Routines.TryGetValue(NameOf(type), out var declared) ? declared
                : throw new InvalidOperationException($"{NameOf(type)} declares no erase routine in LearnerEraser.Routines; nothing was erased.");
            if (routine is ErasureRoutine.NotPersonal or ErasureRoutine.Special)
            {
                continue;
            }

            var rows = await LoadAsync(type, owners, everyRow: routine == ErasureRoutine.PseudonymiseMentions, cancellationToken);
            foreach (var row in rows)
            {
                if (routine == ErasureRoutine.Delete)
                {
                    db.Remove(row);
                    continue;
                }

                Scrub(row, type, routine, pseudonymiser);
                if (row is ISignable record)
                {
                    signed.Add(record);
                }
            }
        }

        // The learner's mail sent before they had an account link in the row: matched by address.
        if (user?.Email is string email)
        {
            db.OutboxMails.RemoveRange(await db.OutboxMails.Where(m => m.ToAddress == email).ToListAsync(cancellationToken));
        }

        var redactions = await PseudonymiseLedgerAsync(erasure, signed, user?.Id, cancellationToken);
        erasure.ListRedactions(redactions);

        candidate.GivenName = "Erased";
        candidate.FamilyName = "learner " + erasure.Pseudonym[^6..];
        candidate.Uln = Pseudonymiser.ErasedIdentifier;
        candidate.AwardingBodyCandidateNumber = null;
        candidate.DateOfBirth = default;
        candidate.UserId = null;
        candidate.ErasedAt = now;
        if (user is not null)
        {
            db.Users.Remove(user);
        }

        db.LearnerErasures.Add(erasure);
        db.Sign(erasure, Roles.CentreAdmin, actorId, actorName, now);
        await db.SaveChangesAsync(cancellationToken);
        db.ErasureWindows.Remove(window);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await RemoveFilesAsync(files, cancellationToken);
        return erasure;
    }

    /// <summary>Removes the learner's files; one the store cannot remove now is logged and found again by the orphan sweeper, since no record names it any more.</summary>
    private async Task RemoveFilesAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        foreach (var name in files)
        {
            try
            {
                await store.DeleteAsync(name, cancellationToken);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "An erased learner's file {Name} could not be removed now; the orphan sweeper removes it later", name);
            }
        }
    }

    private async Task<List<Redaction>> PseudonymiseLedgerAsync(LearnerErasure erasure, List<ISignable> signed, Guid? learnerUserId, CancellationToken cancellationToken)
    {
        var content = signed.ToDictionary(r => (r.LedgerKind, r.Id), r => r.SignedContent());
        var subjects = signed.Select(r => r.Id).ToList();
        var entries = new List<LedgerEntry>();
        foreach (var chunk in subjects.Chunk(500))
        {
            entries.AddRange(await db.LedgerEntries.Where(e => chunk.Contains(e.SubjectId)).ToListAsync(cancellationToken));
        }

        if (learnerUserId is Guid signer)
        {
            entries.AddRange(await db.LedgerEntries.Where(e => e.SignerId == signer && !subjects.Contains(e.SubjectId)).ToListAsync(cancellationToken));
        }

        var redactions = new List<Redaction>();
        foreach (var entry in entries.DistinctBy(e => e.Id))
        {
            var now = content.GetValueOrDefault((entry.Kind, entry.SubjectId), entry.Content);
            var learnerSigned = learnerUserId is not null && entry.SignerId == learnerUserId;
            if (now == entry.Content && !learnerSigned)
            {
                continue;
            }

            entry.Pseudonymise(erasure.Id, learnerSigned ? erasure.Pseudonym : null, now);
            redactions.Add(new Redaction(entry.Sequence, LedgerEntry.Hash(now)));
        }

        return redactions;
    }

    /// <summary>What blanking keeps: the evidence reference decisions cite, and what the file was (its hash and type), not what it said or where it was stored.</summary>
    private static readonly HashSet<string> KeptWhenBlanked = [nameof(EvidenceItem.Reference), nameof(EvidenceItem.Sha256), nameof(EvidenceItem.ContentType)];

    private static void Scrub(object row, IEntityType type, ErasureRoutine routine, Pseudonymiser pseudonymiser)
    {
        foreach (var property in type.GetProperties().Where(p => p.ClrType == typeof(string) && !p.IsKey() && !p.IsForeignKey() && p.PropertyInfo is not null
            && !(routine == ErasureRoutine.Blank && KeptWhenBlanked.Contains(p.Name))))
        {
            var value = (string?)property.PropertyInfo!.GetValue(row);
            var erased = routine == ErasureRoutine.Blank ? (value is null ? null : property.IsNullable ? null : "Erased") : pseudonymiser.Apply(value);
            if (!string.Equals(erased, value, StringComparison.Ordinal))
            {
                property.PropertyInfo.SetValue(row, erased);
            }
        }
    }

    /// <summary>The rows of one kind that belong to the learner, or with <paramref name="everyRow"/> all of the centre's.</summary>
    private async Task<List<object>> LoadAsync(IEntityType type, Dictionary<string, HashSet<Guid>> owners, bool everyRow, CancellationToken cancellationToken)
    {
        var owner = everyRow ? null : Owners.FirstOrDefault(o => type.FindProperty(o) is { } p && (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)))
            ?? throw new InvalidOperationException($"{NameOf(type)} has no property tying it to a learner ({string.Join(", ", Owners)}); declare another routine for it.");
        if (owner is not null && owners[owner].Count == 0)
        {
            return [];
        }

        var nullable = owner is not null && type.FindProperty(owner)!.ClrType == typeof(Guid?);
        var method = typeof(LearnerEraser).GetMethod(nameof(LoadWhereAsync), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type.ClrType);
        return await (Task<List<object>>)method.Invoke(this, [owner, nullable, owner is null ? new List<Guid>() : owners[owner].ToList(), cancellationToken])!;
    }

    private async Task<List<object>> LoadWhereAsync<T>(string? owner, bool nullable, List<Guid> ids, CancellationToken cancellationToken)
        where T : class
    {
        var rows = owner is null ? db.Set<T>()
            : nullable ? db.Set<T>().Where(x => EF.Property<Guid?>(x, owner) != null && ids.Contains(EF.Property<Guid?>(x, owner)!.Value))
            : db.Set<T>().Where(x => ids.Contains(EF.Property<Guid>(x, owner)));
        return [.. await rows.ToListAsync(cancellationToken)];
    }
}
