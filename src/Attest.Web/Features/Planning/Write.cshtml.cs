using Attest.Core;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Planning;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Planning;

/// <summary>
/// The assessor writes a plan, or reviews and amends one (a new version). Writing it is the assessor's signature; the
/// candidate then agrees by signing the same version.
/// </summary>
public sealed class WriteModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [FromQuery]
    public PlanKind Kind { get; set; } = PlanKind.AssessmentPlan;

    /// <summary>The plan being reviewed and amended; null for a new plan.</summary>
    [FromQuery]
    public int? Plan { get; set; }

    public PlanningContext Context { get; private set; } = null!;

    public AssessmentPlan? Previous { get; private set; }

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Previous is not null)
        {
            Input = PlanInput.From(Previous);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var number = Context.Plans.Count == 0 ? 1 : Context.Plans.Max(p => p.Latest.PlanNumber) + 1;
        var plan = AssessmentPlan.Write(Context.Enrolment, Kind, Input.Details(), Previous, number, User.UserId(), User.DisplayName(), DateOnly.FromDateTime(now), now);

        db.AssessmentPlans.Add(plan);
        db.Sign(plan, Roles.Assessor, User.UserId(), User.DisplayName(), now);
        if (!await db.TrySaveAsync(() => db.AssessmentPlans.AnyAsync(p => p.EnrolmentId == plan.EnrolmentId && p.PlanNumber == plan.PlanNumber && p.Version == plan.Version, cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = $"{plan.Title}, version {plan.Version}, is signed by you and waits for the candidate's agreement.";
        return Redirect($"/Planning/Enrolments/{EnrolmentId}/Plans/{plan.PlanNumber}");
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        if (await PlanningContext.LoadAsync(db, User, EnrolmentId, cancellationToken) is not { IsAssessor: true } context)
        {
            return false;
        }

        Context = context;
        if (Plan is int number)
        {
            if (context.Plan(number) is not { } standing)
            {
                return false;
            }

            Previous = standing.Latest;
            Kind = standing.Latest.PlanKind;
        }
        else if (Kind == PlanKind.LearningContract && context.Plans.Any(p => p.Latest.PlanKind == PlanKind.LearningContract))
        {
            // One learning contract per enrolment: amend the one there is.
            Previous = context.Plans.First(p => p.Latest.PlanKind == PlanKind.LearningContract).Latest;
        }

        return Enum.IsDefined(Kind);
    }
}

public sealed class PlanInput
{
    public List<string> Units { get; set; } = [];

    public DateOnly? PlannedOn { get; set; }

    public string? Venue { get; set; }

    public string? Activities { get; set; }

    public string? Evidence { get; set; }

    public string? StartingPoint { get; set; }

    public string? ExistingCompetence { get; set; }

    public string? Gaps { get; set; }

    public string? RightLevel { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    public bool Completed { get; set; }

    public string? ReviewNotes { get; set; }

    public PlanDetails Details() => new(string.Join(",", Units), PlannedOn, Venue, Activities, Evidence, StartingPoint, ExistingCompetence, Gaps, RightLevel, NextReviewOn, Completed, ReviewNotes);

    public static PlanInput From(AssessmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new()
        {
            Units = [.. plan.UnitList], PlannedOn = plan.PlannedOn, Venue = plan.Venue, Activities = plan.Activities, Evidence = plan.Evidence,
            StartingPoint = plan.StartingPoint, ExistingCompetence = plan.ExistingCompetence, Gaps = plan.Gaps, RightLevel = plan.RightLevel, NextReviewOn = plan.NextReviewOn,
        };
    }
}
