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
        Assert.Equal(Rag.Amber, Pace.Forecast(Today.AddDays(-10), new DateOnly(2026, 12, 1), [], 40, Today).Rag);
        var stalled = Pace.Forecast(Registered, new DateOnly(2026, 12, 1), [], 40, Today);
        Assert.Equal((Rag.Red, (DateOnly?)null), (stalled.Rag!.Value, stalled.PredictedCompletion));
        Assert.Equal("No criterion met in the 100 days since registration: no pace to forecast from.", stalled.Explanation);
        var done = Pace.Forecast(Registered, new DateOnly(2026, 2, 1), Met(40), 40, Today);
        Assert.Equal((Rag.Green, Registered.AddDays(40)), (done.Rag!.Value, done.PredictedCompletion!.Value));
        Assert.Null(Pace.Forecast(Registered, null, Met(20), 40, Today).Rag);
    }
}
