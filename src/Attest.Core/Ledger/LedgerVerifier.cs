using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Core.Ledger;

/// <summary>Where a signed record stands against its ledger entries.</summary>
public enum SignatureState
{
    NotSigned,

    /// <summary>Signed, and the record still renders exactly what was signed.</summary>
    AsSigned,

    /// <summary>The record no longer renders what was signed (security.md test 15).</summary>
    ChangedAfterSigning,
}

/// <summary>A record's signatures as the ledger holds them, newest last.</summary>
public sealed record SignatureStatus(SignatureState State, IReadOnlyList<LedgerEntry> Entries)
{
    public static readonly SignatureStatus None = new(SignatureState.NotSigned, []);

    /// <summary>The first signature's content: the signed original, whatever the row says now.</summary>
    public string? SignedOriginal => Entries.Count == 0 ? null : Entries[0].Content;
}

/// <summary>
/// Reads ledger entries and the records they signed from the database: for the verify command (the whole chain of
/// each centre) and for pages (is this record as it was signed?).
/// </summary>
public static class LedgerVerifier
{
    /// <summary>The table of each kind of signed record; a test fails when an <see cref="ISignable"/> is missing here.</summary>
    private static readonly Dictionary<string, Func<AttestDbContext, IReadOnlyCollection<Guid>, CancellationToken, Task<List<ISignable>>>> Readers = new(StringComparer.Ordinal)
    {
        [Assessment.CriterionDecision.Kind] = Read<Assessment.CriterionDecision>,
        [Portfolios.AuthenticityDeclaration.Kind] = Read<Portfolios.AuthenticityDeclaration>,
        [Assessment.EvidenceAcceptance.Kind] = Read<Assessment.EvidenceAcceptance>,
        [Assessment.UnitSignOff.Kind] = Read<Assessment.UnitSignOff>,
        [Planning.AssessmentPlan.Kind] = Read<Planning.AssessmentPlan>,
        [Assessment.AssessorRecord.Kind] = Read<Assessment.AssessorRecord>,
        [Assessment.WitnessTestimony.Kind] = Read<Assessment.WitnessTestimony>,
        [Assessment.GradedSubmission.Kind] = Read<Assessment.GradedSubmission>,
        [Assessment.GradedAssessment.Kind] = Read<Assessment.GradedAssessment>,
        [Certification.CertificationClaim.Kind] = Read<Certification.CertificationClaim>,
        [Quality.IqaReview.Kind] = Read<Quality.IqaReview>,
        [Quality.EqaReport.Kind] = Read<Quality.EqaReport>,
        [Quality.StandardisationRecord.Kind] = Read<Quality.StandardisationRecord>,
        [Quality.IqaObservation.Kind] = Read<Quality.IqaObservation>,
        [Portfolios.EnrolmentStatusChange.Kind] = Read<Portfolios.EnrolmentStatusChange>,
        [Portfolios.MappingWithdrawal.Kind] = Read<Portfolios.MappingWithdrawal>,
        [Apprenticeships.OffTheJobWithdrawal.Kind] = Read<Apprenticeships.OffTheJobWithdrawal>,
        [Apprenticeships.OffTheJobVerification.Kind] = Read<Apprenticeships.OffTheJobVerification>,
        [Privacy.LearnerErasure.Kind] = Read<Privacy.LearnerErasure>,
        [Qualifications.SpecificationVersion.Kind] = Read<Qualifications.SpecificationVersion>,
        [Apprenticeships.ProgressReview.Kind] = Read<Apprenticeships.ProgressReview>,
        [Apprenticeships.ProgressReviewSignature.Kind] = Read<Apprenticeships.ProgressReviewSignature>,
        [Apprenticeships.RecordKsbMapping.Kind] = Read<Apprenticeships.RecordKsbMapping>,
        [Apprenticeships.KsbMappingWithdrawal.Kind] = Read<Apprenticeships.KsbMappingWithdrawal>,
        [Apprenticeships.EnglishAndMathsRecord.Kind] = Read<Apprenticeships.EnglishAndMathsRecord>,
        [Apprenticeships.GatewaySignature.Kind] = Read<Apprenticeships.GatewaySignature>,
    };

    public static IReadOnlyCollection<string> Kinds => Readers.Keys;

    /// <summary>Verifies the current centre's whole chain (the DbContext's centre), naming the first broken entry.</summary>
    public static async Task<LedgerVerification> VerifyAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var current = await CurrentContentAsync(db, entries, cancellationToken);
        return LedgerChain.Verify(entries, e => current.GetValueOrDefault((e.Kind, e.SubjectId)));
    }

    /// <summary>The signature state of each record, from its entries and what it renders now.</summary>
    public static async Task<IReadOnlyDictionary<Guid, SignatureStatus>> StatesAsync(AttestDbContext db, IReadOnlyCollection<ISignable> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        var ids = records.Select(r => r.Id).Distinct().ToList();
        var entries = (await db.LedgerEntries.AsNoTracking().Where(e => ids.Contains(e.SubjectId)).ToListAsync(cancellationToken))
            .OrderBy(e => e.Sequence).ToLookup(e => e.SubjectId);
        return records.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => StateOf(r, [.. entries[r.Id]]));
    }

    public static SignatureStatus StateOf(ISignable record, IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(entries);
        var mine = entries.Where(e => e.SubjectId == record.Id && e.Kind == record.LedgerKind).OrderBy(e => e.Sequence).ToList();
        if (mine.Count == 0)
        {
            return SignatureStatus.None;
        }

        var now = LedgerEntry.Hash(record.SignedContent());
        // An erased entry keeps the pseudonymised content the record renders now (the verify command checks it against its erasure).
        return new SignatureStatus(mine.All(e => e.ErasedBy is null ? e.ContentSha256 == now && LedgerEntry.Hash(e.Content) == e.ContentSha256 : LedgerEntry.Hash(e.Content) == now)
            ? SignatureState.AsSigned : SignatureState.ChangedAfterSigning, mine);
    }

    private static async Task<Dictionary<(string Kind, Guid Id), string>> CurrentContentAsync(AttestDbContext db, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var current = new Dictionary<(string, Guid), string>();
        foreach (var group in entries.GroupBy(e => e.Kind))
        {
            if (!Readers.TryGetValue(group.Key, out var read))
            {
                continue;
            }

            foreach (var chunk in group.Select(e => e.SubjectId).Distinct().Chunk(500))
            {
                foreach (var record in await read(db, chunk, cancellationToken))
                {
                    current[(record.LedgerKind, record.Id)] = record.SignedContent();
                }
            }
        }

        return current;
    }

    private static async Task<List<ISignable>> Read<T>(AttestDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        where T : class, ISignable =>
        [.. await db.Set<T>().AsNoTracking().Where(x => ids.Contains(EF.Property<Guid>(x, "Id"))).ToListAsync(cancellationToken)];
}
