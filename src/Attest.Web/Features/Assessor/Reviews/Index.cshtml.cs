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
/// An apprentice's progress reviews, for their assessor: when they fall due, those held and who has signed, and the form
/// to record one. Recording signs it as the assessor, in one save with the assessor's signature; the apprentice and the
/// employer sign from their own pages. Another assessor's apprentice, or an enrolment that is no apprenticeship, is 404.
/// </summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public string CandidateName { get; private set; } = string.Empty;

    public IReadOnlyList<ReviewWithSignatures> Reviews { get; private set; } = [];

    public IReadOnlyList<ReviewDue> Due { get; private set; } = [];

    public int IntervalWeeks { get; private set; }

    /// <summary>The apprenticeship's standard, whose KSBs a review may be mapped to; null when the catalogue does not hold it.</summary>
    public Core.Qualifications.StandardSpec? Standard { get; private set; }

    private Core.Portfolios.Enrolment _enrolment = null!;

    private IQueryable<Core.Portfolios.Enrolment> Mine
    {
        get
        {
            var userId = User.UserId();
            return db.Enrolments.Where(e => e.Id == EnrolmentId && e.AssessorId == userId && db.Apprenticeships.Any(a => a.EnrolmentId == e.Id));
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var review = ProgressReview.Record(_enrolment, Input.Details(), User.UserId(), User.DisplayName(), now);
        var signature = ProgressReviewSignature.Sign(review, [], ReviewParty.Assessor, ReviewSignedVia.Account, User.UserId(), User.DisplayName(), now);
        db.ProgressReviews.Add(review);
        db.ProgressReviewSignatures.Add(signature);
        db.Sign(review, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        db.Sign(signature, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        if (Input.Ksbs.Any(k => !string.IsNullOrWhiteSpace(k)))
        {
            await KsbMappingQueries.AddAsync(db, catalogue, _enrolment, KsbRecords.Of(review, _enrolment.CandidateId), Input.Ksbs, Roles.Assessor, User.UserId(), User.DisplayName(), now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Review recorded and signed by you. The apprentice and the employer sign it from their own accounts.";
        return Redirect($"/Assessor/Enrolments/{EnrolmentId}/Reviews");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var enrolment = await Mine.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (enrolment is null)
        {
            return false;
        }

        _enrolment = enrolment;
        CandidateName = await db.Candidates.Where(c => c.Id == enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        Reviews = await ProgressReviews.OfAsync(db, Mine, cancellationToken);
        var apprenticeship = await db.Apprenticeships.AsNoTracking().SingleAsync(a => a.EnrolmentId == enrolment.Id, cancellationToken);
        var start = apprenticeship.StartDate;
        Standard = KsbMappingQueries.StandardOf(catalogue, apprenticeship);
        IntervalWeeks = (await db.CentrePolicyAsync(cancellationToken)).ReviewIntervalWeeks;
        Due = enrolment.PlannedEndDate is DateOnly end
            ? ReviewSchedule.Due(start, end, IntervalWeeks, Reviews.Where(r => r.IsComplete).Select(r => r.Review.HeldOn), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            : [];
        return true;
    }
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
