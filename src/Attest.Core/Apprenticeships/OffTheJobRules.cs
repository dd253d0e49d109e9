using System.Globalization;
using Attest.Core.Qualifications;
using NJsonSchema;

namespace Attest.Core.Apprenticeships;

/// <summary>Where a rule's figures come from: the document (with paragraph numbers where known), its address, and what it says.</summary>
public sealed record OffTheJobCitation(string Document, string Url, string Says);

public enum OffTheJobMethod
{
    /// <summary>A number of hours a week for a full-time apprentice, pro rata below the full-time contracted hours.</summary>
    HoursPerWeek,

    /// <summary>A share of the contracted weekly hours, with hours above a cap not counted.</summary>
    PercentOfWorkingHours,

    /// <summary>The total the apprenticeship standard publishes, never below a floor.</summary>
    PublishedForStandard,
}

/// <summary>How a rule set works out its minimum; only the parameters of its method are set.</summary>
public sealed record OffTheJobMinimumRule(
    OffTheJobMethod Method,
    decimal? HoursPerWeek = null,
    decimal? FullTimeWeeklyHours = null,
    decimal? Percent = null,
    decimal? WeeklyHoursCap = null,
    decimal? FloorHours = null);

/// <summary>An activity an apprentice can log, and whether its hours count towards the minimum (and why not).</summary>
public sealed record OffTheJobActivityType(string Code, string Name, bool Counts, string? WhyNot);

/// <summary>
/// When the hours log turns amber and red: verified hours behind the hours expected by today by more than so many weeks
/// of training at the planned pace. The reasons for the figures are in the rules file.
/// </summary>
public sealed record OffTheJobStatusThresholds(decimal AmberWhenWeeksBehindOver, decimal RedWhenWeeksBehindOver);

