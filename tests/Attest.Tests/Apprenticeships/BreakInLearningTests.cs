using Attest.Core.Apprenticeships;
using Attest.Core.Portfolios;

namespace Attest.Tests.Apprenticeships;

/// <summary>
/// An enrolment can begin before its apprenticeship does: the breaks in learning its status changes record, as the
/// apprenticeship sees them from its start. The off-the-job plan and the review schedule both read them so.
/// </summary>
public class BreakInLearningTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    private static readonly DateOnly Registered = new(2025, 12, 1);

    private static readonly DateOnly Start = new(2026, 1, 5);

    private static readonly DateOnly PlannedEnd = new(2026, 12, 31);

    /// <summary>The status changes of an enrolment registered on 1 December 2025 with each break taken and returned from, in order.</summary>
    private static List<EnrolmentStatusChange> Changes(params (DateOnly From, DateOnly Back)[] breaks)
    {
        var enrolment = Enrolment.Create(Guid.NewGuid(), Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], Registered, Now.AddDays(-90));
        enrolment.PlanEnd(PlannedEnd);
        var admin = Guid.NewGuid();
        return [.. breaks.SelectMany(b => new[]
        {
            enrolment.StartBreak(b.From, "Long-term illness", admin, "Alex Admin", Now),
            enrolment.Resume(b.Back, "Back at work", admin, "Alex Admin", Now),
        })];
    }

    [Fact]
    public void A_break_over_before_the_start_is_not_the_apprenticeships_but_the_planned_end_it_moved_stands()
    {
        // Away 1 to 14 December 2025, before the apprenticeship began: the return moved the planned end on 14 days.
        var (breaks, plannedEnd) = BreakInLearning.Of(Changes((new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 15))), PlannedEnd, Start);

        Assert.Empty(breaks);
        Assert.Equal(new DateOnly(2027, 1, 14), plannedEnd);
    }

    [Fact]
    public void A_break_that_began_before_the_start_counts_from_the_start()
    {
        // Away from 20 December 2025 until 12 January 2026: the apprenticeship, from 5 January, was paused one week of it.
        var (breaks, plannedEnd) = BreakInLearning.Of(Changes((new DateOnly(2025, 12, 20), new DateOnly(2026, 1, 12))), PlannedEnd, Start);

        var paused = Assert.Single(breaks);
        Assert.Equal((Start, new DateOnly(2026, 1, 12)), (paused.From, paused.ReturnedOn));
        // The new planned end the return set is kept with the break, and the plan reaches it from there.
        Assert.Equal(new DateOnly(2027, 1, 23), paused.PlannedEndAfterReturn);
        Assert.Equal(PlannedEnd, plannedEnd);
    }

    [Fact]
    public void A_break_wholly_after_the_start_is_kept_as_recorded()
    {
        // Away in December before the start, and again from 2 March to 12 April: the second break is the apprenticeship's, whole.
        var changes = Changes((new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 15)), (new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 13)));
        var (breaks, plannedEnd) = BreakInLearning.Of(changes, PlannedEnd, Start);

        Assert.Equal([BreakInLearning.Of(changes, PlannedEnd)[1]], breaks);
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 13), new DateOnly(2027, 2, 25)), (breaks[0].From, breaks[0].ReturnedOn, breaks[0].PlannedEndAfterReturn));
        Assert.Equal(new DateOnly(2027, 1, 14), plannedEnd);
    }
}
