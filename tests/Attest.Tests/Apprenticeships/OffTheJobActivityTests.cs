using Attest.Core;
using Attest.Core.Apprenticeships;

namespace Attest.Tests.Apprenticeships;

/// <summary>Issue 17, item 2 and "Bad input": what an activity must keep to, each refusal named on its field.</summary>
public class OffTheJobActivityTests
{
    private static readonly OffTheJobRules Rules = ShippedRules.Rules;

    private static readonly DateOnly Start = new(2024, 9, 2);

    private static readonly DateOnly Today = new(2025, 3, 14);

    private static readonly OffTheJobPlan Plan = OffTheJobPlan.Make(Rules, Start, Start.AddDays(364), 37.5m)
        .WithBreak(new BreakInLearning(new DateOnly(2025, 1, 6), new DateOnly(2025, 2, 3), Start.AddDays(392), "Family emergency"));

    private static readonly OffTheJobEntry Morning = new(new DateOnly(2025, 3, 10), TimeSpan.FromHours(3), "teaching", new TimeOnly(9, 0), new TimeOnly(12, 0));

    private static (string Field, string Message) Refusal(OffTheJobEntry entry, params OffTheJobEntry[] others) =>
        Assert.Single(Assert.Throws<DomainRuleException>(() => OffTheJobActivity.Check(Rules, Plan, entry, others, Today)).FieldReasons!);

    [Fact]
    public void A_plain_activity_in_working_time_is_accepted_without_flags()
    {
        Assert.Empty(OffTheJobActivity.Check(Rules, Plan, Morning, [Morning with { Date = Today }], Today));
    }

    [Fact]
    public void An_activity_dated_tomorrow_is_refused_on_the_date()
    {
        Assert.Equal(("Date", "An activity cannot be logged for a day still to come (today is 14 March 2025)."), Refusal(Morning with { Date = Today.AddDays(1) }));
    }

    [Fact]
    public void An_activity_before_the_start_is_refused_on_the_date()
    {
        Assert.Equal("Date", Refusal(Morning with { Date = Start.AddDays(-1) }).Field);
    }

    [Fact]
    public void An_activity_in_a_break_in_learning_is_refused_naming_the_break()
    {
        Assert.Equal(
            ("Date", "20 January 2025 is in the break in learning from 6 January 2025 (Family emergency); no activity is logged during a break."),
            Refusal(Morning with { Date = new DateOnly(2025, 1, 20) }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void A_duration_of_zero_or_less_is_refused(int minutes)
    {
        Assert.Equal(("Duration", "The time spent must be more than 0."), Refusal(Morning with { Duration = TimeSpan.FromMinutes(minutes), Starts = null, Ends = null }));
    }

    [Fact]
    public void A_25_hour_day_is_refused()
    {
        Assert.Equal(("Duration", "This makes 25 hours on 10 March 2025; a day has 24 hours."), Refusal(Morning with { Duration = TimeSpan.FromHours(25), Starts = null, Ends = null }));
    }

    [Fact]
    public void More_than_24_hours_across_a_days_entries_is_refused()
    {
        var earlier = Morning with { Duration = TimeSpan.FromHours(22.5), Starts = null, Ends = null };

        Assert.Equal(("Duration", "This makes 25 hours 30 minutes on 10 March 2025; a day has 24 hours."), Refusal(Morning, earlier));
    }

    [Fact]
    public void Overlapping_times_with_another_entry_of_the_apprentice_are_refused()
    {
        var overlapping = Morning with { Starts = new TimeOnly(11, 0), Ends = new TimeOnly(13, 0), Duration = TimeSpan.FromHours(2) };

        Assert.Equal(("Starts", "This overlaps the activity from 09:00 to 12:00 on 10 March 2025."), Refusal(overlapping, Morning));
        Assert.Empty(OffTheJobActivity.Check(Rules, Plan, overlapping with { Starts = new TimeOnly(12, 0), Ends = new TimeOnly(14, 0) }, [Morning], Today));
    }

    [Fact]
    public void Times_must_come_together_run_forwards_and_match_the_duration()
    {
        Assert.Equal("Ends", Refusal(Morning with { Ends = null }).Field);
        Assert.Equal(("Ends", "The end time must be after the start time."), Refusal(Morning with { Ends = new TimeOnly(8, 0) }));
        Assert.Equal(("Duration", "The time spent must match the start and end times (3 hours)."), Refusal(Morning with { Duration = TimeSpan.FromHours(2) }));
    }

    [Fact]
    public void An_unknown_activity_type_is_refused()
    {
        Assert.Equal(("ActivityType", "Choose one of the listed activity types."), Refusal(Morning with { ActivityType = "coffee" }));
    }

    [Fact]
    public void Every_reason_comes_at_once()
    {
        var error = Assert.Throws<DomainRuleException>(() => OffTheJobActivity.Check(
            Rules, Plan, new OffTheJobEntry(Today.AddDays(2), TimeSpan.Zero, "coffee"), [], Today));

        Assert.Equal(["Date", "ActivityType", "Duration"], error.FieldReasons!.Select(r => r.Field));
    }

    [Fact]
    public void Own_time_and_activities_that_do_not_count_are_flagged_not_refused()
    {
        var flags = OffTheJobActivity.Check(Rules, Plan, Morning with { InOwnTime = true, ActivityType = "english-maths" }, [], Today);

        Assert.Equal(
            [
                "In the apprentice's own time: it counts only if the employer gave the time back (time off in lieu).",
                "English and maths (up to level 2) does not count towards off-the-job hours: English and maths up to level 2 is funded separately and does not count towards off-the-job hours.",
            ],
            flags);
    }

    [Fact]
    public void Only_verified_hours_of_types_that_count_are_actual_hours()
    {
        OffTheJobEntry[] log =
        [
            Morning with { Verified = true },
            Morning with { Verified = true, Duration = TimeSpan.FromMinutes(90), ActivityType = "shadowing" },
            Morning with { Verified = false },
            Morning with { Verified = true, ActivityType = "progress-review" },
        ];

        Assert.Equal(4.5m, OffTheJobHours.Verified(Rules, log));
    }

    [Fact]
    public void The_audit_line_names_planned_and_actual_hours_as_the_ilr_does()
    {
        // On the planned end every planned hour is expected, so the gap is the planned 279.17 less the 101.9 verified.
        var line = OffTheJobIlr.Line("CAND-7", "1234567890", "Customer service practitioner", Plan, Plan.ProgressOn(Plan.CurrentPlannedEnd, 101.9m, Rules.Status));

        Assert.Equal(["LearnRefNumber", "ULN", "Apprenticeship", "LearnStartDate", "LearnPlanEndDate", "PHours", "OTJActHours", "GapHoursToDate"], OffTheJobIlr.Columns.Select(c => c.Header));
        Assert.Equal(Start.AddDays(392), line.LearnPlanEndDate);
        Assert.Equal(279.17m, Plan.MinimumHours);
        Assert.Equal((280, 101, 177.27m), (line.PHours, line.OTJActHours, line.GapHoursToDate));
        Assert.Equal(
            ["CAND-7", "1234567890", "Customer service practitioner", "2024-09-02", "2025-09-29", "280", "101", "177.27"],
            OffTheJobIlr.Columns.Select(c => Attest.Core.Tracking.TrackingTable.Text(c.Value(line))));
    }
}