/// <summary>
/// The off-the-job rules for apprentices who started in a window of dates. An apprentice keeps the rule set in force at
/// their start for the whole apprenticeship, breaks in learning included.
/// </summary>
public sealed record OffTheJobRuleSet(
    string Id,
    string Title,
    DateOnly? StartsFrom,
    DateOnly? StartsBefore,
    OffTheJobMinimumRule Minimum,
    decimal StatutoryLeaveWeeksPerYear,
    IReadOnlyList<OffTheJobCitation> Citations,
    string? Note)
{
    public bool AppliesTo(DateOnly start) => (StartsFrom is not DateOnly from || start >= from) && (StartsBefore is not DateOnly before || start < before);

    /// <summary>Whether the minimum is the standard's published total rather than worked out from the weeks and hours.</summary>
    public bool NeedsPublishedHours => Minimum.Method == OffTheJobMethod.PublishedForStandard;

    /// <summary>
    /// The fewest off-the-job hours an apprenticeship may plan: the weekly hours these rules give for the contracted hours
    /// over the planned weeks less statutory leave, or the standard's published hours. Start and planned end are both
    /// days of the apprenticeship. Rounded up to the hundredth of an hour, so a plan of this many hours is never short.
    /// </summary>
    public decimal MinimumHours(DateOnly start, DateOnly plannedEnd, decimal contractedWeeklyHours, decimal? publishedHours = null)
    {
        if (!AppliesTo(start))
        {
            throw new ArgumentException($"Rule set {Id} does not cover a start on {start:d MMMM yyyy}.", nameof(start));
        }

        var reasons = new List<(string Field, string Message)>();
        if (plannedEnd < start)
        {
            reasons.Add(("PlannedEnd", "The planned end date must be on or after the start date."));
        }

        if (contractedWeeklyHours <= 0)
        {
            reasons.Add(("ContractedWeeklyHours", "Contracted weekly hours must be more than 0."));
        }

        if (NeedsPublishedHours && publishedHours is not > 0)
        {
            reasons.Add(("PublishedHours", $"Apprenticeships under '{Title}' need the standard's published off-the-job hours (more than 0)."));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        if (NeedsPublishedHours)
        {
            return Math.Max(publishedHours!.Value, Minimum.FloorHours ?? 0);
        }

        // weeks x (52 - leave) / 52, kept as one fraction so a 52-week year gives exactly 46.4 weeks.
        var days = plannedEnd.DayNumber - start.DayNumber + 1;
        var workingWeeks = days * (52 - StatutoryLeaveWeeksPerYear) / (7 * 52);
        return Math.Ceiling(workingWeeks * WeeklyHours(contractedWeeklyHours) * 100) / 100;
    }

    /// <summary>
    /// The minimum a plan must reach and why, in words an administrator can check: "at least 278.4 hours: 6 hours a week
    /// over 46.4 working weeks, ESFA rules from 1 August 2022". Under the published-hours method the standard's own figure
    /// is not known here, so the floor is the minimum and the reason says the standard's figure may be higher.
    /// </summary>
    public (decimal Hours, string Why) MinimumExplained(DateOnly start, DateOnly plannedEnd, decimal contractedWeeklyHours)
    {
        var rules = StartsFrom is DateOnly from
            ? $"ESFA rules from {from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : $"ESFA rules for starts before {StartsBefore!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
        if (NeedsPublishedHours)
        {
            var floor = Minimum.FloorHours ?? 0;
            return (floor, $"at least {floor:0.##} hours: the standard's published off-the-job hours and never fewer than {floor:0.##}, {rules}");
        }

        var minimum = MinimumHours(start, plannedEnd, contractedWeeklyHours);
        var days = plannedEnd.DayNumber - start.DayNumber + 1;
        var workingWeeks = days * (52 - StatutoryLeaveWeeksPerYear) / (7 * 52);
        return (minimum, $"at least {minimum:0.##} hours: {WeeklyHours(contractedWeeklyHours):0.##} hours a week over {workingWeeks:0.#} working weeks, {rules}");
    }

    /// <summary>The off-the-job hours a working week needs under these rules, for the weekly methods.</summary>
    public decimal WeeklyHours(decimal contractedWeeklyHours) => Minimum.Method switch
    {
        OffTheJobMethod.HoursPerWeek => Minimum.HoursPerWeek!.Value * Math.Min(contractedWeeklyHours, Minimum.FullTimeWeeklyHours!.Value) / Minimum.FullTimeWeeklyHours!.Value,
        OffTheJobMethod.PercentOfWorkingHours => Minimum.Percent!.Value / 100 * Math.Min(contractedWeeklyHours, Minimum.WeeklyHoursCap ?? contractedWeeklyHours),
        _ => throw new InvalidOperationException($"Rule set {Id} has no weekly hours: its minimum is the standard's published total."),
    };
}

/// <summary>
/// The off-the-job rules as shipped in <c>catalogue/funding/off-the-job.yaml</c>: the rule sets by start date, the activity
/// types, and the status thresholds. Read and checked like a qualification specification: a bad file stops start-up with
/// every problem as file:line:column: reason.
/// </summary>
public sealed class OffTheJobRules(
    IReadOnlyList<OffTheJobRuleSet> ruleSets,
    IReadOnlyList<OffTheJobActivityType> activityTypes,
    IReadOnlyList<OffTheJobCitation> activityCitations,
    OffTheJobStatusThresholds status)
{
    public const string RelativePath = CatalogueLoader.FundingFolder + "/off-the-job.yaml";

    public const string SchemaRelativePath = "schema/off-the-job.schema.json";

    public IReadOnlyList<OffTheJobRuleSet> RuleSets { get; } = ruleSets;

    public IReadOnlyList<OffTheJobActivityType> ActivityTypes { get; } = activityTypes;

    public IReadOnlyList<OffTheJobCitation> ActivityCitations { get; } = activityCitations;

    public OffTheJobStatusThresholds Status { get; } = status;

    /// <summary>The rule set in force for an apprenticeship starting on <paramref name="start"/>.</summary>
    public OffTheJobRuleSet RuleSetFor(DateOnly start) =>
        RuleSets.FirstOrDefault(r => r.AppliesTo(start))
        ?? throw new DomainRuleException($"No off-the-job rules cover an apprenticeship starting on {start:d MMMM yyyy}.", "Start");

    public OffTheJobActivityType? ActivityType(string code) => ActivityTypes.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads <see cref="RelativePath"/> from a catalogue folder; throws with every problem as file:line:column: reason.</summary>
    public static OffTheJobRules LoadOrThrow(string catalogueDirectory)
    {
        var errors = new List<CatalogueError>();
        var path = Path.Combine(catalogueDirectory, RelativePath);
        var schemaPath = Path.Combine(catalogueDirectory, SchemaRelativePath);
        foreach (var (file, what) in new[] { (path, "off-the-job rules file not found"), (schemaPath, "schema file not found") })
        {
            if (!File.Exists(file))
            {
                errors.Add(new CatalogueError(file, 0, 0, what));
            }
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(errors);
        }

        var schema = JsonSchema.FromJsonAsync(File.ReadAllText(schemaPath)).GetAwaiter().GetResult();
        return Parse(File.ReadAllText(path), Path.GetRelativePath(Directory.GetCurrentDirectory(), path), schema, errors)
            ?? throw new CatalogueException(errors);
    }

    /// <summary>Checks rules given as text exactly as the shipped file is checked; adds the errors and returns null when invalid.</summary>
    public static OffTheJobRules? Parse(string yaml, string displayName, JsonSchema schema, List<CatalogueError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        using var reader = new StringReader(yaml);
        var document = CatalogueLoader.ReadDocument(reader, displayName, errors);
        return document is null ? null : CatalogueLoader.Check(document, displayName, schema, errors, (d, _, fail) => OffTheJobRulesReader.Read(d, fail));
    }
}
