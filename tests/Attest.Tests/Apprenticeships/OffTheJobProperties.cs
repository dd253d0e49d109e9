using Attest.Core.Apprenticeships;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attest.Tests.Apprenticeships;

/// <summary>
/// Issue 17, item 2: generated apprenticeships (start, length, contracted hours, extra planned hours) and breaks in
/// learning (start, length, how far the planned end moves), asserting what the hours log relies on for any of them.
/// </summary>
[Properties(MaxTest = 300)]
public class OffTheJobProperties
{
    private static readonly OffTheJobRules Rules = ShippedRules.Rules;

    public sealed record Case(OffTheJobPlan Plan, OffTheJobPlan Unbroken, bool EndMovesByAtLeastTheBreak)
    {
        public override string ToString() =>
            $"start {Plan.Start:yyyy-MM-dd}, end {Plan.PlannedEnd:yyyy-MM-dd}, {Plan.ContractedWeeklyHours}h/week, planned {Plan.PlannedHours}, breaks "
            + string.Join("; ", Plan.Breaks.Select(b => $"{b.From:yyyy-MM-dd}..{b.ReturnedOn:yyyy-MM-dd} end {b.PlannedEndAfterReturn:yyyy-MM-dd}"));
    }

    private static Arbitrary<Case> Cases() =>
        (from startDay in Gen.Choose(0, 3000)
         from days in Gen.Choose(30, 1500)
         from hours in Gen.Choose(1, 50)
         from extra in Gen.Choose(0, 200)
         from breakCount in Gen.Choose(0, 3)
         from breaks in Gen.ArrayOf(
             from gap in Gen.Choose(0, 200)
             from length in Gen.Choose(1, 120)
             from moveBy in Gen.Choose(-60, 120)
             select (gap, length, moveBy), breakCount)
         select Build(new DateOnly(2018, 1, 1).AddDays(startDay), days, hours, extra, breaks)).ToArbitrary();

    private static Case Build(DateOnly start, int days, int hours, int extra, (int Gap, int Length, int MoveBy)[] breaks)
    {
        var published = start >= new DateOnly(2025, 8, 1) ? 187m + extra : (decimal?)null;
        var unbroken = OffTheJobPlan.Make(Rules, start, start.AddDays(days - 1), hours, publishedHours: published);
        unbroken = OffTheJobPlan.Make(Rules, start, unbroken.PlannedEnd, hours, unbroken.MinimumHours + extra, published);
        var plan = unbroken;
        var from = start;
        var atLeast = true;
        foreach (var (gap, length, moveBy) in breaks)
        {
            var pauseFrom = from.AddDays(gap);
            if (pauseFrom > plan.CurrentPlannedEnd)
            {
                break;
            }

            var back = pauseFrom.AddDays(length);
            var newEnd = plan.CurrentPlannedEnd.AddDays(length + moveBy);
            if (newEnd < back)
            {
                newEnd = back;
            }

            atLeast &= newEnd >= plan.CurrentPlannedEnd.AddDays(length);
            plan = plan.WithBreak(new BreakInLearning(pauseFrom, back, newEnd, "Generated"));
            from = back;
        }

        return new Case(plan, unbroken, atLeast);
    }

    private static IEnumerable<DateOnly> Days(OffTheJobPlan plan)
    {
        for (var day = plan.Start.AddDays(-2); day <= plan.CurrentPlannedEnd.AddDays(2); day = day.AddDays(1))
        {
            yield return day;
        }
    }

    [Property]
    public Property Expected_to_date_never_falls_and_never_exceeds_the_planned_hours() =>
        Prop.ForAll(Cases(), c =>
        {
            var expected = Days(c.Plan).Select(c.Plan.ExpectedBy).ToList();
            return expected.All(e => e >= 0 && e <= c.Plan.PlannedHours)
                && expected.Zip(expected.Skip(1)).All(p => p.Second >= p.First)
                && c.Plan.ExpectedBy(c.Plan.CurrentPlannedEnd) == c.Plan.PlannedHours;
        });

    [Property]
    public Property A_break_never_increases_the_planned_total_nor_when_the_end_moves_with_it_the_hours_expected() =>
        Prop.ForAll(Cases(), c =>
            c.Plan.PlannedHours == c.Unbroken.PlannedHours
            && c.Plan.MinimumHours == c.Unbroken.MinimumHours
            && (!c.EndMovesByAtLeastTheBreak || Days(c.Plan).All(d => c.Plan.ExpectedBy(d) <= c.Unbroken.ExpectedBy(d) + 0.000001m)));

    [Property]
    public Property The_clock_stops_in_a_break_and_the_remainder_is_spread_evenly_and_exactly_after_it() =>
        Prop.ForAll(Cases(), c =>
        {
            var plan = c.Plan;
            foreach (var (pause, i) in plan.Breaks.Select((b, i) => (b, i)))
            {
                var back = pause.ReturnedOn!.Value;
                var atPause = plan.ExpectedBy(pause.From.AddDays(-1));
                if (Enumerable.Range(0, back.DayNumber - pause.From.DayNumber).Any(d => plan.ExpectedBy(pause.From.AddDays(d)) != atPause))
                {
                    return false;
                }

                // From the return to the next break (or the end), every day adds the same share of what was left.
                var until = i + 1 < plan.Breaks.Count ? plan.Breaks[i + 1].From.AddDays(-1) : pause.PlannedEndAfterReturn!.Value;
                var segmentEnd = pause.PlannedEndAfterReturn!.Value;
                var daily = (plan.PlannedHours - atPause) / (segmentEnd.DayNumber - back.DayNumber + 1);
                for (var day = back; day <= until; day = day.AddDays(1))
                {
                    var step = plan.ExpectedBy(day) - plan.ExpectedBy(day.AddDays(-1));
                    if (Math.Abs(step - daily) > 0.000001m)
                    {
                        return false;
                    }
                }
            }

            return plan.ExpectedBy(plan.CurrentPlannedEnd) == plan.PlannedHours;
        });
}
