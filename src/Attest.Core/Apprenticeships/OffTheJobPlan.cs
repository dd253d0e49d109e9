namespace Attest.Core.Apprenticeships;

/// <summary>
/// A break in learning: the apprentice stops on <see cref="From"/> (the first day not learning) and returns on
/// <see cref="ReturnedOn"/> (the first day learning again; null while the break goes on). On return the provider sets
/// <see cref="PlannedEndAfterReturn"/>, the new planned end the remaining hours are spread over.
/// </summary>
public sealed record BreakInLearning(DateOnly From, DateOnly? ReturnedOn, DateOnly? PlannedEndAfterReturn, string Reason)
{
    public bool Covers(DateOnly day) => day >= From && (ReturnedOn is not DateOnly back || day < back);

    /// <summary>
    /// An enrolment's breaks from its status changes (breaks and returns, in the order recorded). A return moves the
    /// planned end by the length of the break, from <paramref name="plannedEndFirstAgreed"/> on, unless it says where to.
    /// </summary>
    public static IReadOnlyList<BreakInLearning> Of(IEnumerable<Portfolios.EnrolmentStatusChange> changesInOrder, DateOnly plannedEndFirstAgreed)
    {
        ArgumentNullException.ThrowIfNull(changesInOrder);
        var breaks = new List<BreakInLearning>();
        var end = plannedEndFirstAgreed;
        foreach (var change in changesInOrder)
        {
            if (change.Act == Portfolios.EnrolmentAct.BreakStarted)
            {
                breaks.Add(new BreakInLearning(change.EffectiveOn, null, null, change.Reason));
            }
            else if (change.Act == Portfolios.EnrolmentAct.Resumed && breaks.Count > 0 && breaks[^1].ReturnedOn is null)
            {
                if (change.EffectiveOn == breaks[^1].From)
                {
                    // Ended the day it began (a break recorded in error): no day paused and the planned end did not move.
                    breaks.RemoveAt(breaks.Count - 1);
                    continue;
                }

                end = change.PlannedEndAfter ?? end.AddDays(change.EffectiveOn.DayNumber - breaks[^1].From.DayNumber);
                breaks[^1] = breaks[^1] with { ReturnedOn = change.EffectiveOn, PlannedEndAfterReturn = end };
            }
        }

        return breaks;
    }

    /// <summary>
    /// The breaks an apprenticeship starting on <paramref name="start"/> lives through, from an enrolment's status changes
    /// (<see cref="Of(IEnumerable{Portfolios.EnrolmentStatusChange}, DateOnly)"/>), and its planned end on that day. An
    /// enrolment can begin before its apprenticeship: a break over before the start is not part of the apprenticeship, though
    /// the planned end it moved stands; one that began before the start pauses it from the start.
    /// </summary>
    public static (IReadOnlyList<BreakInLearning> Breaks, DateOnly PlannedEndAtStart) Of(
        IEnumerable<Portfolios.EnrolmentStatusChange> changesInOrder, DateOnly plannedEndFirstAgreed, DateOnly start)
    {
        var all = Of(changesInOrder, plannedEndFirstAgreed);
        var over = all.Where(b => b.ReturnedOn <= start).ToList();
        var breaks = all.Except(over).Select(b => b.From < start ? b with { From = start } : b).ToList();
        return (breaks, over.LastOrDefault()?.PlannedEndAfterReturn ?? plannedEndFirstAgreed);
    }
}

public enum OffTheJobStatus
{
    Green,
    Amber,
    Red,
}

/// <summary>Where an apprentice stands on a day: hours planned, expected by the end of that day, verified, and the gap.</summary>
public sealed record OffTheJobProgress(
    decimal PlannedHours,
    decimal ExpectedHours,
    decimal ActualHours,
    decimal GapHours,
    decimal WeeksBehind,
    OffTheJobStatus Status,
    BreakInLearning? OnBreak);

