using Attest.Core.Apprenticeships;

namespace Attest.Tests.Apprenticeships;

/// <summary>Issue 17: reviews "scheduled at a centre interval (default 12 weeks)"; overdue when a date passes with no completed review; a break in learning stops the clock.</summary>
public class ReviewScheduleTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    private static readonly DateOnly End = new(2026, 12, 31);

    private static BreakInLearning Break(DateOnly from, DateOnly? returnedOn) => new(from, returnedOn, null, "Surgery and recovery");

    [Fact]
    public void Reviews_fall_due_every_interval_from_the_start_until_the_planned_end()
    {
        Assert.Equal([new DateOnly(2026, 3, 30), new DateOnly(2026, 6, 22), new DateOnly(2026, 9, 14), new DateOnly(2026, 12, 7)], ReviewSchedule.DueDates(Start, End, 12, []));
        Assert.Empty(ReviewSchedule.DueDates(Start, new DateOnly(2026, 3, 29), 12, []));
    }

    [Fact]
    public void A_due_date_passed_with_no_completed_review_is_overdue_and_a_late_review_answers_only_one_date()
    {
        var today = new DateOnly(2026, 7, 1);
        Assert.Equal(2, ReviewSchedule.OverdueCount(Start, End, 12, [], [], today));
        Assert.Equal(0, ReviewSchedule.OverdueCount(Start, End, 12, [], [new DateOnly(2026, 3, 30), new DateOnly(2026, 6, 20)], today));
        // Held late, after the second date had passed: it answers the first date only.
        var late = ReviewSchedule.Due(Start, End, 12, [], [new DateOnly(2026, 6, 25)], today);
        Assert.Equal([false, true, false], late.Select(d => d.Overdue));
        Assert.Equal(new DateOnly(2026, 9, 14), late[^1].DueOn);
        // Due today is not yet overdue.
        Assert.Equal(0, ReviewSchedule.OverdueCount(Start, End, 12, [], [], new DateOnly(2026, 3, 30)));
    }

    [Fact]
    public void After_a_break_in_learning_the_schedule_resumes_with_every_later_date_moved_on_by_the_break()
    {
        // Six weeks away from 2 March, back on 13 April: the return moved the planned end on by the same 42 days.
        var away = Break(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 13));
        var dates = ReviewSchedule.DueDates(Start, End.AddDays(42), 12, [away]);
        Assert.Equal([new DateOnly(2026, 5, 11), new DateOnly(2026, 8, 3), new DateOnly(2026, 10, 26), new DateOnly(2027, 1, 18)], dates);
        Assert.DoesNotContain(dates, away.Covers);
        // 30 March, the first date without the break, is not overdue in May: the first review is due on 11 May.
        Assert.Equal(0, ReviewSchedule.OverdueCount(Start, End.AddDays(42), 12, [away], [], new DateOnly(2026, 5, 11)));
        Assert.Equal(1, ReviewSchedule.OverdueCount(Start, End.AddDays(42), 12, [away], [], new DateOnly(2026, 5, 12)));
    }

    [Fact]
    public void No_review_falls_due_while_the_apprentice_is_on_a_break_and_one_due_the_day_it_starts_falls_due_on_the_return()
    {
        // On a break since 1 May with no return yet: 30 March was due (and is overdue), 22 June is not.
        var away = Break(new DateOnly(2026, 5, 1), null);
        Assert.Equal([new DateOnly(2026, 3, 30)], ReviewSchedule.DueDates(Start, End, 12, [away]));
        var today = new DateOnly(2026, 7, 1);
        Assert.Equal([new ReviewDue(new DateOnly(2026, 3, 30), true)], ReviewSchedule.Due(Start, End, 12, [away], [], today));
        Assert.Equal(0, ReviewSchedule.OverdueCount(Start, End, 12, [away], [new DateOnly(2026, 4, 2)], today));

        // A break beginning on the day a review falls due moves it to the day the apprentice returns.
        var fromTheDueDate = Break(new DateOnly(2026, 3, 30), new DateOnly(2026, 4, 27));
        Assert.Equal(new DateOnly(2026, 4, 27), ReviewSchedule.DueDates(Start, End.AddDays(28), 12, [fromTheDueDate])[0]);
    }

    [Fact]
    public void Two_breaks_each_stop_the_clock_and_a_break_from_the_start_makes_the_clock_start_late()
    {
        // Two weeks from 1 February and two from 1 June: the first date moves 14 days, later ones 28.
        Assert.Equal(
            [new DateOnly(2026, 4, 13), new DateOnly(2026, 7, 20)],
            ReviewSchedule.DueDates(Start, new DateOnly(2026, 8, 1), 12, [Break(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 15)), Break(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 15))]));
        // Registered in December, away until a week after the apprenticeship started: the break counts from the start
        // (BreakInLearningTests), so the clock starts a week late.
        Assert.Equal(new DateOnly(2026, 4, 6), ReviewSchedule.DueDates(Start, End, 12, [Break(Start, new DateOnly(2026, 1, 12))])[0]);
    }
}
