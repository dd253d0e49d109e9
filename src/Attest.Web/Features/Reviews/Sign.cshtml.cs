using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Reviews;

/// <summary>
/// A contact at the apprentice's employer reads a progress review and signs it as the employer through a single-use,
/// expiring link, without an account (the witness link's shape, decisions/0011). The review is shown read-only; the
/// signature carries the contact's name. An unknown, used or expired link, or a review the employer has signed already,
/// gets a page that says so. The apprentice cannot use it, nor a line manager signed in for another employer.
/// </summary>
[SharedRateLimit("witness-link")]
public sealed class SignModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = string.Empty;

    /// <summary>The contact confirms they have read the review and agree it is a true record.</summary>
    [BindProperty]
    public bool Agree { get; set; }

    public string? Refusal { get; private set; }

    public ReviewWithSignatures Review { get; private set; } = null!;

    public EmployerContact Contact { get; private set; } = null!;

    public ReviewSignRequest Link { get; private set; } = null!;

    public string CandidateName { get; private set; } = string.Empty;

    public string EmployerName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Agree)
        {
            ModelState.AddModelError(nameof(Agree), "Confirm that you have read the review and agree it is a true record, to sign it");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var signature = Link.Sign(Review.Review, Review.Signatures, Contact, now);
        db.ProgressReviewSignatures.Add(signature);
        db.Sign(signature, Roles.Employer, null, Contact.Name, now);
        // Of two signatures for the employer at once (this link twice, or the line manager's account), the database keeps one.
        var reviewId = Link.ReviewId;
        if (!await db.TrySaveAsync(() => db.ProgressReviewSignatures.AnyAsync(s => s.ReviewId == reviewId && s.Party == ReviewParty.Employer, cancellationToken), cancellationToken))
        {
            return await LoadAsync(cancellationToken) ?? Page();
        }

        return Redirect($"/Reviews/{Token}/Signed");
    }

    /// <summary>Finds the link and its review; a page with the reason (404 unknown, 410 used, expired or signed already, 403 the apprentice) when it cannot be used.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.Candidate))
        {
            return Refuse(StatusCodes.Status403Forbidden, "An apprentice cannot sign a progress review as their employer. The link is for the person at the employer the assessor sent it to.");
        }

        if (Core.Security.CapabilityToken.Read(Token) is not { } key)
        {
            return Unknown();
        }

        HttpCurrentCentre.UseCapabilityCentre(HttpContext, key.Centre);
        var request = await db.ReviewSignRequests.SingleOrDefaultAsync(r => r.SecretSha256 == key.SecretSha256, cancellationToken);
        if (request is null)
        {
            return Unknown();
        }

        var contact = await db.EmployerContacts.AsNoTracking().SingleAsync(c => c.Id == request.ContactId, cancellationToken);
        if (User.IsInRole(Roles.Employer))
        {
            // A line manager signed in sees only their own employer's apprentices, whatever link they hold.
            var userId = User.UserId();
            if (!await db.EmployerContacts.AnyAsync(c => c.UserId == userId && c.EmployerId == contact.EmployerId, cancellationToken))
            {
                return Unknown();
            }
        }

        var reviews = await ProgressReviews.OfAsync(db, db.Enrolments.Where(e => e.Id == request.EnrolmentId), cancellationToken);
        var review = reviews.Single(r => r.Review.Id == request.ReviewId);
        if (request.Refusal(review.Signatures, clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return Refuse(StatusCodes.Status410Gone, refusal);
        }

        (Link, Contact, Review) = (request, contact, review);
        var candidateId = await db.Enrolments.Where(e => e.Id == request.EnrolmentId).Select(e => e.CandidateId).SingleAsync(cancellationToken);
        CandidateName = await db.Candidates.Where(c => c.Id == candidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        EmployerName = await db.Employers.Where(e => e.Id == contact.EmployerId).Select(e => e.Name).SingleAsync(cancellationToken);
        return null;
    }

    private PageResult Unknown() =>
        Refuse(StatusCodes.Status404NotFound, "This link is not known. Check that you copied the whole link from the email, or ask the assessor for a new one.");

    private PageResult Refuse(int status, string reason)
    {
        Refusal = reason;
        Response.StatusCode = status;
        return Page();
    }
}
