using Attest.Core.Assessment;

namespace Attest.Tests.Assessment;

/// <summary>Issue 5 tracking: "predicted completion from each candidate's pace" and the caseload's red, amber and green against the planned end date.</summary>
public class PaceTests
{
    private static readonly DateOnly Registered = new(2026, 1, 1);
    private static readonly DateOnly Today = new(2026, 4, 11); // 100 days on

    private static DateOnly[] Met(int count) => [.. Enumerable.Range(0, count).Select(i => Registered.AddDays(i + 1))];

    [Fact]
    public void Twenty_of_forty_criteria_in_a_hundred_days_forecasts_a_hundred_days_more()
    {
        var forecast = Pace.Forecast(Registered, new DateOnly(2026, 9, 1), Met(20), 40, Today);
        Assert.Equal((new DateOnly(2026, 7, 20), Rag.Green), (forecast.PredictedCompletion!.Value, forecast.Rag!.Value));
        Assert.Equal("20 of 40 criteria met in 100 days; at that pace, complete by 20 July 2026, on time for 1 September 2026.", forecast.Explanation);
    }

    [Theory]
    [InlineData("2026-07-20", Rag.Green)] // forecast day itself
    [InlineData("2026-07-19", Rag.Amber)] // one day late
    [InlineData("2026-06-20", Rag.Amber)] // thirty days late
    [InlineData("2026-06-19", Rag.Red)] // thirty-one
    public void Amber_covers_a_forecast_up_to_thirty_days_past_the_planned_end(string plannedEnd, Rag expected) =>
        Assert.Equal(expected, Pace.Forecast(Registered, DateOnly.Parse(plannedEnd, System.Globalization.CultureInfo.InvariantCulture), Met(20), 40, Today).Rag);

    [Fact]
    public void A_passed_planned_end_is_red_no_progress_is_amber_then_red_and_done_is_green()
    {
        Assert.Equal(Rag.Red, Pace.Forecast(Registered, new DateOnly(2026, 4, 1), Met(39), 40, Today).Rag);
        Assert.Equal(Rag.Amber, Pace.Forecast(Today.AddDays(-45), new DateOnly(2026, 12, 1), [], 40, Today).Rag);
        var stalled = Pace.Forecast(Registered, new DateOnly(2026, 12, 1), [], 40, Today);
        Assert.Equal((Rag.Red, (DateOnly?)null), (stalled.Rag!.Value, stalled.PredictedCompletion));
        Assert.Equal("Registered 100 days ago with no criterion met yet: no pace to forecast from.", stalled.Explanation);
        var done = Pace.Forecast(Registered, new DateOnly(2026, 2, 1), Met(40), 40, Today);
        Assert.Equal((Rag.Green, Registered.AddDays(40)), (done.Rag!.Value, done.PredictedCompletion!.Value));
        Assert.Null(Pace.Forecast(Registered, null, Met(20), 40, Today).Rag);
    }

    /// <summary>Issue 13: a learner was "At risk" on the day they enrolled.</summary>
    [Theory]
    [InlineData(0, Rag.Green)]
    [InlineData(30, Rag.Green)]
    [InlineData(31, Rag.Amber)]
    [InlineData(60, Rag.Amber)]
    [InlineData(61, Rag.Red)]
    public void With_nothing_met_a_learner_is_on_track_for_thirty_days_then_amber_then_red(int daysSinceRegistration, Rag expected)
    {
        var forecast = Pace.Forecast(Today.AddDays(-daysSinceRegistration), new DateOnly(2027, 7, 31), [], 40, Today);
        Assert.Equal(expected, forecast.Rag);
        if (daysSinceRegistration == 0)
        {
            Assert.Equal("Registered today with no criterion met yet: no pace to forecast from. Amber after 30 days without one.", forecast.Explanation);
        }
    }

    /// <summary>Issue 13: a whole qualification was forecast complete three days after enrolment.</summary>
    [Fact]
    public void Pace_is_measured_over_four_weeks_at_least_so_a_quick_start_does_not_forecast_the_end_within_days()
    {
        var registered = Today.AddDays(-2);
        var forecast = Pace.Forecast(registered, new DateOnly(2027, 7, 31), [registered, registered.AddDays(1), Today], 21, Today);
        Assert.Equal(Today.AddDays(168), forecast.PredictedCompletion); // 3 in 28 days: 18 more take 168 days
    }

    [Fact]
    public void A_qualification_with_units_that_cannot_be_assessed_has_no_completion_date()
    {
        var forecast = Pace.Forecast(Registered, new DateOnly(2026, 9, 1), Met(20), 40, Today, unassessableUnits: 4);
        Assert.Null(forecast.PredictedCompletion);
        Assert.Equal(Rag.Green, forecast.Rag);
        Assert.EndsWith("4 units cannot be assessed until their specification is added, so the qualification has no completion date yet.", forecast.Explanation, StringComparison.Ordinal);
        var allAssessableDone = Pace.Forecast(Registered, new DateOnly(2026, 9, 1), Met(40), 40, Today, unassessableUnits: 1);
        Assert.Equal(((DateOnly?)null, (Rag?)null), (allAssessableDone.PredictedCompletion, allAssessableDone.Rag));
    }

    [Fact]
    public void Days_on_a_break_in_learning_are_left_out_of_the_pace()
    {
        // 100 days since registration, 50 of them on a break: 20 criteria in 50 days of learning, so 50 more days.
        var forecast = Pace.Forecast(Registered, new DateOnly(2026, 9, 1), Met(20), 40, Today, daysOnBreak: 50);
        Assert.Equal((new DateOnly(2026, 5, 31), Rag.Green), (forecast.PredictedCompletion!.Value, forecast.Rag!.Value));
        Assert.StartsWith("20 of 40 criteria met in 50 days of learning (not counting 50 on a break)", forecast.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_learner_on_a_break_or_withdrawn_has_no_forecast_and_is_not_called_at_risk()
    {
        var onBreak = Pace.Forecast(Registered, new DateOnly(2026, 2, 1), Met(2), 40, Today, onBreakSince: new DateOnly(2026, 3, 1));
        var withdrawn = Pace.Forecast(Registered, new DateOnly(2026, 2, 1), Met(2), 40, Today, withdrawnOn: new DateOnly(2026, 3, 1));

        Assert.Equal((null, null), (onBreak.PredictedCompletion, onBreak.Rag));
        Assert.Equal("On a break in learning since 1 March 2026: the forecast resumes when they return, with the break left out of their pace.", onBreak.Explanation);
        Assert.Equal((null, null), (withdrawn.PredictedCompletion, withdrawn.Rag));
        Assert.Equal("Withdrew on 1 March 2026 with 2 of 40 criteria met: no forecast.", withdrawn.Explanation);
    }
}
