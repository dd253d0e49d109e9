using Attest.Core.Data;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor;

/// <summary>The candidates assigned to this assessor, and only those.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue) : PageModel
{
    public sealed record Row(string CandidateName, EnrolmentStanding Standing);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var assigned = await db.Enrolments.AsNoTracking().Include(e => e.Units)
            .Where(e => e.AssessorId == userId)
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { Enrolment = e, Name = c.GivenName + " " + c.FamilyName, c.FamilyName, c.GivenName })
            .OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName)
            .ToListAsync(cancellationToken);
        var names = assigned.ToDictionary(x => x.Enrolment.Id, x => x.Name);
        Rows = (await EnrolmentProgress.ForEnrolmentsAsync(db, catalogue, [.. assigned.Select(x => x.Enrolment)], cancellationToken))
            .Select(s => new Row(names[s.Enrolment.Id], s))
            .ToList();
    }
}
