using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Web.Features.Ksbs;
using Attest.Web.Features.Reviews;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor.Reviews;

/// <summary>
/// An apprentice's progress reviews, for their assessor: when they fall due, those held and who has signed, the form to
/// record one, and a single-use link to email a contact at the apprentice's employer who signs without an account.
/// Recording signs it as the assessor, in one save with the assessor's signature; the apprentice and the employer sign
/// from their own pages (or the employer through the link). Another assessor's apprentice, or an enrolment that is no
/// apprenticeship, is 404.
/// </summary>
public sealed class IndexModel(
    AttestDbContext db, Core.Qualifications.Catalogue catalogue, Core.Mail.Mailer mailer, Microsoft.Extensions.Options.IOptions<Core.Mail.SiteOptions> site, TimeProvider clock)
    : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    [BindProperty]
    public SignLinkInput Link { get; set; } = new();

    public string CandidateName { get; private set; } = string.Empty;

    public IReadOnlyList<ReviewWithSignatures> Reviews { get; private set; } = [];

    public IReadOnlyList<ReviewDue> Due { get; private set; } = [];

    public int IntervalWeeks { get; private set; }

    public Core.Portfolios.Enrolment Enrolment { get; private set; } = null!;

    public string EmployerName { get; private set; } = string.Empty;

    /// <summary>The people at the apprentice's employer a link can be sent to.</summary>
    public IReadOnlyList<EmployerContact> Contacts { get; private set; } = [];

    /// <summary>The links sent for this apprentice's reviews, newest first.</summary>
    public IReadOnlyList<ReviewSignRequest> LinksSent { get; private set; } = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The apprenticeship's standard, whose KSBs a review may be mapped to; null when the catalogue does not hold it.</summary>
    public Core.Qualifications.StandardSpec? Standard { get; private set; }

    private IQueryable<Core.Portfolios.Enrolment> Mine
    {
        get
        {
            var userId = User.UserId();
            return db.Enrolments.Where(e => e.Id == EnrolmentId && e.AssessorId == userId && db.Apprenticeships.Any(a => a.EnrolmentId == e.Id));
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        var now = Now;
        var review = ProgressReview.Record(Enrolment, Input.Details(), User.UserId(), User.DisplayName(), now);
        var signature = ProgressReviewSignature.Sign(review, [], ReviewParty.Assessor, ReviewSignedVia.Account, User.UserId(), User.DisplayName(), now);
        db.ProgressReviews.Add(review);
        db.ProgressReviewSignatures.Add(signature);
        db.Sign(review, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        db.Sign(signature, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        if (Input.Ksbs.Any(k => !string.IsNullOrWhiteSpace(k)))
        {
            await KsbMappingQueries.AddAsync(db, catalogue, Enrolment, KsbRecords.Of(review, Enrolment.CandidateId), Input.Ksbs, Roles.Assessor, User.UserId(), User.DisplayName(), now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Review recorded and signed by you. The apprentice and the employer sign it from their own accounts, or the employer through a link you send.";
        return Redirect($"/Assessor/Enrolments/{EnrolmentId}/Reviews");
    }

    /// <summary>Emails a contact at the apprentice's employer a single-use link to sign a review; only the link's hash is kept, and the mail is queued in the same save.</summary>
    public async Task<IActionResult> OnPostSendLinkAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        // Only the review and the contact chosen are read here; a refusal shows the whole page again (LoadAsync).
        var employer = await db.Apprenticeships.Where(a => a.EnrolmentId == Enrolment.Id)
            .Join(db.Employers, a => a.EmployerId, e => e.Id, (a, e) => new { e.Id, e.Name }).SingleAsync(cancellationToken);
        var review = await ProgressReviews.OneAsync(db, Mine, Link.ReviewId, cancellationToken);
        var contact = await db.EmployerContacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Link.ContactId && c.EmployerId == employer.Id, cancellationToken);
        var reasons = new List<(string Field, string Message)>();
        if (review is null)
        {
            reasons.Add((nameof(SignLinkInput.ReviewId), "Choose the review to be signed"));
        }

        if (contact is null)
        {
            reasons.Add((nameof(SignLinkInput.ContactId), $"Choose who at {employer.Name} signs the review"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var now = Now;
        var (request, token) = ReviewSignRequest.Issue(review!.Review, review.Signatures, contact!, User.UserId(), now);
        db.ReviewSignRequests.Add(request);
        // Queued with the link, in the same save: the link and its mail exist together or not at all.
        mailer.Queue(Enrolment.CentreId, null, "review-signature", contact!.Email!, contact.Name, new Dictionary<string, string>
        {
            ["name"] = contact.Name, ["assessor"] = User.DisplayName(), ["centre"] = await db.Centres.Where(c => c.Id == Enrolment.CentreId).Select(c => c.Name).SingleAsync(cancellationToken),
            ["candidate"] = await CandidateNameAsync(cancellationToken), ["held"] = $"{review.Review.HeldOn:d MMMM yyyy}", ["link"] = site.Value.Link($"/Reviews/{token}"),
            ["expires"] = UkTime.Format(request.ExpiresAt),
        }, holdsLink: true);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"A link to sign the review held on {review.Review.HeldOn:d MMMM yyyy} is on its way to {contact.Name} at {contact.Email}. It works once and expires on {request.ExpiresAt:d MMMM yyyy}.";
        return Redirect($"/Assessor/Enrolments/{EnrolmentId}/Reviews");
    }

    /// <summary>Everything the page shows of the enrolment <see cref="FindAsync"/> found: on GET, and again after a refused POST.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        CandidateName = await CandidateNameAsync(cancellationToken);
        Reviews = await ProgressReviews.OfAsync(db, Mine, cancellationToken);
        var apprenticeship = await db.Apprenticeships.AsNoTracking().SingleAsync(a => a.EnrolmentId == Enrolment.Id, cancellationToken);
        Standard = apprenticeship.StandardIn(catalogue);
        IntervalWeeks = (await db.CentrePolicyAsync(cancellationToken)).ReviewIntervalWeeks;
        Due = await ReviewStandings.ScheduleAsync(db, Enrolment, apprenticeship, IntervalWeeks, Reviews, DateOnly.FromDateTime(Now), cancellationToken);
        var employerId = apprenticeship.EmployerId;
        EmployerName = await db.Employers.Where(e => e.Id == employerId).Select(e => e.Name).SingleAsync(cancellationToken);
        Contacts = await db.EmployerContacts.AsNoTracking().Where(c => c.EmployerId == employerId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        LinksSent = await db.ReviewSignRequests.AsNoTracking().Where(r => r.EnrolmentId == Enrolment.Id).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>This assessor's apprentice's enrolment, or false (the page's 404): what every handler reads first.</summary>
    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        var enrolment = await Mine.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        Enrolment = enrolment!;
        return enrolment is not null;
    }

    private Task<string> CandidateNameAsync(CancellationToken cancellationToken) =>
        db.Candidates.Where(c => c.Id == Enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
}

public sealed class ReviewInput
{
    public DateOnly? HeldOn { get; set; }

    public string? ProgressAgainstPlan { get; set; }

    public string? OffTheJobHoursDiscussed { get; set; }

    public string? KsbProgress { get; set; }

    public bool? WellbeingConcern { get; set; }

    public string? WellbeingNotes { get; set; }

    public bool? SafeguardingConcern { get; set; }

    public string? SafeguardingNotes { get; set; }

    public string? Targets { get; set; }

    /// <summary>Codes of the standard's KSBs the review evidences (optional).</summary>
    public List<string> Ksbs { get; set; } = [];

    public ProgressReviewDetails Details() =>
        new(HeldOn, ProgressAgainstPlan, OffTheJobHoursDiscussed, KsbProgress, WellbeingConcern, WellbeingNotes, SafeguardingConcern, SafeguardingNotes, Targets);
}

/// <summary>Which review, and which contact at the employer the link to sign it is emailed to.</summary>
public sealed class SignLinkInput
{
    public Guid? ReviewId { get; set; }

    public Guid? ContactId { get; set; }
}
