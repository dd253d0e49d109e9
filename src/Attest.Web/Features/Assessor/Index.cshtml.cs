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
        Rows = (await EnrolmentProgress.ForEnrolmentsAsync(db, catalogue, [.. assigned.Select(x => x.Enrolment)], cancellationToken))
            .Select(s => new Row(names[s.Enrolment.Id], s, [.. attention[s.Enrolment.Id]], Forecast(s)))
            .ToList();
    }

    /// <summary>The candidate's pace over the assessable units.</summary>
    private PaceForecast Forecast(EnrolmentStanding standing) =>
        Pace.Forecast(standing.Enrolment.RegisteredOn, standing.Enrolment.PlannedEndDate, standing.MetOn, standing.Units.Where(u => u.Unit.IsAssessable).Sum(u => u.Progress.Total), Today);
}
