using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Features.Reviews;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Employer.Reviews;

/// <summary>An apprentice's progress reviews for their line manager, to read and sign as the employer; another employer's apprentice is 404.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    public IReadOnlyList<ReviewWithSignatures> Reviews { get; private set; } = [];

    private IQueryable<Core.Portfolios.Enrolment> Mine
    {
        get
        {
            return EmployerScope.ApprenticesOf(db, User.UserId()).Where(e => e.Id == EnrolmentId);
        }
    }

    public string CandidateName { get; private set; } = string.Empty;

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
        if (!await ProgressReviews.SignAsync(db, Mine, reviewId, ReviewParty.Employer, Roles.Employer, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return NotFound();
        }

        TempData["Success"] = "You have signed the review as the employer.";
        return Redirect($"/Employer/Apprentices/{EnrolmentId}/Reviews");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        CandidateName = await Mine.Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        Reviews = await ProgressReviews.OfAsync(db, Mine, cancellationToken);
    }
}
