using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Web.Features.Planning;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor;

/// <summary>The candidates assigned to this assessor, and only those, with the plans that need attention.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public sealed record Row(string CandidateName, EnrolmentStanding Standing, IReadOnlyList<PlanningOverview.Attention> Plans, PaceForecast Forecast);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var assigned = await db.Enrolments.AsNoTracking().Include(e => e.Units)
            .Where(e => e.AssessorId == userId)
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { Enrolment = e, Name = c.GivenName + " " + c.FamilyName, c.FamilyName, c.GivenName })
            .OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName)
            .ToListAsync(cancellationToken);
        var names = assigned.ToDictionary(x => x.Enrolment.Id, x => x.Name);
        var attention = (await PlanningOverview.NeedingAttentionAsync(db, names.Keys, Today, cancellationToken)).ToLookup(a => a.EnrolmentId);
        var ids = names.Keys.ToList();
        var decided = (await db.CriterionDecisions.AsNoTracking().Where(d => ids.Contains(d.EnrolmentId)).ToListAsync(cancellationToken)).ToLookup(d => d.EnrolmentId);
        Rows = (await EnrolmentProgress.ForEnrolmentsAsync(db, catalogue, [.. assigned.Select(x => x.Enrolment)], cancellationToken))
            .Select(s => new Row(names[s.Enrolment.Id], s, [.. attention[s.Enrolment.Id]], Forecast(s, decided[s.Enrolment.Id])))
            .ToList();
    }

    /// <summary>The candidate's pace over the assessable units: each criterion met now, dated by its latest decision.</summary>
    private PaceForecast Forecast(EnrolmentStanding standing, IEnumerable<CriterionDecision> decisions)
    {
        var metOn = decisions.GroupBy(d => (d.UnitCode, d.CriterionRef)).Select(g => g.MaxBy(d => d.Revision)!)
            .Where(d => d.Outcome == DecisionOutcome.Met).Select(d => DateOnly.FromDateTime(d.DecidedAt)).ToList();
        var total = standing.Units.Where(u => u.Unit.IsAssessable).Sum(u => u.Progress.Total);
        return Pace.Forecast(standing.Enrolment.RegisteredOn, standing.Enrolment.PlannedEndDate, metOn, total, Today);
    }
}
