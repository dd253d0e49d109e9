using Attest.Core.Data;
using Attest.Web.Features.Reviews;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Reviews;

/// <summary>
/// The centre's apprentices with a progress review overdue, for the administrator: a page at a time, searched by name, ULN
/// or candidate number and filtered by qualification and assessor, with how many reviews are overdue and since when.
/// </summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid EnrolmentId, string Name, string? CandidateNumber, string Employer, string? Assessor, OverdueReviews Overdue);

    /// <summary>The search, qualification, assessor, sort and page, from the query string.</summary>
    [FromQuery]
    public LearnerQuery List { get; set; } = new();

    public LearnerChoices Choices { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var apprentices = db.Enrolments.Where(e => db.Apprenticeships.Any(a => a.EnrolmentId == e.Id));
        Choices = await apprentices.ChoicesAsync(db, catalogue, cancellationToken);
        List.KeepTo(Choices);
        var overdue = (await ReviewStandings.OverdueAsync(db, apprentices.Matching(db, List), Today, cancellationToken)).Where(o => o.Value.Count > 0).ToDictionary();
        var ids = overdue.Keys.ToList();
        (Pager, var page) = await apprentices.Where(e => ids.Contains(e.Id)).PageAsync(db, List, "/Admin/Reviews", cancellationToken);
        var found = await db.Enrolments.Where(e => page.Contains(e.Id))
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.Id, e.AssessorId, Name = c.GivenName + " " + c.FamilyName, c.AwardingBodyCandidateNumber })
            .Join(db.Apprenticeships, x => x.Id, a => a.EnrolmentId, (x, a) => new { x.Id, x.AssessorId, x.Name, x.AwardingBodyCandidateNumber, a.EmployerId })
            .Join(db.Employers, x => x.EmployerId, m => m.Id, (x, m) => new { x.Id, x.AssessorId, x.Name, x.AwardingBodyCandidateNumber, Employer = m.Name })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        // Users are not centre-owned: only this centre's assessors of the page's apprentices are read.
        var centre = db.CurrentCentreId;
        var assessorIds = found.Values.Where(x => x.AssessorId != null).Select(x => x.AssessorId!.Value).Distinct().ToList();
        var assessors = await db.Users.Where(u => u.CentreId == centre && assessorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Rows = [.. page.Select(id => found[id]).Select(x => new Row(x.Id, x.Name, x.AwardingBodyCandidateNumber, x.Employer, x.AssessorId is Guid a ? assessors.GetValueOrDefault(a) : null, overdue[x.Id]))];
    }
}
