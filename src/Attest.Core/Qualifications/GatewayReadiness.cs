namespace Attest.Core.Qualifications;

/// <summary>What is known of an apprentice when their readiness for gateway is judged; the caller gathers it.</summary>
/// <param name="QualificationsAchieved">Codes of the qualifications the apprentice has achieved.</param>
/// <param name="Coverage">Their KSB coverage against the same standard (<see cref="KsbCoverage.Of"/>).</param>
/// <param name="OffTheJobHoursMet">Their off-the-job hours meet the plan, by the rules in force.</param>
/// <param name="EnglishAndMathsMet">They hold English and maths at the level the standard needs.</param>
/// <param name="EmployerAgreed">Their employer agrees they are ready.</param>
public sealed record GatewayFacts(
    IReadOnlyCollection<string> QualificationsAchieved,
    KsbCoverageResult Coverage,
    bool OffTheJobHoursMet,
    bool EnglishAndMathsMet,
    bool EmployerAgreed);

/// <param name="Shortfall">What is still missing, when the item is not met; null when it is.</param>
public sealed record GatewayItemResult(GatewayItemSpec Item, bool Met, string? Shortfall)
{
    public string Explanation => Item.Explanation;
}

public sealed record GatewayReadinessResult(IReadOnlyList<GatewayItemResult> Items)
{
    public bool IsReady => Items.All(i => i.Met);
}

/// <summary>The standard's gateway checklist judged against the facts, item by item (issue 17, item 5). Pure.</summary>
public static class GatewayReadiness
{
    public static GatewayReadinessResult Evaluate(StandardSpec standard, GatewayFacts facts)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(facts);
        return new GatewayReadinessResult([.. standard.Gateway.Select(item => item.Kind switch
        {
            GatewayItemKind.QualificationAchieved => Judged(item, facts.QualificationsAchieved.Contains(item.Qualification!, StringComparer.OrdinalIgnoreCase), $"Qualification {item.Qualification} is not achieved yet."),
            GatewayItemKind.KsbCoverage => Judged(item, facts.Coverage.IsComplete, $"{facts.Coverage.Covered} of {facts.Coverage.Total} KSBs are covered; not yet {string.Join(", ", facts.Coverage.NotCovered.Select(k => k.Code))}."),
            GatewayItemKind.OffTheJobHours => Judged(item, facts.OffTheJobHoursMet, "The off-the-job hours are not met yet."),
            GatewayItemKind.EnglishAndMaths => Judged(item, facts.EnglishAndMathsMet, $"English and maths at level {standard.EnglishAndMaths!.Level} are not met yet."),
            _ => Judged(item, facts.EmployerAgreed, "The employer has not agreed yet."),
        })]);
    }

    private static GatewayItemResult Judged(GatewayItemSpec item, bool met, string shortfall) => new(item, met, met ? null : shortfall);
}
