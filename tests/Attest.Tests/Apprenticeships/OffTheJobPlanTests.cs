using Attest.Core;
using Attest.Core.Apprenticeships;

namespace Attest.Tests.Apprenticeships;

/// <summary>
/// Issue 17, items 1 and 2: the minimum off-the-job hours from worked examples in the sources the rules file cites, the
/// hours expected to date, and breaks in learning.
/// </summary>
public class OffTheJobPlanTests
{
    private static readonly OffTheJobRules Rules = ShippedRules.Rules;

    /// <summary>A Monday; 364 days later is the Sunday that ends a 52-week apprenticeship.</summary>
    private static readonly DateOnly Start2023 = new(2023, 1, 2);

    private static DateOnly Weeks(DateOnly start, int weeks) => start.AddDays((weeks * 7) - 1);

    [Fact]
    public void A_full_time_apprentice_over_52_weeks_needs_278_4_hours()
    {
        // 2022 rules: 6 hours a week (Open Awards, HASO) over 52 - 5.6 = 46.4 working weeks (P46), as the DfE help
        // centre's reply on P41 gives: "The minimum OTJ hours would be 278.4".
        var plan = OffTheJobPlan.Make(Rules, Start2023, Weeks(Start2023, 52), contractedWeeklyHours: 30);

        Assert.Equal("otj-2022-08", plan.RuleSet.Id);
        Assert.Equal(278.4m, plan.MinimumHours);
        Assert.Equal(278.4m, plan.PlannedHours);
    }

    [Fact]
    public void The_minimum_is_explained_with_the_weekly_hours_the_working_weeks_and_the_rules_in_force()
    {
        var (hours, why) = Rules.RuleSetFor(Start2023).MinimumExplained(Start2023, Weeks(Start2023, 52), 30);

        Assert.Equal(278.4m, hours);
        Assert.Equal("at least 278.4 hours: 6 hours a week over 46.4 working weeks, ESFA rules from 1 August 2022", why);
        var since2025 = new DateOnly(2025, 9, 1);
        Assert.Equal(187m, Rules.RuleSetFor(since2025).MinimumExplained(since2025, Weeks(since2025, 52), 30).Hours);
    }

    [Fact]
    public void Working_more_than_30_hours_does_not_raise_the_minimum()
    {
        // 2022 rules: "even where the apprentice works more than 30 hours per week" (HASO): still 6 hours a week.
        Assert.Equal(278.4m, OffTheJobPlan.Make(Rules, Start2023, Weeks(Start2023, 52), 37.5m).MinimumHours);
    }

    [Fact]
    public void A_21_hour_part_timer_over_78_weeks_needs_292_32_hours()
    {
        // P46 as quoted on the DfE help centre: statutory leave pro rata, (78 - 8.4) weeks x 21 hours x 20% = 292.32.
        var plan = OffTheJobPlan.Make(Rules, Start2023, Weeks(Start2023, 78), contractedWeeklyHours: 21);

        Assert.Equal(292.32m, plan.MinimumHours);
    }

    [Fact]
    public void A_20_hour_part_timer_on_the_extended_duration_needs_the_same_hours_as_a_full_timer()
    {
        // P41.2: 52 x 30 / 20 = 78 weeks; 6 x 20 / 30 = 4 hours a week over 69.6 working weeks = 278.4.
        var plan = OffTheJobPlan.Make(Rules, Start2023, Weeks(Start2023, 52 * 30 / 20), contractedWeeklyHours: 20);

        Assert.Equal(4m, plan.RuleSet.WeeklyHours(20));
        Assert.Equal(278.4m, plan.MinimumHours);
    }

    [Fact]
    public void A_start_before_August_2022_needs_20_percent_of_hours_capped_at_30_a_week()
    {
        // Before 1 August 2022: 20% of normal working hours, capped at 30 hours a week (NAS leaflet, key fact 1).
        var start = new DateOnly(2021, 9, 6);

        var fullTime = OffTheJobPlan.Make(Rules, start, Weeks(start, 52), contractedWeeklyHours: 37.5m);
        var partTime = OffTheJobPlan.Make(Rules, start, Weeks(start, 52), contractedWeeklyHours: 15);

        Assert.Equal("otj-before-2022-08", fullTime.RuleSet.Id);
        Assert.Equal(278.4m, fullTime.MinimumHours);
        Assert.Equal(139.2m, partTime.MinimumHours);
    }

    [Fact]
    public void A_start_from_August_2025_needs_the_standards_published_hours_and_never_below_187()
    {
        // 2025 to 2026 rules (City & Guilds summary): the standard's published hours; no plan below 187 hours.
        var start = new DateOnly(2025, 9, 1);

        Assert.Equal(400m, OffTheJobPlan.Make(Rules, start, start.AddMonths(12), 20, publishedHours: 400).MinimumHours);
        Assert.Equal(187m, OffTheJobPlan.Make(Rules, start, start.AddMonths(8), 37.5m, publishedHours: 150).MinimumHours);
        var missing = Assert.Throws<DomainRuleException>(() => OffTheJobPlan.Make(Rules, start, start.AddMonths(12), 30));
        Assert.Equal(["PublishedHours"], missing.FieldReasons!.Select(r => r.Field));
    }

