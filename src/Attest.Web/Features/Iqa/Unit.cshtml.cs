using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Quality;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Iqa;

/// <summary>
/// The IQA's review of one unit's assessment: the evidence, decisions and sign-off read-only, the reviews so far, and
/// the review form (agree or disagree per criterion, feedback to the assessor, actions on disagreement).
/// </summary>
public sealed class UnitModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [FromRoute]
    public string UnitCode { get; set; } = string.Empty;

    public UnitView View { get; private set; } = null!;

    public IReadOnlyList<IqaReview> Reviews { get; private set; } = [];

    public IReadOnlyDictionary<Guid, SignatureStatus> ReviewSignatures { get; private set; } = new Dictionary<Guid, SignatureStatus>();

    /// <summary>The latest decision on each criterion: what a review agrees or disagrees with.</summary>
    public IReadOnlyList<CriterionDecision> LatestDecisions { get; private set; } = [];

    /// <summary>Warnings on the feedback, sent back for the IQA to read.</summary>
    public IReadOnlyList<string> FeedbackWarnings { get; private set; } = [];

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    private string Here => $"/Iqa/Enrolments/{EnrolmentId}/Units/{UnitCode}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var findings = Input.Findings.Where(f => f.Agrees is not null).Select(f => new IqaFinding(f.CriterionRef, f.Agrees!.Value, f.Comment)).ToList();
        var warnings = FeedbackQuality.Check(Input.Feedback, (await db.CentrePolicyAsync(cancellationToken)).Feedback, graded: false);
        var now = clock.GetUtcNow().UtcDateTime;
        var review = IqaReview.Record(View.Enrolment, View.Standing.Unit, [.. View.Decisions.SelectMany(d => d)], View.SignOffs, Reviews, findings,
            Input.Feedback, Input.Actions, User.UserId(), User.DisplayName(), now, warnings);

        if (warnings.Count > 0 && !Input.AcceptFeedbackWarnings)
        {
            // Warn, never block: the form comes back with the words kept and the warnings to read.
            FeedbackWarnings = warnings;
            return Page();
        }

        db.IqaReviews.Add(review);
        db.Sign(review, Roles.Iqa, User.UserId(), User.DisplayName(), now);
        var reopens = review.Outcome == IqaOutcome.Disagree && review.Stage == IqaStage.Summative;
        if (reopens)
        {
            var reopened = UnitSignOff.ReopenedByIqa(View.Enrolment, View.Standing.Unit, View.SignOffs, review);
            db.UnitSignOffs.Add(reopened);
            db.Sign(reopened, Roles.Iqa, User.UserId(), User.DisplayName(), now);
        }

        if (!await db.TrySaveAsync(() => db.IqaReviews.AnyAsync(r => r.EnrolmentId == review.EnrolmentId && r.UnitCode == review.UnitCode && r.Sequence == review.Sequence, cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = review.Outcome == IqaOutcome.Agree
            ? $"Review recorded: you agree with the assessment of unit {review.UnitCode}."
            : $"Review recorded: you disagree on unit {review.UnitCode}. {(reopens ? "The sign-off is reopened and the" : "The")} assessor has the actions; the unit cannot be claimed until a later review agrees.";
        return Redirect(Here);
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var candidates = db.VisibleCandidates(User, clock.GetUtcNow().UtcDateTime);
        var view = await UnitView.LoadAsync(db, catalogue, EnrolmentId, UnitCode, e => candidates.Any(c => c.Id == e.CandidateId), cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Reviews = await db.IqaReviews.AsNoTracking().Where(r => r.EnrolmentId == EnrolmentId && r.UnitCode == view.Standing.Unit.Code).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        ReviewSignatures = await LedgerVerifier.StatesAsync(db, [.. Reviews], cancellationToken);
        LatestDecisions = [.. view.Decisions.Select(g => g.MaxBy(d => d.Revision)!).OrderBy(d => d.CriterionRef, StringComparer.Ordinal)];
        return true;
    }
}

public sealed class ReviewInput
{
    public List<FindingInput> Findings { get; set; } = [];

    public string? Feedback { get; set; }

    public string? Actions { get; set; }

    public bool AcceptFeedbackWarnings { get; set; }
}

public sealed class FindingInput
{
    public string CriterionRef { get; set; } = string.Empty;

    public bool? Agrees { get; set; }

    public string? Comment { get; set; }
}
