using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Quality;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Iqa;

/// <summary>The IQA's work: open disagreements, units signed off and not yet reviewed, and units in progress with decisions.</summary>
public sealed class IndexModel(AttestDbContext db) : PageModel
{
    public sealed record UnitRow(Guid EnrolmentId, string Candidate, string UnitCode, string Assessor, DateTime? Since, string? Note);

    public IReadOnlyList<UnitRow> OpenDisagreements { get; private set; } = [];

    public IReadOnlyList<UnitRow> AwaitingSummative { get; private set; } = [];

    public IReadOnlyList<UnitRow> InProgress { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var candidates = await db.Candidates.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.FullName, cancellationToken);
        var enrolments = await db.Enrolments.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.CandidateId, cancellationToken);
        var reviews = (await db.IqaReviews.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => (r.EnrolmentId, r.UnitCode));
        var signOffs = (await db.UnitSignOffs.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => (s.EnrolmentId, s.UnitCode));
        var decided = await db.CriterionDecisions.AsNoTracking()
            .GroupBy(d => new { d.EnrolmentId, d.UnitCode })
            .Select(g => new { g.Key.EnrolmentId, g.Key.UnitCode, Last = g.Max(d => d.DecidedAt), Assessor = g.OrderByDescending(d => d.DecidedAt).Select(d => d.AssessorName).First() })
            .ToListAsync(cancellationToken);
        string Candidate(Guid enrolmentId) => candidates[enrolments[enrolmentId]];

        OpenDisagreements = [.. reviews.Select(g => IqaReview.Current(g)!).Where(r => r.Outcome == IqaOutcome.Disagree)
            .OrderBy(r => r.ReviewedAt).Select(r => new UnitRow(r.EnrolmentId, Candidate(r.EnrolmentId), r.UnitCode, r.AssessorName, r.ReviewedAt, r.Actions))];
        AwaitingSummative = [.. signOffs.Select(g => UnitSignOff.Current(g)!).Where(s => s.Outcome == UnitOutcome.Competent && !reviews[(s.EnrolmentId, s.UnitCode)].Any(r => r.SignOffId == s.Id))
            .OrderBy(s => s.SignedAt).Select(s => new UnitRow(s.EnrolmentId, Candidate(s.EnrolmentId), s.UnitCode, s.AssessorName, s.SignedAt, s.Grade))];
        InProgress = [.. decided.Where(d => UnitSignOff.Current(signOffs[(d.EnrolmentId, d.UnitCode)]) is not { Outcome: UnitOutcome.Competent })
            .OrderByDescending(d => d.Last).Take(100).Select(d => new UnitRow(d.EnrolmentId, Candidate(d.EnrolmentId), d.UnitCode, d.Assessor, d.Last, null))];
    }
}