    [Fact]
    public void Planned_hours_below_the_minimum_and_impossible_dates_or_hours_are_refused_with_their_fields()
    {
        var low = Assert.Throws<DomainRuleException>(() => OffTheJobPlan.Make(Rules, Start2023, Weeks(Start2023, 52), 30, plannedHours: 250));
        var bad = Assert.Throws<DomainRuleException>(() => OffTheJobPlan.Make(Rules, Start2023, Start2023.AddDays(-1), 0));

        Assert.Equal("PlannedHours", low.Field);
        Assert.Contains("278.4 hours", low.Message, StringComparison.Ordinal);
        Assert.Equal(["PlannedEnd", "ContractedWeeklyHours"], bad.FieldReasons!.Select(r => r.Field));
    }

    [Fact]
    public void Expected_hours_grow_evenly_to_the_planned_total_at_the_planned_end()
    {
        var plan = OffTheJobPlan.Make(Rules, Start2023, Weeks(Start2023, 52), 30, plannedHours: 364);

        Assert.Equal(0m, plan.ExpectedBy(Start2023.AddDays(-1)));
        Assert.Equal(1m, plan.ExpectedBy(Start2023));
        Assert.Equal(182m, plan.ExpectedBy(Start2023.AddDays(181)));
        Assert.Equal(364m, plan.ExpectedBy(plan.PlannedEnd));
        Assert.Equal(364m, plan.ExpectedBy(plan.PlannedEnd.AddYears(1)));
    }

    [Fact]
    public void A_break_stops_the_clock_and_the_rest_is_spread_to_the_new_planned_end()
    {
        var plan = OffTheJobPlan.Make(Rules, Start2023, Weeks(Start2023, 52), 30, plannedHours: 364);
        var from = Start2023.AddDays(100);
        var paused = plan.WithBreak(new BreakInLearning(from, null, null, "Long-term sick leave"));

        Assert.Equal(100m, paused.ExpectedBy(from.AddDays(120)));
        Assert.Equal("Long-term sick leave", paused.BreakOn(from.AddDays(120))!.Reason);

        var back = from.AddDays(50);
        var returned = paused.WithBreak(new BreakInLearning(from, back, plan.PlannedEnd.AddDays(50), "Long-term sick leave"));

        Assert.Single(returned.Breaks);
        Assert.Equal(plan.PlannedEnd.AddDays(50), returned.CurrentPlannedEnd);
        Assert.Equal(100m, returned.ExpectedBy(back.AddDays(-1)));
        Assert.Equal(101m, returned.ExpectedBy(back));
        Assert.Equal(364m, returned.ExpectedBy(returned.CurrentPlannedEnd));
        Assert.Equal(364m, returned.PlannedHours);
        Assert.Null(returned.BreakOn(back));
    }

    [Fact]
    public void Overlapping_breaks_and_breaks_outside_the_apprenticeship_are_refused()
    {
        var plan = OffTheJobPlan.Make(Rules, Start2023, Weeks(Start2023, 52), 30)
            .WithBreak(new BreakInLearning(Start2023.AddDays(100), Start2023.AddDays(130), Weeks(Start2023, 56), "Maternity leave"));

        var overlap = Assert.Throws<DomainRuleException>(() => plan.WithBreak(new BreakInLearning(Start2023.AddDays(120), Start2023.AddDays(140), Weeks(Start2023, 60), "Sick")));
        var before = Assert.Throws<DomainRuleException>(() => plan.WithBreak(new BreakInLearning(Start2023.AddDays(-3), Start2023.AddDays(2), Weeks(Start2023, 56), "Sick")));
        var after = Assert.Throws<DomainRuleException>(() => plan.WithBreak(new BreakInLearning(Weeks(Start2023, 56).AddDays(1), null, null, "Sick")));
        var backwards = Assert.Throws<DomainRuleException>(() => plan.WithBreak(new BreakInLearning(Start2023.AddDays(200), Start2023.AddDays(200), null, " ")));

        Assert.Equal(("From", "This break overlaps the break from 12 April 2023 to 11 May 2023; breaks in learning must not overlap."), Assert.Single(overlap.FieldReasons!));
        Assert.Equal("From", Assert.Single(before.FieldReasons!).Field);
        Assert.Equal("From", Assert.Single(after.FieldReasons!).Field);
        Assert.Equal(["Reason", "ReturnedOn", "PlannedEndAfterReturn"], backwards.FieldReasons!.Select(r => r.Field));
    }

    [Fact]
    public void Red_amber_and_green_follow_the_weeks_of_training_behind()
    {
        // 364 hours over 52 weeks is 7 hours a week: amber beyond 2 weeks (14 hours) behind, red beyond 4 (28 hours).
        var plan = OffTheJobPlan.Make(Rules, Start2023, Weeks(Start2023, 52), 30, plannedHours: 364);
        var day = Start2023.AddDays(99);

        Assert.Equal(OffTheJobStatus.Green, plan.ProgressOn(day, 86, Rules.Status).Status);
        var amber = plan.ProgressOn(day, 85, Rules.Status);
        Assert.Equal((100m, 85m, 15m, OffTheJobStatus.Amber), (amber.ExpectedHours, amber.ActualHours, amber.GapHours, amber.Status));
        Assert.Equal(OffTheJobStatus.Amber, plan.ProgressOn(day, 72, Rules.Status).Status);
        Assert.Equal(OffTheJobStatus.Red, plan.ProgressOn(day, 71, Rules.Status).Status);
        Assert.Equal(0m, plan.ProgressOn(day, 150, Rules.Status).GapHours);
    }
}
