using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Tracking;

/// <summary>
/// The kept tracking rows of some enrolments (already scoped, and brought up to date by <see cref="TrackedStandings.ReadAsync"/>),
/// read in SQL: the dashboard's totals, one page by name, the overdue actions, or every row streamed for an export. Today's
/// row is read whatever its stamp: one changed since the refresh a moment ago shows as it was then, never not at all.
/// </summary>
public sealed class KeptTracks
{
    private readonly AttestDbContext db;
    private readonly Core.Qualifications.Catalogue catalogue;
    private readonly IQueryable<Kept> rows;
    private readonly DateOnly today;

    internal KeptTracks(AttestDbContext db, Core.Qualifications.Catalogue catalogue, IQueryable<Enrolment> enrolments, DateOnly today)
    {
        this.db = db;
        this.catalogue = catalogue;
        this.today = today;
        rows = enrolments.AsNoTracking().Join(
            db.TrackedStandings.Where(s => s.Day == today && s.Engines == TrackedStandings.Engines), e => e.Id, s => s.EnrolmentId, (e, s) => new Kept { Enrolment = e, Standing = s });
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => rows.CountAsync(cancellationToken);

    /// <summary>The totals, summed by the database, and the overdue actions of the <paramref name="overdueListed"/> candidates whose are oldest.</summary>
    public async Task<CentreSummary> SummaryAsync(int overdueListed, CancellationToken cancellationToken)
    {
        var sums = await rows
            .GroupBy(r => new { r.Enrolment.QualificationCode, r.Enrolment.AssessorId, r.Standing.Rag, IqaReviewed = r.Standing.UnitsIqaReviewed > 0, r.Standing.QualificationClaimed })
            .Select(g => new
            {
                g.Key.QualificationCode, g.Key.AssessorId, g.Key.Rag, g.Key.IqaReviewed, g.Key.QualificationClaimed, Enrolments = g.Count(),
                CriteriaMet = g.Sum(r => r.Standing.CriteriaMet), CriteriaTotal = g.Sum(r => r.Standing.CriteriaTotal), UnitsEnrolled = g.Sum(r => r.Standing.UnitsEnrolled),
                UnitsSignedOff = g.Sum(r => r.Standing.UnitsSignedOff), UnitsClaimed = g.Sum(r => r.Standing.UnitsClaimed),
                SignedOffUnitsWithSummativeReview = g.Sum(r => r.Standing.SignedOffUnitsWithSummativeReview),
            })
            .ToListAsync(cancellationToken);
        var assessorIds = sums.Select(s => s.AssessorId).OfType<Guid>().Distinct().ToList();
        // Users are not centre-owned; only the assessors of enrolments already scoped to this centre are read.
        var assessors = await db.Users.AsNoTracking().Where(u => assessorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var groups = sums.Select(s => new TrackGroup(
            s.QualificationCode, Title(s.QualificationCode), s.AssessorId, AssessorName(s.AssessorId, s.AssessorId is Guid id ? assessors.GetValueOrDefault(id) : null), s.Rag, s.IqaReviewed,
            s.QualificationClaimed, s.Enrolments, s.CriteriaMet, s.CriteriaTotal, s.UnitsEnrolled, s.UnitsSignedOff, s.UnitsClaimed, s.SignedOffUnitsWithSummativeReview)).ToList();

        // An action is never due before its enrolment's first due date, so the candidates with the oldest first due dates hold the oldest overdue actions.
        var overdue = rows.Where(r => r.Standing.FirstActionDue < today);
        var oldest = await Named(overdue).OrderBy(n => n.Standing.FirstActionDue).ThenBy(n => n.Standing.EnrolmentId).Take(overdueListed).ToListAsync(cancellationToken);
        return CentreSummary.Of(groups, oldest.SelectMany(n => ToTrack(n).Actions), await overdue.CountAsync(cancellationToken), today);
    }

    /// <summary>One page of the rows by candidate's family name, given name, then enrolment date.</summary>
    public async Task<IReadOnlyList<EnrolmentTrack>> PageAsync(int skip, int take, CancellationToken cancellationToken) =>
        [.. (await ByName().Skip(skip).Take(take).ToListAsync(cancellationToken)).Select(ToTrack)];

    /// <summary>The rows of these enrolments (a page of a list, cut in the database's order) in the order of the ids, each with its kept row.</summary>
    public async Task<IReadOnlyList<(EnrolmentTrack Track, TrackedStanding Standing)>> InOrderAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var place = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var found = await Named(rows.Where(r => ids.Contains(r.Enrolment.Id))).ToListAsync(cancellationToken);
        return [.. found.OrderBy(n => place[n.Standing.EnrolmentId]).Select(n => (ToTrack(n), n.Standing))];
    }

    /// <summary>Every row by name, read from the database as it is written out, never held whole.</summary>
    public IAsyncEnumerable<EnrolmentTrack> AllAsync() => ByName().AsAsyncEnumerable().Select(ToTrack);

    /// <summary>The same, for a writer that cannot await (the XLSX package).</summary>
    public IEnumerable<EnrolmentTrack> All() => ByName().AsEnumerable().Select(ToTrack);

    private IQueryable<NamedRow> ByName() =>
        Named(rows).OrderBy(n => n.FamilyName).ThenBy(n => n.GivenName).ThenBy(n => n.CreatedAt).ThenBy(n => n.Standing.EnrolmentId);

    /// <summary>The rows with today's names of the candidate and assessor, joined in SQL.</summary>
    private IQueryable<NamedRow> Named(IQueryable<Kept> kept) => kept
        .Join(db.Candidates, r => r.Enrolment.CandidateId, c => c.Id, (r, c) => new { r.Enrolment, r.Standing, Candidate = c })
        .SelectMany(x => db.Users.Where(u => u.Id == x.Enrolment.AssessorId).DefaultIfEmpty(), (x, u) => new NamedRow
        {
            Standing = x.Standing, QualificationCode = x.Enrolment.QualificationCode, AssessorId = x.Enrolment.AssessorId, AssessorName = u == null ? null : u.DisplayName,
            RegisteredOn = x.Enrolment.RegisteredOn, PlannedEndDate = x.Enrolment.PlannedEndDate, CreatedAt = x.Enrolment.CreatedAt,
            GivenName = x.Candidate.GivenName, FamilyName = x.Candidate.FamilyName, CandidateNumber = x.Candidate.AwardingBodyCandidateNumber, Uln = x.Candidate.Uln,
        });

    private EnrolmentTrack ToTrack(NamedRow n) => n.Standing.ToTrack(
        $"{n.GivenName} {n.FamilyName}", n.CandidateNumber, n.Uln, n.QualificationCode, Title(n.QualificationCode), n.AssessorId, AssessorName(n.AssessorId, n.AssessorName),
        n.RegisteredOn, n.PlannedEndDate);

    private string Title(string code) => catalogue.Find(code)?.Title ?? code;

    private static string AssessorName(Guid? id, string? name) => id is null || name is null ? CentreSummary.Unassigned : name;

    /// <summary>Classes, not anonymous types, so the queries can be composed across methods.</summary>
    private sealed class Kept
    {
        public required Enrolment Enrolment { get; init; }

        public required TrackedStanding Standing { get; init; }
    }

    private sealed class NamedRow
    {
        public required TrackedStanding Standing { get; init; }

        public required string QualificationCode { get; init; }

        public Guid? AssessorId { get; init; }

        public string? AssessorName { get; init; }

        public DateOnly RegisteredOn { get; init; }

        public DateOnly? PlannedEndDate { get; init; }

        public DateTime CreatedAt { get; init; }

        public required string GivenName { get; init; }

        public required string FamilyName { get; init; }

        public string? CandidateNumber { get; init; }

        public required string Uln { get; init; }
    }
}
