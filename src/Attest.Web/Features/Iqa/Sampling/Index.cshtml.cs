using System.Security.Cryptography;
using Attest.Core.Accounts;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Iqa.Sampling;

/// <summary>Sampling plans: the strategy of each qualification the centre runs, the plans made, and a form to generate one.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    public sealed record QualificationRow(string Code, string Name, SamplingStrategy Strategy);

    public IReadOnlyList<QualificationRow> Qualifications { get; private set; } = [];

    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];

    /// <summary>Only the lead IQA changes a strategy (the strategy page refuses anyone else).</summary>
    public bool IsLead { get; private set; }

    [BindProperty]
    public GenerateInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        (Input.From, Input.To) = (today.AddMonths(-3), today);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Qualifications.All(q => q.Code != Input.QualificationCode))
        {
            ModelState.AddModelError("Input.QualificationCode", "Choose a qualification the centre's candidates are enrolled on");
        }

        if (Input.From is null)
        {
            ModelState.AddModelError("Input.From", "Enter the first day of the period");
        }

        if (Input.To is null)
        {
            ModelState.AddModelError("Input.To", "Enter the last day of the period");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = await db.StrategyAsync(Input.QualificationCode, cancellationToken);
        var population = await SamplingQueries.LoadAsync(db, Input.QualificationCode, Input.From!.Value, Input.To!.Value, strategy, now, cancellationToken);
        var plan = SamplingPlan.Generate(db.CurrentCentreId!.Value, Input.QualificationCode, Input.From.Value, Input.To.Value, strategy, population.Units, population.Assessors,
            population.UnitsOffered, RandomNumberGenerator.GetInt32(int.MaxValue), User.UserId(), User.DisplayName(), now);
        db.SamplingPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Sampling plan made: {plan.Picks.Count} units to sample.";
        return Redirect($"/Iqa/Sampling/{plan.Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        IsLead = await db.IsLeadIqaAsync(User.UserId(), cancellationToken);
        var codes = await db.Enrolments.Select(e => e.QualificationCode).Distinct().ToListAsync(cancellationToken);
        var strategies = await db.SamplingStrategies.AsNoTracking().ToDictionaryAsync(s => s.QualificationCode, s => s.Strategy, cancellationToken);
        Qualifications = [.. codes.Order(StringComparer.Ordinal).Select(c => new QualificationRow(c, catalogue.Find(c)?.DisplayName ?? c, strategies.GetValueOrDefault(c, SamplingStrategy.Default)))];
        // The units still sampled are counted by the database: a plan of a large centre has thousands of picks.
        Plans = await db.SamplingPlans.OrderByDescending(p => p.GeneratedAt).Take(50)
            .Select(p => new PlanRow(p.Id, p.QualificationCode, p.From, p.To, p.Picks.Count(x => x.RemovedAt == null), p.GeneratedByName, p.GeneratedAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A sampling plan as the list shows it.</summary>
public sealed record PlanRow(Guid Id, string QualificationCode, DateOnly From, DateOnly To, int UnitsSampled, string GeneratedByName, DateTime GeneratedAt);

public sealed class GenerateInput
{
    public string QualificationCode { get; set; } = string.Empty;

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}