/// <summary>
/// An apprenticeship's off-the-job plan: the minimum from the rule set in force at its start, the hours planned (at
/// least the minimum), and the hours expected by any day. Expected hours grow evenly day by day from the start to the
/// planned end (statutory leave is a fixed share of every year, so spreading over calendar days is spreading over working
/// weeks). A break in learning stops the clock: nothing more is expected until the return, and then the hours still to
/// come are spread evenly from the return to the new planned end. The planned total never changes for a break.
/// </summary>
public sealed class OffTheJobPlan
{
    private OffTheJobPlan(OffTheJobRuleSet ruleSet, DateOnly start, DateOnly plannedEnd, decimal contractedWeeklyHours, decimal minimumHours, decimal plannedHours, IReadOnlyList<BreakInLearning> breaks)
    {
        RuleSet = ruleSet;
        Start = start;
        PlannedEnd = plannedEnd;
        ContractedWeeklyHours = contractedWeeklyHours;
        MinimumHours = minimumHours;
        PlannedHours = plannedHours;
        Breaks = breaks;
    }

    public OffTheJobRuleSet RuleSet { get; }

    public DateOnly Start { get; }

    /// <summary>The planned end agreed at the start; <see cref="CurrentPlannedEnd"/> is where it stands after breaks.</summary>
    public DateOnly PlannedEnd { get; }

    public decimal ContractedWeeklyHours { get; }

    public decimal MinimumHours { get; }

    /// <summary>The hours the provider plans (the ILR's PHours): the minimum, or more where the initial assessment needs more.</summary>
    public decimal PlannedHours { get; }

    /// <summary>Breaks in learning, earliest first.</summary>
    public IReadOnlyList<BreakInLearning> Breaks { get; }

    public DateOnly CurrentPlannedEnd => Breaks.LastOrDefault(b => b.PlannedEndAfterReturn is not null)?.PlannedEndAfterReturn ?? PlannedEnd;

    /// <summary>
    /// Plans an apprenticeship under the rule set in force at <paramref name="start"/>. Refuses planned hours below the
    /// minimum, and breaks that start outside the apprenticeship, end before they start, or overlap each other.
    /// </summary>
    public static OffTheJobPlan Make(
        OffTheJobRules rules,
        DateOnly start,
        DateOnly plannedEnd,
        decimal contractedWeeklyHours,
        decimal? plannedHours = null,
        decimal? publishedHours = null,
        IReadOnlyList<BreakInLearning>? breaks = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var ruleSet = rules.RuleSetFor(start);
        var minimum = ruleSet.MinimumHours(start, plannedEnd, contractedWeeklyHours, publishedHours);
        if (plannedHours < minimum)
        {
            throw new DomainRuleException(
                $"Planned off-the-job hours must be at least the minimum of {minimum:0.##} hours that '{ruleSet.Title}' gives for this apprenticeship.",
                "PlannedHours");
        }

        var plan = new OffTheJobPlan(ruleSet, start, plannedEnd, contractedWeeklyHours, minimum, plannedHours ?? minimum, []);
        return (breaks ?? []).OrderBy(b => b.From).Aggregate(plan, (p, b) => p.WithBreak(b));
    }

    /// <summary>
    /// This plan with one more break, or the break's return recorded (the same <see cref="BreakInLearning.From"/> replaces
    /// an ongoing break). Refused with the field and the rule when the dates do not fit.
    /// </summary>
    public OffTheJobPlan WithBreak(BreakInLearning added)
    {
        ArgumentNullException.ThrowIfNull(added);
        var others = Breaks.Where(b => !(b.From == added.From && b.ReturnedOn is null)).ToList();
        var reasons = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(added.Reason))
        {
            reasons.Add(("Reason", "Say why learning paused."));
        }

        var endBefore = others.Where(b => b.From < added.From).Select(b => b.PlannedEndAfterReturn).LastOrDefault(e => e is not null) ?? PlannedEnd;
        if (added.From < Start)
        {
            reasons.Add(("From", $"A break in learning starts on or after the apprenticeship's start ({Start:d MMMM yyyy})."));
        }
        else if (added.From > endBefore)
        {
            reasons.Add(("From", $"A break in learning starts on or before the planned end ({endBefore:d MMMM yyyy}); after it, the apprenticeship has ended."));
        }

