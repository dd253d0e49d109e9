using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor;

/// <summary>The assessor examines mapped evidence and records a decision per criterion, with justification and feedback.</summary>
public sealed class UnitModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [FromRoute]
    public string UnitCode { get; set; } = string.Empty;

    public UnitView View { get; private set; } = null!;

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

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

        var candidateUserId = await db.Candidates.Where(c => c.Id == View.Enrolment.CandidateId).Select(c => c.UserId).SingleAsync(cancellationToken);
        var decision = CriterionDecision.Record(
            View.Enrolment, View.Standing.Unit, Input.CriterionRef, outcome, Input.Justification, Input.Feedback,
            View.Evidence[Input.CriterionRef].Select(e => e.Reference).Distinct().ToList(),
            User.UserId(), User.DisplayName(), candidateUserId ?? Guid.Empty, clock.GetUtcNow().UtcDateTime);
        db.CriterionDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Decision on {decision.CriterionRef} recorded: {(outcome == DecisionOutcome.Met ? "met" : "not yet met")}.";
        return Redirect($"/Assessor/Enrolments/{EnrolmentId}/Units/{UnitCode}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var view = await UnitView.LoadAsync(db, catalogue, EnrolmentId, UnitCode, e => e.AssessorId == userId, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}

public sealed class DecisionInput
{
    public string CriterionRef { get; set; } = string.Empty;

    public DecisionOutcome? Outcome { get; set; }

    public string? Justification { get; set; }

    public string? Feedback { get; set; }
}
