using Attest.Core;
using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Candidate;

/// <summary>The candidate's unit: criteria, what the assessor still needs, the evidence's judgements, and countersigning a sign-off.</summary>
public sealed class UnitModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [FromRoute]
    public string UnitCode { get; set; } = string.Empty;

    public UnitView View { get; private set; } = null!;

    /// <summary>The centre's limit on reworks of a graded unit.</summary>
    public int ReworkLimit { get; private set; } = Core.Centres.CentrePolicy.DefaultReworkLimit;

    [BindProperty]
    public CountersignInput Countersign { get; set; } = new();

    /// <summary>The learner declares the work handed in is their own.</summary>
    [BindProperty]
    public bool Declared { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The candidate signs the same content the assessor signed, once.</summary>
    public async Task<IActionResult> OnPostCountersignAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (View.SignOff is not { Outcome: UnitOutcome.Competent } signOff)
        {
            throw new DomainRuleException($"Unit {UnitCode} has no sign-off to countersign.");
        }

        if (View.Countersignature is not null)
        {
            throw new DomainRuleException($"You have already countersigned unit {UnitCode}.");
        }

        if (!Countersign.Confirmed)
        {
            throw new DomainRuleException("Confirm the statement to countersign", "Countersign.Confirmed");
        }

        db.Sign(signOff, Roles.Candidate, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"You countersigned unit {UnitCode}.";
        return Redirect($"/Candidate/Enrolments/{EnrolmentId}/Units/{UnitCode}");
    }

    /// <summary>Hands the graded unit's work in for assessment, or a rework when the tutor allowed one.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken) || View.Qualification.Assessment != Core.Qualifications.AssessmentKind.Graded)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var submission = GradedSubmission.Submit(View.Enrolment, View.Standing.Unit, View.Submissions, View.Assessments, (await db.CentrePolicyAsync(cancellationToken)).ReworkLimit,
            [.. View.Items.Select(i => i.Item)], Declared, User.UserId(), now);
        db.GradedSubmissions.Add(submission);
        db.Sign(submission, Roles.Candidate, User.UserId(), User.DisplayName(), now);
        if (!await db.TrySaveAsync(() => db.GradedSubmissions.AnyAsync(s => s.EnrolmentId == submission.EnrolmentId && s.UnitCode == submission.UnitCode && s.Attempt == submission.Attempt, cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = submission.IsRework ? $"Your reworked unit {UnitCode} is handed in (attempt {submission.Attempt})." : $"Unit {UnitCode} is handed in for assessment.";
        return Redirect($"/Candidate/Enrolments/{EnrolmentId}/Units/{UnitCode}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var view = await UnitView.LoadAsync(db, catalogue, EnrolmentId, UnitCode, e => db.Candidates.Any(c => c.Id == e.CandidateId && c.UserId == userId), cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        ReworkLimit = (await db.CentrePolicyAsync(cancellationToken)).ReworkLimit;
        return true;
    }
}

public sealed class CountersignInput
{
    public bool Confirmed { get; set; }
}
