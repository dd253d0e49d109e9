using System.Globalization;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Eqa;

/// <summary>A portfolio on a visit's lists: the learner, their ULN, the qualification, and who chose it for the sample (if in it).</summary>
public sealed record VisitPortfolio(Guid EnrolmentId, string CandidateName, string Uln, string Qualification, EqaVisitSample? Sample);

/// <summary>
/// What a visit page shows, for the centre and for the EQA: the visit, its sample and the portfolios that could be added,
/// each searched and filtered by the page's <see cref="LearnerQuery"/> and a page at a time; the reports and the access log.
/// </summary>
public sealed record VisitView(
    EqaVisit Visit, LearnerQuery List, LearnerChoices Choices, Pager SamplePager, IReadOnlyList<VisitPortfolio> Sample, Pager AddablePager, IReadOnlyList<VisitPortfolio> Addable,
    IReadOnlyList<EqaReport> Reports, IReadOnlyList<EqaAccess> Accesses)
{
    /// <summary>The query parameter of the sample's page (the portfolios to add page with the list's own).</summary>
    public const string SamplePageParameter = "sample";

    public static async Task<VisitView?> LoadAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, Guid visitId, Guid? eqaOnly, LearnerQuery list, string? samplePage, string path, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(list);
        var visit = await db.EqaVisits.Include(v => v.Samples).SingleOrDefaultAsync(v => v.Id == visitId && (eqaOnly == null || v.EqaId == eqaOnly), cancellationToken);
        if (visit is null)
        {
            return null;
        }

        var sampled = visit.Samples.Select(s => s.EnrolmentId).ToList();
        var (addablePager, addableIds, choices) = await db.Enrolments.Where(e => !sampled.Contains(e.Id)).FilteredPageAsync(db, catalogue, list, today, path, cancellationToken, choicesFrom: db.Enrolments);

        // The sample is the visit's own short list: filtered by the same query, then paged here.
        var inSample = await db.Enrolments.Where(e => sampled.Contains(e.Id)).WithStandingAsync(db, catalogue, list, today, cancellationToken);
        var sampleIds = await inSample.Matching(db, list).OrderedIds(db, list.SortOrder).ToListAsync(cancellationToken);
        var samplePager = new Pager(Pager.Parse(samplePage), LearnerSearch.PageSize, sampleIds.Count,
            page => list.Link(path, addablePager.Current) + $"&{SamplePageParameter}={page.ToString(CultureInfo.InvariantCulture)}#sample-heading", "Pages of the sample");
        var shown = sampleIds.Skip(samplePager.Skip).Take(LearnerSearch.PageSize).Concat(addableIds).ToList();
        var rows = (await db.Enrolments.AsNoTracking().Where(e => shown.Contains(e.Id))
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.Id, Name = c.GivenName + " " + c.FamilyName, c.Uln, e.QualificationCode })
            .ToListAsync(cancellationToken)).ToDictionary(r => r.Id);
        VisitPortfolio Row(Guid id) => new(id, rows[id].Name, rows[id].Uln, catalogue.Find(rows[id].QualificationCode)?.DisplayName ?? rows[id].QualificationCode,
            visit.Samples.FirstOrDefault(s => s.EnrolmentId == id));

        var reports = await db.EqaReports.AsNoTracking().Where(r => r.VisitId == visitId).OrderBy(r => r.ReportedAt).ToListAsync(cancellationToken);
        var accesses = await db.EqaAccesses.AsNoTracking().Where(a => a.UserId == visit.EqaId && a.At >= visit.WindowStart.AddDays(-1) && a.At <= visit.WindowEnd.AddDays(1))
            .OrderByDescending(a => a.At).Take(500).ToListAsync(cancellationToken);
        return new VisitView(visit, list, choices, samplePager, [.. sampleIds.Skip(samplePager.Skip).Take(LearnerSearch.PageSize).Select(Row)],
            addablePager with { Name = "Pages of portfolios to add" }, [.. addableIds.Select(Row)], reports, accesses);
    }
}

public static class VisitSamples
{
    /// <summary>
    /// Adds enrolments of the centre to the visit's sample, chosen by <paramref name="role"/>, in one save; the learners'
    /// names, or null when one of them is no enrolment of the centre (nothing is added then).
    /// </summary>
    public static async Task<IReadOnlyList<string>?> AddAsync(AttestDbContext db, EqaVisit visit, IReadOnlyCollection<Guid> enrolmentIds, string role, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(enrolmentIds);
        if (enrolmentIds.Count == 0)
        {
            throw new Core.DomainRuleException("Choose at least one portfolio to add to the sample", "EnrolmentIds");
        }

        var enrolments = await db.Enrolments.Where(e => enrolmentIds.Contains(e.Id))
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.Id, CandidateId = c.Id, Name = c.GivenName + " " + c.FamilyName })
            .ToListAsync(cancellationToken);
        if (enrolments.Count != enrolmentIds.Distinct().Count())
        {
            return null;
        }

        db.EqaVisitSamples.AddRange(enrolments.Select(e => visit.AddSample(e.Id, e.CandidateId, e.Name, role, userId, now)));
        await db.SaveChangesAsync(cancellationToken);
        return [.. enrolments.Select(e => e.Name).Order(StringComparer.CurrentCulture)];
    }

    /// <summary>The banner after adding: who is now in the sample.</summary>
    public static string Added(IReadOnlyList<string> names, string whose) =>
        names.Count == 1 ? $"{names[0]}'s portfolio is in {whose} sample." : $"{names.Count} portfolios are in {whose} sample: {string.Join(", ", names)}.";
}

/// <summary>What the shared visit partial shows, and to whom.</summary>
public sealed record VisitDetailsModel(VisitView View, DateTime Now, bool LinkPortfolios, bool CanAdd, bool ShowLog, IReadOnlyDictionary<Guid, Core.Ledger.SignatureStatus> ReportSignatures);
