using System.Globalization;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Tracking;
using Attest.Web.Features.Tracking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Shared;

/// <summary>How a list of learners is ordered.</summary>
public enum LearnerSort { Name, NameDescending, PlannedEnd, PlannedEndDescending, Registered, RegisteredDescending }

/// <summary>What a unit of the learner's has reached, as tracking works it out.</summary>
public enum UnitStatusFilter { AwaitingDecision, ReadyForSignOff, NothingSignedOff }

/// <summary>
/// The query string every list of learners reads: search, filters, sort and page. Every value is text and is read
/// leniently: a value the list does not know is no filter (or the default order, or the first page), never an error.
/// </summary>
public sealed class LearnerQuery
{
    public const string ReviewOverdueValue = "overdue";

    public static readonly IReadOnlyList<(string Value, string Label, LearnerSort Sort)> Sorts =
    [
        ("name", "Name, A to Z", LearnerSort.Name), ("name-desc", "Name, Z to A", LearnerSort.NameDescending),
        ("end", "Planned end, soonest first", LearnerSort.PlannedEnd), ("end-desc", "Planned end, latest first", LearnerSort.PlannedEndDescending),
        ("registered", "Registered, earliest first", LearnerSort.Registered), ("registered-desc", "Registered, latest first", LearnerSort.RegisteredDescending),
    ];

    public static readonly IReadOnlyList<(string Value, string Label, Rag Rag)> Standings =
        [("red", "Behind (red)", Rag.Red), ("amber", "At risk (amber)", Rag.Amber), ("green", "On track (green)", Rag.Green)];

    public static readonly IReadOnlyList<(string Value, string Label, UnitStatusFilter Status)> UnitStatuses =
    [
        ("awaiting", "Work awaiting the assessor's decision", UnitStatusFilter.AwaitingDecision),
        ("ready", "A unit with every criterion met, not signed off", UnitStatusFilter.ReadyForSignOff),
        ("none-signed-off", "No unit signed off yet", UnitStatusFilter.NothingSignedOff),
    ];

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "qualification")]
    public string? Qualification { get; set; }

    [FromQuery(Name = "assessor")]
    public string? Assessor { get; set; }

    [FromQuery(Name = "standing")]
    public string? Standing { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    /// <summary>"overdue": only apprentices with a progress review overdue.</summary>
    [FromQuery(Name = "review")]
    public string? Review { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public string? Page { get; set; }

    public Guid? AssessorId => Guid.TryParse(Assessor, out var id) ? id : null;

    public LearnerSort SortOrder => Sorts.FirstOrDefault(s => s.Value == Sort).Sort;

    public Rag? StandingRag => Standings.Where(s => s.Value == Standing).Select(s => (Rag?)s.Rag).FirstOrDefault();

    public UnitStatusFilter? UnitStatus => UnitStatuses.Where(s => s.Value == Status).Select(s => (UnitStatusFilter?)s.Status).FirstOrDefault();

    public bool ReviewOverdue => Review == ReviewOverdueValue;

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Qualification) || AssessorId is not null || StandingRag is not null || UnitStatus is not null || ReviewOverdue;

    /// <summary>The kept standings passing the standing and unit-status filters.</summary>
    public IQueryable<TrackedStanding> Filter(IQueryable<TrackedStanding> standings)
    {
        if (StandingRag is Rag rag)
        {
            standings = standings.Where(s => s.Rag == rag);
        }

        return UnitStatus switch
        {
            UnitStatusFilter.AwaitingDecision => standings.Where(s => s.AwaitingDecision > 0),
            UnitStatusFilter.ReadyForSignOff => standings.Where(s => s.ReadyForSignOff > 0),
            UnitStatusFilter.NothingSignedOff => standings.Where(s => s.UnitsSignedOff == 0),
            _ => standings,
        };
    }

    /// <summary>The list at <paramref name="path"/> on another page, keeping the search, filters and sort.</summary>
    public string Link(string path, int page) => path + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["qualification"] = Qualification, ["assessor"] = Assessor, ["standing"] = Standing, ["status"] = Status, ["review"] = ReviewOverdue ? Review : null, ["sort"] = Sort,
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>Forgets a qualification or assessor that none of the list's enrolments has, so that an unknown one is no filter.</summary>
    public void KeepTo(LearnerChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        Qualification = choices.Qualifications.Any(q => q.Code == Qualification) ? Qualification : null;
        Assessor = choices.Assessors.Any(a => a.Id == AssessorId) ? Assessor : null;
    }
}

/// <summary>The qualifications and assessors a list can be filtered by: those of the enrolments in its scope.</summary>
public sealed record LearnerChoices(IReadOnlyList<(string Code, string Name)> Qualifications, IReadOnlyList<(Guid Id, string Name)> Assessors);

/// <summary>One page of a list of learners, and what the list can be filtered by.</summary>
public sealed record LearnerPage(Pager Pager, IReadOnlyList<LearnerRow> Rows, LearnerChoices Choices);

