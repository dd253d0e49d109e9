using Attest.Core.Data;
using Attest.Web.Features.Planning;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Planning;

/// <summary>Overdue reviews and unsigned plans across the centre, for the administrator.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Candidate, string Assessor, PlanningOverview.Attention Attention);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var attention = await PlanningOverview.NeedingAttentionAsync(db, null, Today, cancellationToken);
        var ids = attention.Select(a => a.EnrolmentId).Distinct().ToList();
        var centre = db.CurrentCentreId;
        var people = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.Id, e.AssessorId, Candidate = c.GivenName + " " + c.FamilyName })
            .GroupJoin(db.Users.Where(u => u.CentreId == centre), x => x.AssessorId, u => u.Id, (x, u) => new { x.Id, x.Candidate, Assessors = u.Select(a => a.DisplayName) })
            .ToListAsync(cancellationToken);
        var byId = people.ToDictionary(p => p.Id);
        Rows = [.. attention.Select(a => new Row(byId[a.EnrolmentId].Candidate, byId[a.EnrolmentId].Assessors.FirstOrDefault() ?? "Not assigned", a))];
    }
}
