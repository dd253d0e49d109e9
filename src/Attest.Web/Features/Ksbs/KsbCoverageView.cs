using System.Globalization;
using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Ksbs;

/// <summary>How messages and the coverage view name each kind of record.</summary>
public static class KsbRecords
{
    public static KsbRecord Of(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(KsbRecordKind.Evidence, item.Id, item.CandidateId, null, $"{item.Reference} {item.Title}");
    }

    public static KsbRecord Of(OffTheJobActivity activity, OffTheJobRules rules)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(rules);
        return new(KsbRecordKind.OffTheJobActivity, activity.Id, activity.CandidateId, activity.EnrolmentId,
            $"Off-the-job activity on {Day(activity.Date)}: {rules.ActivityType(activity.ActivityType)?.Name ?? activity.ActivityType}");
    }

    public static KsbRecord Of(ProgressReview review, Guid candidateId)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new(KsbRecordKind.ProgressReview, review.Id, candidateId, review.EnrolmentId, NameOf(review));
    }

    public static string NameOf(ProgressReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return $"Progress review held on {Day(review.HeldOn)}";
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>One record mapped to a KSB, as the coverage view lists it: linked where the reader may open it, and whether they may withdraw the mapping.</summary>
public sealed record KsbMappedRecord(RecordKsbMapping Mapping, string Name, string? Link, bool CanWithdraw);

/// <summary>
/// An apprentice's KSB coverage (issue 17 item 4), the same for the apprentice, their assessor, IQAs, the administrator and
/// their line manager: every KSB of the standard in its order with the records mapped to it, by <see cref="KsbCoverage.Of"/>.
/// Each page finds the enrolment in its own scope first; this never widens it.
/// </summary>
public sealed class KsbCoverageView
{
    private KsbCoverageView(
        Enrolment enrolment, string candidateName, Apprenticeship apprenticeship, StandardSpec? standard, KsbCoverageResult? coverage, ILookup<string, KsbMappedRecord> records,
        Func<Enrolment, RecordKsbMapping, bool> canWithdraw)
    {
        (Enrolment, CandidateName, Apprenticeship, Standard, Coverage, _records, _canWithdraw) = (enrolment, candidateName, apprenticeship, standard, coverage, records, canWithdraw);
    }

    private readonly ILookup<string, KsbMappedRecord> _records;

    private readonly Func<Enrolment, RecordKsbMapping, bool> _canWithdraw;

    public Enrolment Enrolment { get; }

    public string CandidateName { get; }

    public Apprenticeship Apprenticeship { get; }

    /// <summary>Null when the catalogue does not hold the apprenticeship's standard (a framework, or a reference it does not know).</summary>
    public StandardSpec? Standard { get; }

    public KsbCoverageResult? Coverage { get; }

    public IEnumerable<KsbMappedRecord> RecordsOf(string code) => _records[code];

    /// <summary>The mapping whose withdrawal <see cref="WithdrawAsync"/> was just refused: its form shows open, with the reason as typed.</summary>
    public Guid? Withdrawing { get; private set; }

    public string? ReasonTyped { get; private set; }

    /// <param name="scoped">The enrolments the reader may see; the one with <paramref name="enrolmentId"/> is shown when it is an apprenticeship, else null (404).</param>
    /// <param name="link">Where the reader opens a record of a kind, or null where they may not.</param>
    /// <param name="canWithdraw">Whether the reader may withdraw a mapping.</param>
    public static async Task<KsbCoverageView?> LoadAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, OffTheJobRules rules, IQueryable<Enrolment> scoped, Guid enrolmentId,
        Func<Enrolment, KsbRecordKind, Guid, string?> link, Func<Enrolment, RecordKsbMapping, bool> canWithdraw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(canWithdraw);
        var enrolment = await scoped.AsNoTracking().Where(e => e.Id == enrolmentId).SingleOrDefaultAsync(cancellationToken);
        var apprenticeship = enrolment is null ? null : await db.Apprenticeships.AsNoTracking().SingleOrDefaultAsync(a => a.EnrolmentId == enrolment.Id, cancellationToken);
        if (enrolment is null || apprenticeship is null)
        {
            return null;
        }

        var candidateName = await db.Candidates.Where(c => c.Id == enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        var standard = apprenticeship.StandardIn(catalogue);
        var live = await db.LiveKsbMappings.AsNoTracking().Where(m => m.EnrolmentId == enrolment.Id).OrderBy(m => m.MappedAt).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, rules, live, cancellationToken);
        var records = live.Select(m => (m.KsbCode, Record: new KsbMappedRecord(m, names.GetValueOrDefault(m.RecordId, "A record no longer shown"), link(enrolment, m.RecordKind, m.RecordId), canWithdraw(enrolment, m))))
            .ToLookup(x => x.KsbCode, x => x.Record, StringComparer.OrdinalIgnoreCase);
        var coverage = standard is null ? null : KsbCoverage.Of(standard, live.Select(m => m.AsCoverage()));
        return new KsbCoverageView(enrolment, candidateName, apprenticeship, standard, coverage, records, canWithdraw);
    }

    /// <summary>
    /// Takes a mapping of this apprentice's back, signed; refused when already withdrawn, or on the field "Reason" when given
    /// no reason. False when the mapping is not this apprentice's or not one the reader may withdraw (the page's 404).
    /// </summary>
    public async Task<bool> WithdrawAsync(AttestDbContext db, Guid mappingId, string? reason, string role, Guid by, string byName, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mapping = await db.RecordKsbMappings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mappingId && m.EnrolmentId == Enrolment.Id, cancellationToken);
        if (mapping is null || !_canWithdraw(Enrolment, mapping))
        {
            return false;
        }

        (Withdrawing, ReasonTyped) = (mappingId, reason);
        var withdrawn = await db.KsbMappingWithdrawals.AnyAsync(w => w.MappingId == mappingId, cancellationToken);
        var withdrawal = KsbMappingWithdrawal.Record(mapping, withdrawn, reason, by, byName, now);
        db.KsbMappingWithdrawals.Add(withdrawal);
        db.Sign(withdrawal, role, by, byName, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The names of the mapped records, one query per kind whatever their number.</summary>
    private static async Task<Dictionary<Guid, string>> NamesAsync(AttestDbContext db, OffTheJobRules rules, IReadOnlyList<RecordKsbMapping> live, CancellationToken cancellationToken)
    {
        List<Guid> Ids(KsbRecordKind kind) => [.. live.Where(m => m.RecordKind == kind).Select(m => m.RecordId).Distinct()];
        var evidence = Ids(KsbRecordKind.Evidence);
        var activities = Ids(KsbRecordKind.OffTheJobActivity);
        var reviews = Ids(KsbRecordKind.ProgressReview);
        var names = new Dictionary<Guid, string>();
        foreach (var item in await db.EvidenceItems.AsNoTracking().Where(i => evidence.Contains(i.Id)).ToListAsync(cancellationToken))
        {
            names[item.Id] = KsbRecords.Of(item).Name;
        }

        foreach (var activity in await db.OffTheJobActivities.AsNoTracking().Where(a => activities.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            names[activity.Id] = KsbRecords.Of(activity, rules).Name;
        }

        foreach (var review in await db.ProgressReviews.AsNoTracking().Where(r => reviews.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            names[review.Id] = KsbRecords.NameOf(review);
        }

        return names;
    }
}
