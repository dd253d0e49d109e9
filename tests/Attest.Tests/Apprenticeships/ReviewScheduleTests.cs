using Attest.Core.Apprenticeships;

namespace Attest.Tests.Apprenticeships;

/// <summary>Issue 17: reviews "scheduled at a centre interval (default 12 weeks)"; overdue when a date passes with no completed review.</summary>
public class ReviewScheduleTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    private static readonly DateOnly End = new(2026, 12, 31);

    [Fact]
    public void Reviews_fall_due_every_interval_from_the_start_until_the_planned_end()
    {
        Assert.Equal([new DateOnly(2026, 3, 30), new DateOnly(2026, 6, 22), new DateOnly(2026, 9, 14), new DateOnly(2026, 12, 7)], ReviewSchedule.DueDates(Start, End, 12));
        Assert.Empty(ReviewSchedule.DueDates(Start, new DateOnly(2026, 3, 29), 12));
    }

    [Fact]
    public void A_due_date_passed_with_no_completed_review_is_overdue_and_a_late_review_answers_only_one_date()
    {
        var today = new DateOnly(2026, 7, 1);
        Assert.Equal(2, ReviewSchedule.OverdueCount(Start, End, 12, [], today));
        Assert.Equal(0, ReviewSchedule.OverdueCount(Start, End, 12, [new DateOnly(2026, 3, 30), new DateOnly(2026, 6, 20)], today));
        // Held late, after the second date had passed: it answers the first date only.
        var late = ReviewSchedule.Due(Start, End, 12, [new DateOnly(2026, 6, 25)], today);
        Assert.Equal([false, true, false], late.Select(d => d.Overdue));
        Assert.Equal(new DateOnly(2026, 9, 14), late[^1].DueOn);
        // Due today is not yet overdue.
        Assert.Equal(0, ReviewSchedule.OverdueCount(Start, End, 12, [], new DateOnly(2026, 3, 30)));
    }
}
