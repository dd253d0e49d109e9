using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor;

/// <summary>
/// The assessor's unit: how sufficient the evidence is, each mapped item to judge for this unit, and a decision per
/// criterion with justification and feedback. Every judgement and decision is signed into the ledger.
/// </summary>
public sealed class UnitModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [FromRoute]
    public string UnitCode { get; set; } = string.Empty;

    public UnitView View { get; private set; } = null!;

    /// <summary>The centre's limit on reworks of a graded unit.</summary>
    public int ReworkLimit { get; private set; } = Core.Centres.CentrePolicy.DefaultReworkLimit;

    /// <summary>A decision sent back for the assessor to read the feedback warnings.</summary>
    public DecisionDraft? Draft { get; private set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    [BindProperty]
    public JudgementInput Judge { get; set; } = new();

    [BindProperty]
    public SignOffInput SignOff { get; set; } = new();

    [BindProperty]
    public GradeInput Grade { get; set; } = new();

    /// <summary>Warnings on the grading feedback, sent back for the assessor to read.</summary>
    public IReadOnlyList<string> GradeWarnings { get; private set; } = [];

    private string Here => $"/Assessor/Enrolments/{EnrolmentId}/Units/{UnitCode}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Input.Outcome is not DecisionOutcome outcome)
        {
            ModelState.AddModelError(string.Empty, $"Choose Met or Not yet met for {Input.CriterionRef}");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var warnings = FeedbackQuality.Check(Input.Feedback, (await db.CentrePolicyAsync(cancellationToken)).Feedback, View.Qualification.Assessment == Core.Qualifications.AssessmentKind.Graded);
        var decision = CriterionDecision.Record(
            View.Enrolment, View.Standing.Unit, Input.CriterionRef, outcome, Input.Justification, Input.Feedback,
            View.AcceptedFor(Input.CriterionRef), User.UserId(), User.DisplayName(), await CandidateUserIdAsync(cancellationToken), Input.BasedOnRevision, View.SignOffs, now,
            warnings, View.Sufficiency is null ? null : Core.Assessment.Sufficiency.WhyMetWouldNotCount(View.Standing.Unit, Input.CriterionRef, View.Accepted));
        if (warnings.Count > 0 && !Input.AcceptFeedbackWarnings)
        {
            // Warn, never block: the form comes back open with the words kept and the warnings to read.
            Draft = new DecisionDraft(Input.CriterionRef, Input.Outcome, Input.Justification, Input.Feedback, warnings);
            return Page();
        }
        db.CriterionDecisions.Add(decision);
        db.Sign(decision, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        if (!await db.TrySaveAsync(() => db.CriterionDecisions.AnyAsync(d => d.EnrolmentId == decision.EnrolmentId && d.UnitCode == decision.UnitCode && d.CriterionRef == decision.CriterionRef && d.Revision == decision.Revision, cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = $"Decision on {decision.CriterionRef} recorded: {(outcome == DecisionOutcome.Met ? "met" : "not yet met")}.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var target = View.Items.SingleOrDefault(i => i.Item.Id == Judge.ItemId);
        if (target is null)
        {
            return NotFound();
        }

        if (Judge.Accepted is not bool accepted)
        {
            ModelState.AddModelError(string.Empty, $"Choose whether to accept {target.Item.Reference}");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var judgement = EvidenceAcceptance.Record(
            View.Enrolment, View.Standing.Unit, target.Item, target.ClaimedCriteria, accepted, Judge.Method, Judge.Criteria, Judge.Requirements, Judge.Reason,
            User.UserId(), User.DisplayName(), await CandidateUserIdAsync(cancellationToken), Judge.BasedOnRevision, View.SignOffs, now, target.Incomplete);
        db.EvidenceAcceptances.Add(judgement);
        db.Sign(judgement, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        if (!await db.TrySaveAsync(() => db.EvidenceAcceptances.AnyAsync(a => a.EnrolmentId == judgement.EnrolmentId && a.UnitCode == judgement.UnitCode && a.EvidenceItemId == judgement.EvidenceItemId && a.Revision == judgement.Revision, cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = $"{target.Item.Reference} {(accepted ? "accepted" : "not accepted")} for unit {View.Standing.Unit.Code}.";
        return Redirect(Here + "#evidence");
    }

    /// <summary>Signs the unit off: refused, with every reason, unless the sufficiency engine says the evidence is complete.</summary>
    public async Task<IActionResult> OnPostSignOffAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (View.Sufficiency is not { } sufficiency)
        {
            return NotFound();
        }

        if (View.SignOff?.Outcome == UnitOutcome.Competent)
        {
            // Signed a moment ago by this click's twin, or by someone else: one sign-off stands.
            return StatusCode(StatusCodes.Status409Conflict);
        }

        if (!SignOff.Confirmed)
        {
            ModelState.AddModelError("SignOff.Confirmed", $"Confirm that the candidate is competent in unit {UnitCode} on the evidence listed");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var signOff = UnitSignOff.SignCompetent(View.Enrolment, sufficiency, View.Items.ToDictionary(i => i.Item.Reference, i => i.Item), View.SignOffs,
            User.UserId(), User.DisplayName(), await CandidateUserIdAsync(cancellationToken), now);
        return await SaveSignOffAsync(signOff, $"Unit {UnitCode} signed off. The candidate is asked to countersign.", cancellationToken);
    }

    /// <summary>Not yet competent: back to the planning cycle with the actions agreed.</summary>
    public async Task<IActionResult> OnPostNotYetCompetentAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var entry = UnitSignOff.NotYetCompetent(View.Enrolment, View.Standing.Unit, View.SignOffs, SignOff.Actions, User.UserId(), User.DisplayName(), await CandidateUserIdAsync(cancellationToken), clock.GetUtcNow().UtcDateTime);
        return await SaveSignOffAsync(entry, $"Unit {UnitCode} recorded as not yet competent, with the actions agreed.", cancellationToken);
    }

    /// <summary>A correction: withdraws the sign-off with a reason, keeping the original.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var entry = UnitSignOff.Withdraw(View.Enrolment, View.Standing.Unit, View.SignOffs, SignOff.Reason, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime);
        return await SaveSignOffAsync(entry, $"The sign-off of unit {UnitCode} is withdrawn; the unit is open again.", cancellationToken);
    }

    /// <summary>Grades the attempt waiting for assessment; a final assessment (no rework) signs the unit off with its grade.</summary>
    public async Task<IActionResult> OnPostGradeAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (View.AwaitingAssessment is not { } submission)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        var policy = await db.CentrePolicyAsync(cancellationToken);
        var warnings = FeedbackQuality.Check(Grade.Feedback, policy.Feedback, graded: true);
        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = GradedAssessment.Assess(View.Enrolment, View.Standing.Unit, submission, View.Assessments, CriterionDecision.Latest(View.Decisions.SelectMany(d => d)),
            Grade.Feedback, Grade.ReworkAllowed, policy.ReworkLimit, User.UserId(), User.DisplayName(), warnings, now);
        if (warnings.Count > 0 && !Grade.AcceptFeedbackWarnings)
        {
            GradeWarnings = warnings;
            return Page();
        }

        db.GradedAssessments.Add(assessment);
        db.Sign(assessment, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        if (!assessment.ReworkAllowed)
        {
            var signOff = UnitSignOff.SignGraded(View.Enrolment, View.Standing.Unit, View.SignOffs, assessment, await CandidateUserIdAsync(cancellationToken));
            db.UnitSignOffs.Add(signOff);
            db.Sign(signOff, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        }

        if (!await db.TrySaveAsync(() => db.GradedAssessments.AnyAsync(a => a.SubmissionId == submission.Id, cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = $"Attempt {submission.Attempt} graded {assessment.Grade}{(assessment.ReworkAllowed ? "; the learner may rework it" : "; the assessment is final")}.";
        return Redirect(Here);
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<IActionResult> SaveSignOffAsync(UnitSignOff entry, string done, CancellationToken cancellationToken)
    {
        db.UnitSignOffs.Add(entry);
        db.Sign(entry, Roles.Assessor, User.UserId(), User.DisplayName(), entry.SignedAt);
        if (!await db.TrySaveAsync(() => db.UnitSignOffs.AnyAsync(s => s.EnrolmentId == entry.EnrolmentId && s.UnitCode == entry.UnitCode && s.Sequence == entry.Sequence, cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = done;
        return Redirect(Here);
    }

    private async Task<Guid> CandidateUserIdAsync(CancellationToken cancellationToken) =>
        await db.Candidates.Where(c => c.Id == View.Enrolment.CandidateId).Select(c => c.UserId).SingleAsync(cancellationToken) ?? Guid.Empty;

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var view = await UnitView.LoadAsync(db, catalogue, EnrolmentId, UnitCode, e => e.AssessorId == userId, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        ReworkLimit = (await db.CentrePolicyAsync(cancellationToken)).ReworkLimit;
        return true;
    }
}

public sealed class DecisionInput
{
    public string CriterionRef { get; set; } = string.Empty;

    public DecisionOutcome? Outcome { get; set; }

    public string? Justification { get; set; }

    public string? Feedback { get; set; }

    /// <summary>The revision of the latest decision on the criterion when the form was shown (0: none).</summary>
    public int BasedOnRevision { get; set; }

    /// <summary>The assessor has read the feedback warnings and records the feedback as written.</summary>
    public bool AcceptFeedbackWarnings { get; set; }
}

public sealed class JudgementInput
{
    public Guid ItemId { get; set; }

    public bool? Accepted { get; set; }

    public EvidenceMethod? Method { get; set; }

    public List<string> Criteria { get; set; } = [];

    public List<string> Requirements { get; set; } = [];

    public string? Reason { get; set; }

    public int BasedOnRevision { get; set; }
}

public sealed class SignOffInput
{
    public bool Confirmed { get; set; }

    public string? Actions { get; set; }

    public string? Reason { get; set; }
}

public sealed class GradeInput
{
    public string? Feedback { get; set; }

    public bool ReworkAllowed { get; set; }

    public bool AcceptFeedbackWarnings { get; set; }
}
