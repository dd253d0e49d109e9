using System.Globalization;
using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Claims;

/// <summary>
/// Certification across the centre: what each enrolment may claim today and the claims made, each a page at a time,
/// found by learner (name, ULN, candidate number), qualification, assessor, standing and unit status; and the CSV for
/// the awarding body. Only the page's enrolments go through the claimability engine.
/// </summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public const string Path = "/Admin/Claims";

    [FromQuery]
    public LearnerQuery List { get; set; } = new();

    /// <summary>The page of the claims made (the list of enrolments pages with <see cref="LearnerQuery.Page"/>).</summary>
    [FromQuery(Name = "made")]
    public string? MadePage { get; set; }

    public DateOnly ClaimDate { get; private set; }

    public LearnerChoices Choices { get; private set; } = null!;

    public Pager Pager { get; private set; } = null!;

    public IReadOnlyList<Claimability> Enrolments { get; private set; } = [];

    public Pager ClaimsPager { get; private set; } = null!;

    public IReadOnlyList<CertificationClaim> Claims { get; private set; } = [];

    /// <summary>Why no claim can be made at the centre now (an EQA's sanction), or null.</summary>
    public string? CertificationHold { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ClaimDate = Core.UkTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        (Pager, var ids, Choices) = await db.Enrolments.FilteredPageAsync(db, catalogue, List, today, Path, cancellationToken);
        Pager = Pager with { Name = "Pages of candidates" };
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var standings = await ClaimQueries.LoadAsync(db, catalogue, db.Enrolments.Where(e => ids.Contains(e.Id)), ClaimDate, cancellationToken);
        Enrolments = [.. standings.Enrolments.OrderBy(c => order[c.Subject.EnrolmentId])];
        CertificationHold = standings.CertificationHold;

        // Claims made, newest first, for the learners the search and the qualification and assessor filters find.
        var claims = db.CertificationClaims.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(List.Q) || List.Qualification is not null || List.AssessorId is not null)
        {
            var matching = db.Enrolments.Matching(db, List);
            claims = claims.Where(c => matching.Any(e => e.Id == c.EnrolmentId));
        }

        ClaimsPager = new Pager(Pager.Parse(MadePage), LearnerSearch.PageSize, await claims.CountAsync(cancellationToken), ClaimsLink, "Pages of claims made");
        Claims = await claims.OrderByDescending(c => c.SignedAt).ThenByDescending(c => c.Id).Skip(ClaimsPager.Skip).Take(LearnerSearch.PageSize).ToListAsync(cancellationToken);
    }

    /// <summary>A page of the claims made, keeping the search and filters and the page of candidates.</summary>
    private string ClaimsLink(int page) => List.Link(Path, Pager.Current) + "&made=" + page.ToString(CultureInfo.InvariantCulture) + "#claims-made";
}
