namespace Attest.Core.Assessment;

/// <summary>Red, amber, green against the planned end date (issue 5: "assessor caseload (RAG against planned end date)").</summary>
public enum Rag { Green, Amber, Red }

/// <summary>A forecast of when an enrolment completes, at the candidate's pace so far, with why.</summary>
public sealed record PaceForecast(int Met, int Total, DateOnly? PredictedCompletion, Rag? Rag, string Explanation);

/// <summary>
/// Predicts completion from each candidate's own pace: criteria met per day since registration, carried forward over the
/// criteria left. Amber when the forecast is up to <see cref="AmberDays"/> past the planned end, red beyond that or when
/// the planned end has passed.
/// </summary>
public static class Pace
{
    public const int AmberDays = 30;

    /// <param name="metOn">For each criterion met now, the day its decision was made.</param>
    public static PaceForecast Forecast(DateOnly registeredOn, DateOnly? plannedEnd, IReadOnlyCollection<DateOnly> metOn, int total, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(metOn);
        var met = metOn.Count;
        if (total == 0)
        {
            return new PaceForecast(0, 0, null, null, "No assessable criteria yet: nothing to forecast.");
        }

        if (met >= total)
        {
            return new PaceForecast(met, total, metOn.Max(), Assessment.Rag.Green, "Every criterion is met.");
        }

        if (plannedEnd is DateOnly end && today > end)
        {
            return new PaceForecast(met, total, Predict(registeredOn, met, total, today), Assessment.Rag.Red, $"The planned end, {end:d MMMM yyyy}, has passed with {total - met} criteria still to meet.");
        }

        if (met == 0)
        {
            var waited = today.DayNumber - registeredOn.DayNumber;
            return new PaceForecast(0, total, null, plannedEnd is null ? null : waited > AmberDays ? Assessment.Rag.Red : Assessment.Rag.Amber,
                $"No criterion met in the {waited} days since registration: no pace to forecast from.");
        }

        var predicted = Predict(registeredOn, met, total, today)!.Value;
        var days = Math.Max(1, today.DayNumber - registeredOn.DayNumber);
        var pace = $"{met} of {total} criteria met in {days} day{(days == 1 ? "" : "s")}; at that pace, complete by {predicted:d MMMM yyyy}";
        if (plannedEnd is not DateOnly planned)
        {
            return new PaceForecast(met, total, predicted, null, pace + " (no planned end date set).");
        }

        var late = predicted.DayNumber - planned.DayNumber;
        return late <= 0
            ? new PaceForecast(met, total, predicted, Assessment.Rag.Green, pace + $", on time for {planned:d MMMM yyyy}.")
            : new PaceForecast(met, total, predicted, late <= AmberDays ? Assessment.Rag.Amber : Assessment.Rag.Red, pace + $", {late} days after the planned end ({planned:d MMMM yyyy}).");
    }

    private static DateOnly? Predict(DateOnly registeredOn, int met, int total, DateOnly today)
    {
        if (met == 0)
        {
            return null;
        }

        var perDay = met / (double)Math.Max(1, today.DayNumber - registeredOn.DayNumber);
        return today.AddDays((int)Math.Ceiling((total - met) / perDay));
    }
}
