using Attest.Core;
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

    /// <summary>The decision on each criterion, in the unit's order; a criterion left at "No decision now" has no outcome.</summary>
    [BindProperty]
    public List<DecisionInput> Decisions { get; set; } = [];

    /// <summary>Justification and feedback for every criterion decided without its own.</summary>
    [BindProperty]
    public SharedDecisionInput Shared { get; set; } = new();

    /// <summary>Warnings on the feedback of the decisions sent, for the assessor to read beside what they concern.</summary>
    public DecisionWarnings Warnings { get; private set; } = DecisionWarnings.None;

    /// <summary>The decision form as the page shows it: empty, or as sent with its warnings.</summary>
    public DecisionsForm DecisionForm => new(Decisions, Shared, Warnings, Graded);

    private bool Graded => View.Qualification.Assessment == Core.Qualifications.AssessmentKind.Graded;

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

    /// <summary>
    /// Decides every criterion given an outcome in one go: each is checked as if decided alone, the form comes back with every
    /// reason beside its criterion, and the decisions are kept all together (each signed on its own) or not at all.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var unit = View.Standing.Unit;
        UnitSignOff.EnsureOpen(View.SignOffs, unit);
        var chosen = Decisions.Where(d => d.Outcome is not null).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(string.Empty, $"Choose Met or Not yet met for at least one criterion of unit {unit.Code}");
            return Page();
        }

        var position = unit.Criteria.Select((c, i) => (c.Ref, i)).ToDictionary(p => p.Ref, p => p.i, StringComparer.OrdinalIgnoreCase);
        var policy = (await db.CentrePolicyAsync(cancellationToken)).Feedback;
        var sharedWarnings = FeedbackQuality.Check(Shared.Feedback, policy, Graded);
        var ownWarnings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var sharedUsedBy = new List<string>();
        var candidateUserId = await CandidateUserIdAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var decided = new List<CriterionDecision>();
        foreach (var (input, duplicate) in chosen.Select((d, i) => (d, chosen.Take(i).Any(e => string.Equals(e.CriterionRef, d.CriterionRef, StringComparison.OrdinalIgnoreCase)))))
        {
            if (!position.TryGetValue(input.CriterionRef, out var index) || duplicate)
            {
                ModelState.AddModelError(string.Empty, duplicate ? $"{input.CriterionRef} is decided twice in one form: decide it once." : $"Criterion {input.CriterionRef} is not part of unit {unit.DisplayName}.");
                continue;
            }

            var hasOwnFeedback = !string.IsNullOrWhiteSpace(input.Feedback);
            var warnings = hasOwnFeedback ? FeedbackQuality.Check(input.Feedback, policy, Graded) : sharedWarnings;
            if (!hasOwnFeedback)
            {
                sharedUsedBy.Add(input.CriterionRef);
            }
            else if (warnings.Count > 0)
            {
                ownWarnings[input.CriterionRef] = warnings;
            }

            try
            {
                decided.Add(CriterionDecision.Record(
                    View.Enrolment, unit, input.CriterionRef, input.Outcome!.Value,
                    string.IsNullOrWhiteSpace(input.Justification) ? Shared.Justification : input.Justification, hasOwnFeedback ? input.Feedback : Shared.Feedback,
                    View.AcceptedFor(input.CriterionRef), User.UserId(), User.DisplayName(), candidateUserId, input.BasedOnRevision, View.SignOffs, now,
                    warnings, View.Sufficiency is null ? null : Core.Assessment.Sufficiency.WhyMetWouldNotCount(unit, input.CriterionRef, View.Accepted)));
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddRule(rule, $"Decisions[{index}].", subject: input.CriterionRef);
            }
        }

        Warnings = new DecisionWarnings(ownWarnings, sharedUsedBy.Count > 0 ? sharedWarnings : [], sharedUsedBy);
        if (!ModelState.IsValid || (Warnings.Any && !Shared.AcceptFeedbackWarnings))
        {
            // Nothing is kept: the form comes back with every word typed, each reason and warning beside its criterion.
            return Page();
        }

        foreach (var decision in decided)
        {
            db.CriterionDecisions.Add(decision);
            db.Sign(decision, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        }

        if (!await db.TrySaveAsync(() => AnyRevisionTakenAsync(decided, cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = $"{decided.Count} {(decided.Count == 1 ? "decision" : "decisions")} recorded: {string.Join(", ", decided.Select(d => $"{d.CriterionRef} {(d.Outcome == DecisionOutcome.Met ? "met" : "not yet met")}"))}.";
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

    /// <summary>Another decision took the revision one of these was to be (both made from the same state of the criterion).</summary>
    private async Task<bool> AnyRevisionTakenAsync(IReadOnlyList<CriterionDecision> decided, CancellationToken cancellationToken)
    {
        var criteria = decided.Select(d => d.CriterionRef).ToList();
        var taken = await db.CriterionDecisions.Where(d => d.EnrolmentId == EnrolmentId && d.UnitCode == View.Standing.Unit.Code && criteria.Contains(d.CriterionRef))
            .Select(d => new { d.CriterionRef, d.Revision }).ToListAsync(cancellationToken);
        return decided.Any(d => taken.Contains(new { d.CriterionRef, d.Revision }));
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

/// <summary>One criterion of the decision form.</summary>
public sealed class DecisionInput
{
    public string CriterionRef { get; set; } = string.Empty;

    /// <summary>Null: no decision on this criterion now.</summary>
    public DecisionOutcome? Outcome { get; set; }

    /// <summary>This criterion's own justification; when empty, the shared one is used.</summary>
    public string? Justification { get; set; }

    /// <summary>This criterion's own feedback; when empty, the shared feedback is used.</summary>
    public string? Feedback { get; set; }

    /// <summary>The revision of the latest decision on the criterion when the form was shown (0: none).</summary>
    public int BasedOnRevision { get; set; }
}

/// <summary>What the decision form says once for every criterion decided.</summary>
public sealed class SharedDecisionInput
{
    public string? Justification { get; set; }

    public string? Feedback { get; set; }

    /// <summary>The assessor has read the feedback warnings and records the feedback as written.</summary>
    public bool AcceptFeedbackWarnings { get; set; }
}

/// <summary>Warnings on a decision form's feedback: each criterion's own, and the shared feedback's with the criteria that use it.</summary>
public sealed record DecisionWarnings(IReadOnlyDictionary<string, IReadOnlyList<string>> ByCriterion, IReadOnlyList<string> Shared, IReadOnlyList<string> SharedUsedBy)
{
    public static readonly DecisionWarnings None = new(new Dictionary<string, IReadOnlyList<string>>(), [], []);

    public bool Any => ByCriterion.Count > 0 || Shared.Count > 0;

    public IReadOnlyList<string> For(string criterionRef) => ByCriterion.TryGetValue(criterionRef, out var warnings) ? warnings : [];
}

/// <summary>The assessor's decision form as sent (or empty), with the warnings to read.</summary>
public sealed record DecisionsForm(IReadOnlyList<DecisionInput> Decisions, SharedDecisionInput Shared, DecisionWarnings Warnings, bool Graded)
{
    /// <summary>What was sent for the criterion, if anything.</summary>
    public DecisionInput? Sent(string criterionRef) => Decisions.FirstOrDefault(d => string.Equals(d.CriterionRef, criterionRef, StringComparison.OrdinalIgnoreCase));
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
