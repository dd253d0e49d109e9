using Attest.Core.Data;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates;

/// <summary>The centre's candidates, a page at a time, searched by name, ULN or candidate number and filtered by qualification.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Uln, string? CandidateNumber, int Enrolments);

    /// <summary>The search, qualification and page, from the query string (the other filters are for lists of enrolments).</summary>
    [FromQuery]
    public LearnerQuery List { get; set; } = new();

    public LearnerChoices Choices { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await db.Enrolments.ChoicesAsync(db, catalogue, cancellationToken);
        List.KeepTo(Choices);
        var candidates = db.Candidates.Matching(List.Q);
        if (List.Qualification is { } code)
        {
            candidates = candidates.Where(c => db.Enrolments.Any(e => e.CandidateId == c.Id && e.QualificationCode == code));
        }

        Pager = new Pager(Pager.Parse(List.Page), LearnerSearch.PageSize, await candidates.CountAsync(cancellationToken), page => List.Link("/Admin/Candidates", page));
        Rows = await candidates
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ThenBy(c => c.Id)
            .Skip(Pager.Skip).Take(LearnerSearch.PageSize)
            .Select(c => new Row(c.Id, c.GivenName + " " + c.FamilyName, c.Uln, c.AwardingBodyCandidateNumber, db.Enrolments.Count(e => e.CandidateId == c.Id)))
            .ToListAsync(cancellationToken);
    }
}
