using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Features.Reviews;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate.Reviews;

/// <summary>The apprentice's progress reviews, to read and sign; a review of anyone else is 404, and so is the page to a candidate who is no apprentice.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    public IReadOnlyList<ReviewWithSignatures> Reviews { get; private set; } = [];

    private IQueryable<Core.Portfolios.Enrolment> Mine
    {
        get
        {
            var userId = User.UserId();
            return db.Enrolments.Where(e => db.Candidates.Any(c => c.Id == e.CandidateId && c.UserId == userId) && db.Apprenticeships.Any(a => a.EnrolmentId == e.Id));
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await Mine.AnyAsync(cancellationToken))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSignAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        if (!await ProgressReviews.SignAsync(db, Mine, reviewId, ReviewParty.Apprentice, Roles.Candidate, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return NotFound();
        }

        TempData["Success"] = "You have signed the review.";
        return Redirect("/Candidate/Reviews");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => Reviews = await ProgressReviews.OfAsync(db, Mine, cancellationToken);
}
