using Attest.Core;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Planning;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Planning;

/// <summary>One plan: its latest version, its history, and the candidate's agreement.</summary>
public sealed class PlanModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    public const string AgreementStatement = "I agree this plan: I will do what it says, and I understand how my evidence will be collected and assessed.";

    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [FromRoute]
    public int PlanNumber { get; set; }

    public PlanningContext Context { get; private set; } = null!;

    public PlanStanding Standing { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [BindProperty]
    public bool Agreed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The candidate agrees the latest version by signing it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!Context.IsCandidate)
        {
            return Forbid();
        }

        if (Standing.SignedBy(Roles.Candidate) is not null)
        {
            throw new DomainRuleException($"You have already agreed version {Standing.Latest.Version} of this plan.");
        }

        if (!Agreed)
        {
            throw new DomainRuleException("Confirm that you agree the plan", "Agreed");
        }

        db.Sign(Standing.Latest, Roles.Candidate, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"You agreed {Standing.Latest.Title}.";
        return Redirect($"/Planning/Enrolments/{EnrolmentId}/Plans/{PlanNumber}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        if (await PlanningContext.LoadAsync(db, User, EnrolmentId, cancellationToken) is not { } context || context.Plan(PlanNumber) is not { } standing)
        {
            return false;
        }

        (Context, Standing) = (context, standing);
        return true;
    }
}
