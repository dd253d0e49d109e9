using Attest.Core.Centres;
using Attest.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Portfolio;

/// <summary>The portfolio of one enrolment, for the candidate, their assessor and the centre's IQAs.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public Portfolio View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var portfolio = await Portfolio.LoadAsync(db, catalogue, User, clock.GetUtcNow().UtcDateTime, enrolmentId, null, cancellationToken);
        if (portfolio is null)
        {
            return NotFound();
        }

        View = portfolio;
        return Page();
    }

    public string EvidenceLink(Guid itemId) => User.IsInRole(Roles.Candidate) ? $"/Candidate/Evidence/{itemId}" : $"/Evidence/{itemId}";
}
