using Attest.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates;

public sealed class IndexModel(AttestDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? CandidateNumber, int Enrolments);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await db.Candidates
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName)
            .Select(c => new Row(c.Id, c.GivenName + " " + c.FamilyName, c.AwardingBodyCandidateNumber, db.Enrolments.Count(e => e.CandidateId == c.Id)))
            .ToListAsync(cancellationToken);
}
