namespace Attest.Core.Apprenticeships;

/// <summary>One progress review the centre's interval calls for, and whether it has been held (completed) since it fell due.</summary>
public sealed record ReviewDue(DateOnly DueOn, bool Overdue);

/// <summary>
/// When an apprentice's progress reviews fall due (issue 17: "scheduled at a centre interval (default 12 weeks)"): every
/// interval of time in learning from the start, up to the planned end. A break in learning stops the clock: no review falls
/// due while the apprentice is away, a date the break reaches moves on by the break's length, and none falls due after a
/// break that has not ended. A review is overdue once its date has passed with no review completed (signed by all three)
/// on or after the previous due date. Pure: no I/O.
/// </summary>
public static class ReviewSchedule
{
    public const int DefaultIntervalWeeks = 12;

    public const int MinIntervalWeeks = 1;

    public const int MaxIntervalWeeks = 26;

    /// <summary>
    /// The review dates from the start (exclusive) to the planned end (inclusive), every <paramref name="intervalWeeks"/>
    /// weeks of learning: each date is moved on by every break that began on or before it, and the dates stop at a break
    /// still going on.
    /// </summary>
    /// <param name="breaks">The breaks from the start on, as <see cref="BreakInLearning.Of(IEnumerable{Portfolios.EnrolmentStatusChange}, DateOnly, DateOnly)"/> gives them.</param>
    public static IReadOnlyList<DateOnly> DueDates(DateOnly start, DateOnly plannedEnd, int intervalWeeks, IReadOnlyCollection<BreakInLearning> breaks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalWeeks, MinIntervalWeeks);
        ArgumentNullException.ThrowIfNull(breaks);
        var pauses = breaks.OrderBy(b => b.From).ToList();
        var dates = new List<DateOnly>();
        for (var weeks = intervalWeeks; ; weeks += intervalWeeks)
        {
            var due = start.AddDays(7 * weeks);
            foreach (var pause in pauses)
            {
                if (pause.From > due)
                {
                    break;
                }

                if (pause.ReturnedOn is not DateOnly back)
                {
                    return dates;
                }

                due = due.AddDays(back.DayNumber - pause.From.DayNumber);
            }

            if (due > plannedEnd)
            {
                return dates;
            }

            dates.Add(due);
        }
    }

    /// <summary>
    /// The reviews due up to today and the next one after it. Each completed review answers one due date: the earliest one
    /// not yet answered whose previous due date (or the start) it was held after, so a late review still answers its date
    /// but not the next as well. A date that has passed with no review answering it is overdue.
    /// </summary>
    /// <param name="completedOn">The dates completed reviews (signed by all three) were held on.</param>
    public static IReadOnlyList<ReviewDue> Due(DateOnly start, DateOnly plannedEnd, int intervalWeeks, IReadOnlyCollection<BreakInLearning> breaks, IEnumerable<DateOnly> completedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(completedOn);
        var unused = completedOn.Where(h => h <= today).Order().ToList();
        var result = new List<ReviewDue>();
        var previous = start;
        foreach (var due in DueDates(start, plannedEnd, intervalWeeks, breaks))
        {
            var answer = unused.FindIndex(h => h > previous);
            if (answer >= 0)
            {
                unused.RemoveAt(answer);
            }

            result.Add(new ReviewDue(due, answer < 0 && due < today));
            previous = due;
            if (due >= today)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>How many of the reviews due so far are overdue.</summary>
    public static int OverdueCount(DateOnly start, DateOnly plannedEnd, int intervalWeeks, IReadOnlyCollection<BreakInLearning> breaks, IEnumerable<DateOnly> completedOn, DateOnly today) =>
        Due(start, plannedEnd, intervalWeeks, breaks, completedOn, today).Count(d => d.Overdue);
}
