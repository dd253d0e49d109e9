using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Core.Accounts;
using Attest.Web.Features.Shared;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Iqa.Sampling;

/// <summary>
/// One sampling plan: each pick with why it was sampled and whether it has been reviewed (a page at a time, by assessor
/// or learner), each assessor's rate and coverage, the gaps; the lead IQA takes picks out or finds a learner's unit to add,
/// saying why. A plan of a large centre holds thousands of picks: the page reads 25 and the population of one search.
/// </summary>
public sealed class PlanModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid PlanId { get; set; }

    /// <summary>Picks of learners matching this, when set.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>Picks of this assessor's work, when set.</summary>
    [FromQuery(Name = "assessor")]
    public Guid? AssessorId { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    /// <summary>The lead IQA's search for a learner whose unit to add.</summary>
    [FromQuery(Name = "add")]
    public string? AddSearch { get; set; }

    public SamplingPlan Plan { get; private set; } = null!;

    public bool IsLead { get; private set; }

    /// <summary>One page of the picks: those in the sample first, then those taken out; by assessor, learner and unit.</summary>
    public IReadOnlyList<SamplePick> Picks { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    /// <summary>Units in the sample and taken out of it, whatever the filters.</summary>
    public (int InSample, int TakenOut) Counts { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Assessors { get; private set; } = [];

    /// <summary>Each assessor's rate and how many of their candidates were sampled, by name, as the plan was made.</summary>
    public IReadOnlyList<SamplingPlanAssessor> Coverage { get; private set; } = [];

    /// <summary>The latest IQA review of each picked unit on the page made since the start of the plan's period, keyed by the unit code in upper case.</summary>
    public IReadOnlyDictionary<(Guid EnrolmentId, string UnitCode), IqaReview> Reviews { get; private set; } = new Dictionary<(Guid, string), IqaReview>();

    /// <summary>Units of the learners the lead IQA searched for, assessed in the plan's period and not in the sample: what may be added.</summary>
    public IReadOnlyList<AssessedUnit> NotSampled { get; private set; } = [];

    [BindProperty]
    public AdjustInput Adjust { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken) || await db.SamplePicks.SingleOrDefaultAsync(p => p.Id == Adjust.PickId && p.PlanId == PlanId, cancellationToken) is not { } pick)
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

        var chosen = (Adjust.Unit ?? "").Split('|');
        var unit = chosen.Length == 2 && Guid.TryParse(chosen[0], out var enrolmentId)
            ? (await PopulationAsync(db.Enrolments.Where(e => e.Id == enrolmentId), cancellationToken)).FirstOrDefault(u => u.UnitCode == chosen[1])
            : null;
        if (unit is null)
        {
            throw new Core.DomainRuleException("Choose a unit assessed in the period and not already in the sample", "Unit");
        }

        // The plan with its picks of this unit only: enough for the rule that a unit is in the sample once.
        var plan = await db.SamplingPlans.Include(p => p.Picks.Where(x => x.EnrolmentId == unit.EnrolmentId && x.UnitCode == unit.UnitCode)).SingleAsync(p => p.Id == PlanId, cancellationToken);
        db.SamplePicks.Add(plan.Add(unit, Adjust.Reason, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Unit {unit.UnitCode} of {unit.Candidate} added to the sample.";
        return Redirect($"/Iqa/Sampling/{PlanId}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var plan = await db.SamplingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == PlanId, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        IsLead = await db.IsLeadIqaAsync(User.UserId(), cancellationToken);
        Coverage = await db.SamplingPlanAssessors.AsNoTracking().Where(a => a.PlanId == PlanId).OrderBy(a => a.Name).ThenBy(a => a.AssessorId).ToListAsync(cancellationToken);
        var all = db.SamplePicks.AsNoTracking().Where(p => p.PlanId == PlanId);
        var counts = await all.GroupBy(p => p.RemovedAt == null).Select(g => new { InSample = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Counts = (counts.SingleOrDefault(c => c.InSample)?.Count ?? 0, counts.SingleOrDefault(c => !c.InSample)?.Count ?? 0);
        Assessors = [.. (await all.Select(p => new { p.AssessorId, p.AssessorName }).Distinct().ToListAsync(cancellationToken))
            .OrderBy(a => a.AssessorName, StringComparer.CurrentCulture).Select(a => (a.AssessorId, a.AssessorName))];
        var picks = all;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var matching = db.Enrolments.Matching(db, Q);
            picks = picks.Where(p => matching.Any(e => e.Id == p.EnrolmentId));
        }

        if (AssessorId is { } assessor)
        {
            picks = picks.Where(p => p.AssessorId == assessor);
        }

        Pager = new Pager(Pager.Parse(PageNumber), LearnerSearch.PageSize, await picks.CountAsync(cancellationToken), Link, "Pages of units to sample");
        Picks = await picks.OrderBy(p => p.RemovedAt != null).ThenBy(p => p.AssessorName).ThenBy(p => p.Candidate).ThenBy(p => p.UnitCode).ThenBy(p => p.Id)
            .Skip(Pager.Skip).Take(Pager.PageSize).ToListAsync(cancellationToken);
        var enrolments = Picks.Select(p => p.EnrolmentId).Distinct().ToList();
        // A review counts from the start of the plan's period, not from when the plan was made: a unit reviewed minutes
        // before the plan is reviewed, not "not yet reviewed".
        var periodStart = plan.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Reviews = (await db.IqaReviews.AsNoTracking().Where(r => enrolments.Contains(r.EnrolmentId) && r.ReviewedAt >= periodStart).ToListAsync(cancellationToken))
            .GroupBy(r => (r.EnrolmentId, r.UnitCode.ToUpperInvariant())).ToDictionary(g => g.Key, g => IqaReview.Current(g)!);
        if (IsLead && !string.IsNullOrWhiteSpace(AddSearch))
        {
            var population = await PopulationAsync(db.Enrolments.Matching(db, AddSearch).Take(LearnerSearch.PageSize), cancellationToken);
            NotSampled = [.. population.OrderBy(u => u.Candidate, StringComparer.CurrentCulture).ThenBy(u => u.UnitCode, StringComparer.Ordinal)];
        }

        return true;
    }

    /// <summary>The units of <paramref name="among"/> assessed in the plan's period and not in its sample.</summary>
    private async Task<IReadOnlyList<AssessedUnit>> PopulationAsync(IQueryable<Core.Portfolios.Enrolment> among, CancellationToken cancellationToken)
    {
        var population = await SamplingQueries.LoadAsync(db, Plan.QualificationCode, Plan.From, Plan.To, await db.StrategyAsync(Plan.QualificationCode, cancellationToken), clock.GetUtcNow().UtcDateTime,
            cancellationToken, among);
        var ids = population.Units.Select(u => u.EnrolmentId).Distinct().ToList();
        var sampled = (await db.SamplePicks.AsNoTracking().Where(p => p.PlanId == PlanId && p.RemovedAt == null && ids.Contains(p.EnrolmentId)).Select(p => new { p.EnrolmentId, p.UnitCode })
            .ToListAsync(cancellationToken)).Select(p => (p.EnrolmentId, p.UnitCode)).ToHashSet();
        return [.. population.Units.Where(u => !sampled.Contains((u.EnrolmentId, u.UnitCode)))];
    }

    /// <summary>Another page of the picks, keeping the filters.</summary>
    public string Link(int page) => QueryHelpers.AddQueryString($"/Iqa/Sampling/{PlanId}", new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q, ["assessor"] = AssessorId?.ToString(), ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }.Where(p => p.Value is not null));
}

public sealed class AdjustInput
{
    public Guid PickId { get; set; }

    /// <summary>"{enrolment id}|{unit code}" of the unit to add.</summary>
    public string? Unit { get; set; }

    public string? Reason { get; set; }
}