/// <summary>
/// Finding learners in a long list of enrolments, composed in the database: a search on name, ULN or candidate number,
/// qualification and assessor, the order, and the ids of one page, so that a list of 1,000 learners reads one page of them, not all.
/// </summary>
public static class LearnerSearch
{
    public const int PageSize = 25;

    /// <summary>The learners whose name, ULN or awarding body candidate number contains the words typed; all of them when nothing is typed.</summary>
    public static IQueryable<Core.Centres.Candidate> Matching(this IQueryable<Core.Centres.Candidate> candidates, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return candidates;
        }

        var q = search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(...) LIKE: no .NET culture is involved
        return candidates.Where(c => (c.GivenName + " " + c.FamilyName).ToLower().Contains(q) || c.Uln.ToLower().Contains(q)
            || (c.AwardingBodyCandidateNumber != null && c.AwardingBodyCandidateNumber.ToLower().Contains(q)));
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>The enrolments whose learner's name, ULN or awarding body candidate number contains the words typed; all of them when nothing is typed.</summary>
    public static IQueryable<Enrolment> Matching(this IQueryable<Enrolment> enrolments, AttestDbContext db, string? search)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(search))
        {
            return enrolments;
        }

        var learners = db.Candidates.Matching(search);
        return enrolments.Where(e => learners.Any(c => c.Id == e.CandidateId));
    }

    /// <summary>Only enrolments on this qualification and with this assessor, each when given.</summary>
    public static IQueryable<Enrolment> Filtered(this IQueryable<Enrolment> enrolments, string? qualificationCode, Guid? assessorId)
    {
        if (!string.IsNullOrEmpty(qualificationCode))
        {
            enrolments = enrolments.Where(e => e.QualificationCode == qualificationCode);
        }

        return assessorId is { } assessor ? enrolments.Where(e => e.AssessorId == assessor) : enrolments;
    }

    /// <summary>The enrolments matching the query's search, qualification and assessor: the filters the database can answer.</summary>
    public static IQueryable<Enrolment> Matching(this IQueryable<Enrolment> enrolments, AttestDbContext db, LearnerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return enrolments.Matching(db, query.Q).Filtered(query.Qualification, query.AssessorId);
    }

    /// <summary>The enrolments' ids in the order asked for; ties, and learners with no planned end (last either way), go by name, then enrolment.</summary>
    public static IQueryable<Guid> OrderedIds(this IQueryable<Enrolment> enrolments, AttestDbContext db, LearnerSort sort)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = enrolments.Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new Sortable
        {
            Id = e.Id, CreatedAt = e.CreatedAt, RegisteredOn = e.RegisteredOn, PlannedEnd = e.PlannedEndDate, FamilyName = c.FamilyName, GivenName = c.GivenName,
        });
        var ordered = sort switch
        {
            LearnerSort.NameDescending => rows.OrderByDescending(x => x.FamilyName).ThenByDescending(x => x.GivenName),
            LearnerSort.PlannedEnd => rows.OrderBy(x => x.PlannedEnd == null).ThenBy(x => x.PlannedEnd).ThenBy(x => x.FamilyName).ThenBy(x => x.GivenName),
            LearnerSort.PlannedEndDescending => rows.OrderBy(x => x.PlannedEnd == null).ThenByDescending(x => x.PlannedEnd).ThenBy(x => x.FamilyName).ThenBy(x => x.GivenName),
            LearnerSort.Registered => rows.OrderBy(x => x.RegisteredOn).ThenBy(x => x.FamilyName).ThenBy(x => x.GivenName),
            LearnerSort.RegisteredDescending => rows.OrderByDescending(x => x.RegisteredOn).ThenBy(x => x.FamilyName).ThenBy(x => x.GivenName),
            _ => rows.OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName),
        };
        return ordered.ThenBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id);
    }

    /// <summary>The count of the enrolments matching the query's search and filters and the ids of the page asked for, in the order asked for, with a pager whose links keep them.</summary>
    public static async Task<(Pager Pager, IReadOnlyList<Guid> Ids)> PageAsync(
        this IQueryable<Enrolment> enrolments, AttestDbContext db, LearnerQuery query, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matching = enrolments.Matching(db, query);
        var pager = new Pager(Pager.Parse(query.Page), PageSize, await matching.CountAsync(cancellationToken), page => query.Link(path, page));
        var ids = await matching.OrderedIds(db, query.SortOrder).Skip(pager.Skip).Take(PageSize).ToListAsync(cancellationToken);
        return (pager, ids);
    }

    /// <summary>
    /// One page of the enrolments in scope matching every filter of the query, as kept (<see cref="TrackedStandings"/>:
    /// only those whose learner's work changed since are worked out again), in the order asked for, with the
    /// qualifications and assessors to filter by (a qualification or assessor not among them is forgotten).
    /// </summary>
    public static async Task<LearnerPage> TrackedPageAsync(
        this IQueryable<Enrolment> enrolments, AttestDbContext db, Core.Qualifications.Catalogue catalogue, LearnerQuery query, DateOnly today, string path, CancellationToken cancellationToken)
    {
        var (pager, ids, choices) = await enrolments.FilteredPageAsync(db, catalogue, query, today, path, cancellationToken);
        var kept = await TrackedStandings.ReadAsync(db, catalogue, db.Enrolments.Where(e => ids.Contains(e.Id)), today, cancellationToken);
        var assessedSubmissions = db.GradedAssessments.Select(a => a.SubmissionId);
        var handedIn = (await db.GradedSubmissions.AsNoTracking().Where(g => ids.Contains(g.EnrolmentId) && !assessedSubmissions.Contains(g.Id)).ToListAsync(cancellationToken))
            .ToLookup(g => g.EnrolmentId);
        var rows = await kept.InOrderAsync(ids, cancellationToken);
        return new(pager, [.. rows.Select(r => new LearnerRow(r.Track, r.Standing.UnitLines(), r.Standing.AwaitingLines(), [.. handedIn[r.Track.EnrolmentId].OrderBy(g => g.SubmittedAt)], []))], choices);
    }

    /// <summary>
    /// The ids of one page of the enrolments in scope matching every filter of the query, standing and unit status
    /// included, in the order asked for, with the qualifications and assessors to filter by: those of
    /// <paramref name="choicesFrom"/> (default: the enrolments in scope); a qualification or assessor not among them is forgotten.
    /// </summary>
    public static async Task<(Pager Pager, IReadOnlyList<Guid> Ids, LearnerChoices Choices)> FilteredPageAsync(
        this IQueryable<Enrolment> enrolments, AttestDbContext db, Core.Qualifications.Catalogue catalogue, LearnerQuery query, DateOnly today, string path, CancellationToken cancellationToken,
        IQueryable<Enrolment>? choicesFrom = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var choices = await (choicesFrom ?? enrolments).ChoicesAsync(db, catalogue, cancellationToken);
        query.KeepTo(choices);
        var filtered = await (await enrolments.WithStandingAsync(db, catalogue, query, today, cancellationToken)).WithReviewOverdueAsync(db, query, today, cancellationToken);
        var (pager, ids) = await filtered.PageAsync(db, query, path, cancellationToken);
        return (pager, ids, choices);
    }

    /// <summary>
    /// The enrolments with a progress review overdue when the query asks for them (all of them otherwise). The schedule is
    /// a rule in C# (<see cref="Reviews.ReviewStandings"/>): the apprentices matching the query's other filters are worked
    /// out from narrow rows, and the filter is then their ids in SQL.
    /// </summary>
    public static async Task<IQueryable<Enrolment>> WithReviewOverdueAsync(
        this IQueryable<Enrolment> enrolments, AttestDbContext db, LearnerQuery query, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.ReviewOverdue)
        {
            return enrolments;
        }

        var overdue = await Reviews.ReviewStandings.OverdueAsync(db, enrolments.Matching(db, query), today, cancellationToken);
        var ids = overdue.Where(o => o.Value.Count > 0).Select(o => o.Key).ToList();
        return enrolments.Where(e => ids.Contains(e.Id));
    }

    /// <summary>
    /// The enrolments passing the query's standing and unit-status filters (all of them when it has neither). Standing and
    /// unit status are worked out by the engines and kept per enrolment (TrackedStandings): those matching the query's
    /// other filters are brought up to date, and the filter is then SQL like the rest.
    /// </summary>
    public static async Task<IQueryable<Enrolment>> WithStandingAsync(
        this IQueryable<Enrolment> enrolments, AttestDbContext db, Core.Qualifications.Catalogue catalogue, LearnerQuery query, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.StandingRag is null && query.UnitStatus is null)
        {
            return enrolments;
        }

        await TrackedStandings.RefreshAsync(db, catalogue, enrolments.Matching(db, query), today, cancellationToken);
        return TrackedStandings.Current(db, enrolments, today, standing: query.Filter);
    }

    /// <summary>The qualifications (as the catalogue names them) and assessors of the enrolments in scope, to filter by.</summary>
    public static async Task<LearnerChoices> ChoicesAsync(
        this IQueryable<Enrolment> enrolments, AttestDbContext db, Core.Qualifications.Catalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        var codes = await enrolments.Select(e => e.QualificationCode).Distinct().ToListAsync(cancellationToken);
        var assessorIds = await enrolments.Where(e => e.AssessorId != null).Select(e => e.AssessorId!.Value).Distinct().ToListAsync(cancellationToken);
        // Users are not centre-owned: only the assessors of enrolments in scope are read.
        var assessors = await db.Users.AsNoTracking().Where(u => assessorIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return new(
            [.. codes.Select(catalogue.Find).OfType<Core.Qualifications.QualificationSpec>().OrderBy(q => q.Code, StringComparer.Ordinal).Select(q => (q.Code, q.DisplayName))],
            [.. assessors.Select(u => (u.Id, u.DisplayName))]);
    }

    /// <summary>An enrolment with what it is sorted by; a class, not an anonymous type, so that one ordering can be chosen per sort.</summary>
    private sealed class Sortable
    {
        public Guid Id { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateOnly RegisteredOn { get; init; }

        public DateOnly? PlannedEnd { get; init; }

        public string FamilyName { get; init; } = "";

        public string GivenName { get; init; } = "";
    }
}