        if (added.ReturnedOn is DateOnly back)
        {
            if (back <= added.From)
            {
                reasons.Add(("ReturnedOn", "The return date must be after the first day of the break."));
            }

            if (added.PlannedEndAfterReturn is not DateOnly newEnd)
            {
                reasons.Add(("PlannedEndAfterReturn", "On return, give the new planned end date the remaining hours are spread over."));
            }
            else if (newEnd < back)
            {
                reasons.Add(("PlannedEndAfterReturn", "The new planned end date must be on or after the return date."));
            }
        }
        else if (added.PlannedEndAfterReturn is not null)
        {
            reasons.Add(("PlannedEndAfterReturn", "Give the new planned end date with the return date, once the apprentice is back."));
        }

        foreach (var other in others.Where(o => Overlap(o, added)))
        {
            reasons.Add(("From", $"This break overlaps the break from {other.From:d MMMM yyyy}{(other.ReturnedOn is DateOnly r ? $" to {r.AddDays(-1):d MMMM yyyy}" : " (still going on)")}; breaks in learning must not overlap."));
        }

        var later = others.FirstOrDefault(o => o.From > added.From);
        if (later is not null && reasons.Count == 0 && later.From > (added.PlannedEndAfterReturn ?? DateOnly.MaxValue))
        {
            reasons.Add(("PlannedEndAfterReturn", $"The new planned end must not come before the later break from {later.From:d MMMM yyyy}."));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        return new OffTheJobPlan(RuleSet, Start, PlannedEnd, ContractedWeeklyHours, MinimumHours, PlannedHours, [.. others.Append(added).OrderBy(b => b.From)]);
    }

    private static bool Overlap(BreakInLearning a, BreakInLearning b) =>
        a.From < (b.ReturnedOn ?? DateOnly.MaxValue) && b.From < (a.ReturnedOn ?? DateOnly.MaxValue);

    public BreakInLearning? BreakOn(DateOnly day) => Breaks.FirstOrDefault(b => b.Covers(day));

    /// <summary>The hours expected by the end of <paramref name="day"/>: never more than planned, and all of them by the current planned end.</summary>
    public decimal ExpectedBy(DateOnly day)
    {
        var expected = 0m;
        var from = Start;
        var end = PlannedEnd;
        foreach (var pause in Breaks)
        {
            if (day < pause.From)
            {
                break;
            }

            expected = Spread(expected, from, end, pause.From.AddDays(-1));
            if (pause.ReturnedOn is not DateOnly back || day < back)
            {
                return expected;
            }

            from = back;
            end = pause.PlannedEndAfterReturn!.Value;
        }

        return Spread(expected, from, end, day);
    }

    /// <summary>The expected hours by <paramref name="day"/> when what is still to come is spread evenly over <paramref name="from"/> to <paramref name="end"/>.</summary>
    private decimal Spread(decimal expected, DateOnly from, DateOnly end, DateOnly day)
    {
        var total = end.DayNumber - from.DayNumber + 1;
        var elapsed = day.DayNumber - from.DayNumber + 1;
        if (elapsed <= 0)
        {
            return expected;
        }

        return elapsed >= total ? PlannedHours : expected + ((PlannedHours - expected) * elapsed / total);
    }

    /// <summary>
    /// The log's standing on <paramref name="today"/> with <paramref name="actualHours"/> verified (see
    /// <see cref="OffTheJobHours.Verified"/>). Weeks behind are the gap in weeks of training at the pace first planned;
    /// the status thresholds come from the rules file.
    /// </summary>
    public OffTheJobProgress ProgressOn(DateOnly today, decimal actualHours, OffTheJobStatusThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var expected = ExpectedBy(today);
        var gap = Math.Max(0, expected - actualHours);
        var weeklyPace = PlannedHours * 7 / (PlannedEnd.DayNumber - Start.DayNumber + 1);
        var weeksBehind = weeklyPace == 0 ? 0 : gap / weeklyPace;
        var status = weeksBehind > thresholds.RedWhenWeeksBehindOver ? OffTheJobStatus.Red
            : weeksBehind > thresholds.AmberWhenWeeksBehindOver ? OffTheJobStatus.Amber
            : OffTheJobStatus.Green;
        return new OffTheJobProgress(PlannedHours, expected, actualHours, gap, weeksBehind, status, BreakOn(today));
    }
}
