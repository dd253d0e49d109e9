using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Core.Accounts;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Iqa.Sampling;

/// <summary>
/// One sampling plan: each pick with why it was sampled and whether it has been reviewed, each assessor's rate and
/// coverage, the gaps; the lead IQA takes picks out or adds units, saying why.
/// </summary>
public sealed class PlanModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid PlanId { get; set; }

    public SamplingPlan Plan { get; private set; } = null!;

    public bool IsLead { get; private set; }

    /// <summary>The latest IQA review of each picked unit made since the start of the plan's period, keyed by the unit code in upper case.</summary>
    public IReadOnlyDictionary<(Guid EnrolmentId, string UnitCode), IqaReview> Reviews { get; private set; } = new Dictionary<(Guid, string), IqaReview>();

    /// <summary>Units assessed in the plan's period that are not in the sample: what the lead IQA may add.</summary>
    public IReadOnlyList<AssessedUnit> NotSampled { get; private set; } = [];

    [BindProperty]
    public AdjustInput Adjust { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken) || Plan.Picks.FirstOrDefault(p => p.Id == Adjust.PickId) is not { } pick)
        {
            return NotFound();
        }

        if (!IsLead)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            pick.Remove(Adjust.Reason, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime);
        }
        catch (Core.DomainRuleException rule)
        {
            // On the form as a whole: the take-out reason is an inline field of its row, and its name is shared with
            // the add form's reason, beside which the filter would otherwise show it.
            ModelState.AddRule(new Core.DomainRuleException(rule.Reasons));
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Unit {pick.UnitCode} of {pick.Candidate} taken out of the sample.";
        return Redirect($"/Iqa/Sampling/{PlanId}");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!IsLead)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (NotSampled.FirstOrDefault(u => $"{u.EnrolmentId:N}|{u.UnitCode}" == Adjust.Unit) is not { } unit)
        {
            throw new Core.DomainRuleException("Choose a unit assessed in the period and not already in the sample", "Unit");
        }

        db.SamplePicks.Add(Plan.Add(unit, Adjust.Reason, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Unit {unit.UnitCode} of {unit.Candidate} added to the sample.";
        return Redirect($"/Iqa/Sampling/{PlanId}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var plan = await db.SamplingPlans.Include(p => p.Picks).SingleOrDefaultAsync(p => p.Id == PlanId, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        IsLead = await db.IsLeadIqaAsync(User.UserId(), cancellationToken);
        var enrolments = plan.Picks.Select(p => p.EnrolmentId).Distinct().ToList();
        // A review counts from the start of the plan's period, not from when the plan was made: a unit reviewed minutes
        // before the plan is reviewed, not "not yet reviewed".
        var periodStart = plan.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Reviews = (await db.IqaReviews.AsNoTracking().Where(r => enrolments.Contains(r.EnrolmentId) && r.ReviewedAt >= periodStart).ToListAsync(cancellationToken))
            .GroupBy(r => (r.EnrolmentId, r.UnitCode.ToUpperInvariant())).ToDictionary(g => g.Key, g => IqaReview.Current(g)!);
        if (IsLead)
        {
            var population = await SamplingQueries.LoadAsync(db, plan.QualificationCode, plan.From, plan.To, await db.StrategyAsync(plan.QualificationCode, cancellationToken), clock.GetUtcNow().UtcDateTime, cancellationToken);
            NotSampled = [.. population.Units.Where(u => !plan.Picks.Any(p => p.RemovedAt is null && p.EnrolmentId == u.EnrolmentId && p.UnitCode == u.UnitCode))
                .OrderBy(u => u.Candidate, StringComparer.CurrentCulture).ThenBy(u => u.UnitCode, StringComparer.Ordinal)];
        }

        return true;
    }
}

public sealed class AdjustInput
{
    public Guid PickId { get; set; }

    /// <summary>"{enrolment id}|{unit code}" of the unit to add.</summary>
    public string? Unit { get; set; }

    public string? Reason { get; set; }
}
