namespace Attest.Core.Qualifications;

/// <summary>What is known of an apprentice when their readiness for gateway is judged; the caller gathers it.</summary>
/// <param name="QualificationsAchieved">Codes of the qualifications the apprentice has achieved.</param>
/// <param name="Coverage">Their KSB coverage against the same standard (<see cref="KsbCoverage.Of"/>).</param>
/// <param name="OffTheJobHours">Their verified off-the-job hours against the hours planned for them.</param>
/// <param name="EnglishAndMaths">Their English and maths records (<see cref="Apprenticeships.EnglishAndMathsRecord.Current"/> picks the newest of each).</param>
/// <param name="EmployerAgreed">Their employer agrees they are ready.</param>
public sealed record GatewayFacts(
    IReadOnlyCollection<string> QualificationsAchieved,
    KsbCoverageResult Coverage,
    OffTheJobHoursFact OffTheJobHours,
    IReadOnlyCollection<Apprenticeships.EnglishAndMathsRecord> EnglishAndMaths,
    bool EmployerAgreed);

/// <summary>Met when the verified hours reach the planned (the ILR's OTJActHours against PHours).</summary>
public sealed record OffTheJobHoursFact(decimal Verified, decimal Planned)
{
    public bool Met => Verified >= Planned;
}

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
            GatewayItemKind.OffTheJobHours => Judged(item, facts.OffTheJobHours.Met,
                $"{Hours(facts.OffTheJobHours.Verified)} of the {Hours(facts.OffTheJobHours.Planned)} planned off-the-job hours are verified; {Hours(facts.OffTheJobHours.Planned - facts.OffTheJobHours.Verified)} to go."),
            GatewayItemKind.EnglishAndMaths => EnglishAndMaths(item, standard.EnglishAndMaths!.Level, facts.EnglishAndMaths),
            _ => Judged(item, facts.EmployerAgreed, "The employer has not agreed yet."),
        })]);
    }

    private static GatewayItemResult EnglishAndMaths(GatewayItemSpec item, int level, IReadOnlyCollection<Apprenticeships.EnglishAndMathsRecord> records)
    {
        var missing = Apprenticeships.EnglishAndMathsRecord.Shortfall(records, level);
        return Judged(item, missing.Count == 0, $"English and maths at level {level} are not met yet: {string.Join("; ", missing)}.");
    }

    private static string Hours(decimal hours) => hours.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static GatewayItemResult Judged(GatewayItemSpec item, bool met, string shortfall) => new(item, met, met ? null : shortfall);
}
