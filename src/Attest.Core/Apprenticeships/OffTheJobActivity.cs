using System.Globalization;

namespace Attest.Core.Apprenticeships;

/// <summary>
/// One off-the-job activity in an apprentice's log. <see cref="Starts"/> and <see cref="Ends"/> are optional, but given
/// together; <see cref="InOwnTime"/> is the apprentice's answer to "was this outside your working hours?".
/// </summary>
public sealed record OffTheJobEntry(
    DateOnly Date,
    TimeSpan Duration,
    string ActivityType,
    TimeOnly? Starts = null,
    TimeOnly? Ends = null,
    bool InOwnTime = false,
    bool Verified = false);

/// <summary>The rules an activity must keep to be logged at all, and the flags a verifier should see on it.</summary>
public static class OffTheJobActivity
{
    private static readonly TimeSpan WholeDay = TimeSpan.FromHours(24);

    /// <summary>
    /// Checks <paramref name="entry"/> against the apprentice's other entries (all their enrolments; leave out the entry
    /// itself when it is being changed) and the plan's breaks in learning. Throws one <see cref="DomainRuleException"/>
    /// with every reason on its field; otherwise returns what a verifier should notice (none for a plain entry).
    /// </summary>
    public static IReadOnlyList<string> Check(OffTheJobRules rules, OffTheJobPlan plan, OffTheJobEntry entry, IEnumerable<OffTheJobEntry> others, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(others);
        var sameDay = others.Where(o => o.Date == entry.Date).ToList();
        var reasons = new List<(string Field, string Message)>();

        if (entry.Date > today)
        {
            reasons.Add(("Date", $"An activity cannot be logged for a day still to come (today is {Day(today)})."));
        }
        else if (entry.Date < plan.Start)
        {
            reasons.Add(("Date", $"The apprenticeship started on {Day(plan.Start)}; an activity before then does not count."));
        }
        else if (plan.BreakOn(entry.Date) is { } pause)
        {
            reasons.Add(("Date", $"{Day(entry.Date)} is in the break in learning from {Day(pause.From)} ({pause.Reason}); no activity is logged during a break."));
        }

        var type = rules.ActivityType(entry.ActivityType);
        if (type is null)
        {
            reasons.Add(("ActivityType", "Choose one of the listed activity types."));
        }

        if (entry.Duration <= TimeSpan.Zero)
        {
            reasons.Add(("Duration", "The time spent must be more than 0."));
        }

        if (entry.Starts is TimeOnly starts && entry.Ends is TimeOnly ends)
        {
            if (ends <= starts)
            {
                reasons.Add(("Ends", "The end time must be after the start time."));
            }
            else if (entry.Duration != ends - starts)
            {
                reasons.Add(("Duration", $"The time spent must match the start and end times ({Hours(ends - starts)})."));
            }
            else
            {
                foreach (var other in sameDay.Where(o => o.Starts < ends && starts < o.Ends))
                {
                    reasons.Add(("Starts", $"This overlaps the activity from {other.Starts:HH\\:mm} to {other.Ends:HH\\:mm} on {Day(entry.Date)}."));
                }
            }
        }
        else if (entry.Starts is not null || entry.Ends is not null)
        {
            reasons.Add((entry.Starts is null ? "Starts" : "Ends", "Give both the start and end times, or neither."));
        }

        var dayTotal = sameDay.Aggregate(entry.Duration, (sum, o) => sum + o.Duration);
        if (entry.Duration > TimeSpan.Zero && dayTotal > WholeDay)
        {
            reasons.Add(("Duration", $"This makes {Hours(dayTotal)} on {Day(entry.Date)}; a day has 24 hours."));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var flags = new List<string>();
        if (entry.InOwnTime)
        {
            flags.Add("In the apprentice's own time: it counts only if the employer gave the time back (time off in lieu).");
        }

        if (type is { Counts: false })
        {
            flags.Add($"{type.Name} does not count towards off-the-job hours: {type.WhyNot}");
        }

        return flags;
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan span) => span.TotalMinutes % 60 == 0
        ? $"{span.TotalHours:0} hours"
        : $"{(int)span.TotalHours} hours {span.Minutes} minutes";
}

/// <summary>Totals of an apprentice's log.</summary>
public static class OffTheJobHours
{
    /// <summary>Hours that count: verified entries of a type that counts. Unverified entries and own-time flags wait for the verifier.</summary>
    public static decimal Verified(OffTheJobRules rules, IEnumerable<OffTheJobEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return entries
            .Where(e => e.Verified && rules.ActivityType(e.ActivityType) is { Counts: true })
            .Sum(e => (decimal)e.Duration.Ticks) / TimeSpan.TicksPerHour;
    }
}
