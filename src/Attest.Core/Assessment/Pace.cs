namespace Attest.Core.Assessment;

/// <summary>Red, amber, green against the planned end date (issue 5: "assessor caseload (RAG against planned end date)").</summary>
public enum Rag { Green, Amber, Red }

/// <summary>A forecast of when an enrolment completes, at the candidate's pace so far, with why.</summary>
public sealed record PaceForecast(int Met, int Total, DateOnly? PredictedCompletion, Rag? Rag, string Explanation);

/// <summary>
/// Predicts completion from each candidate's own pace: criteria met per day since registration, carried forward over the
/// criteria left. Pace is measured over at least <see cref="MinPaceDays"/>, so a few criteria met in the first days do not
/// forecast the whole qualification within the week; with nothing met, a learner is given <see cref="AmberDays"/> before
/// turning amber (never "at risk" on the day they enrol), and twice that before red. Amber when the forecast is up to
/// <see cref="AmberDays"/> past the planned end, red beyond that or when the planned end has passed. A qualification with
/// units that cannot be assessed yet has no completion date to forecast. Breaks in learning are left out of the pace (the
/// planned end moves on by each break when the learner returns); a learner on a break or withdrawn has no forecast.
/// </summary>
public static class Pace
{
    public const int AmberDays = 30;

    public const int MinPaceDays = 28;

    /// <param name="metOn">For each criterion met now, the day its decision was made.</param>
    /// <param name="unassessableUnits">Enrolled units that cannot be assessed yet (no criteria in the catalogue).</param>
    /// <param name="daysOnBreak">Days spent on breaks in learning that have ended: left out of the pace.</param>
    /// <param name="onBreakSince">The first day of a break in progress: no forecast until the learner returns.</param>
    /// <param name="withdrawnOn">The day the learner withdrew: no forecast.</param>
    public static PaceForecast Forecast(
        DateOnly registeredOn, DateOnly? plannedEnd, IReadOnlyCollection<DateOnly> metOn, int total, DateOnly today, int unassessableUnits = 0,
        int daysOnBreak = 0, DateOnly? onBreakSince = null, DateOnly? withdrawnOn = null)
    {
        ArgumentNullException.ThrowIfNull(metOn);
        var met = metOn.Count;
        if (withdrawnOn is DateOnly left)
        {
            return new PaceForecast(met, total, null, null, $"Withdrew on {left:d MMMM yyyy} with {met} of {total} criteria met: no forecast.");
        }

        if (onBreakSince is DateOnly breakStart)
        {
            return new PaceForecast(met, total, null, null, $"On a break in learning since {breakStart:d MMMM yyyy}: the forecast resumes when they return, with the break left out of their pace.");
        }

        var blocked = unassessableUnits == 0 ? string.Empty
            : $" {unassessableUnits} unit{(unassessableUnits == 1 ? "" : "s")} cannot be assessed until {(unassessableUnits == 1 ? "its" : "their")} specification is added, so the qualification has no completion date yet.";
        if (total == 0)
        {
            return new PaceForecast(0, 0, null, null, "No assessable criteria yet: nothing to forecast." + blocked);
        }

        if (met >= total)
        {
            return unassessableUnits == 0
                ? new PaceForecast(met, total, metOn.Max(), Assessment.Rag.Green, "Every criterion is met.")
                : new PaceForecast(met, total, null, null, "Every assessable criterion is met." + blocked);
        }

        if (plannedEnd is DateOnly end && today > end)
        {
            return new PaceForecast(met, total, unassessableUnits == 0 ? Predict(registeredOn, daysOnBreak, met, total, today) : null, Assessment.Rag.Red,
                $"The planned end, {end:d MMMM yyyy}, has passed with {total - met} criteria still to meet." + blocked);
        }

        var waited = today.DayNumber - registeredOn.DayNumber - daysOnBreak;
        if (met == 0)
        {
            Rag? rag = plannedEnd is null ? null : waited > 2 * AmberDays ? Assessment.Rag.Red : waited > AmberDays ? Assessment.Rag.Amber : Assessment.Rag.Green;
            var since = waited <= 0 ? "Registered today" : $"Registered {waited} day{(waited == 1 ? "" : "s")} ago";
            return new PaceForecast(0, total, null, rag, $"{since} with no criterion met yet: no pace to forecast from.{(rag == Assessment.Rag.Green ? $" Amber after {AmberDays} days without one." : string.Empty)}" + blocked);
        }

        var predicted = Predict(registeredOn, daysOnBreak, met, total, today)!.Value;
        var days = Math.Max(1, waited);
        var pace = $"{met} of {total} criteria met in {days} day{(days == 1 ? "" : "s")}{(daysOnBreak > 0 ? $" of learning (not counting {daysOnBreak} on a break)" : string.Empty)}; at that pace, complete by {predicted:d MMMM yyyy}";
        if (plannedEnd is not DateOnly planned)
        {
            return new PaceForecast(met, total, unassessableUnits == 0 ? predicted : null, null, pace + " (no planned end date set)." + blocked);
        }

        var late = predicted.DayNumber - planned.DayNumber;
        var rated = late <= 0
            ? new PaceForecast(met, total, predicted, Assessment.Rag.Green, pace + $", on time for {planned:d MMMM yyyy}.")
            : new PaceForecast(met, total, predicted, late <= AmberDays ? Assessment.Rag.Amber : Assessment.Rag.Red, pace + $", {late} days after the planned end ({planned:d MMMM yyyy}).");
        return unassessableUnits == 0 ? rated : rated with { PredictedCompletion = null, Explanation = rated.Explanation.Replace("complete by", "the assessable criteria complete by", StringComparison.Ordinal) + blocked };
    }

    private static DateOnly? Predict(DateOnly registeredOn, int daysOnBreak, int met, int total, DateOnly today)
    {
        if (met == 0)
        {
            return null;
        }

        var perDay = met / (double)Math.Max(MinPaceDays, today.DayNumber - registeredOn.DayNumber - daysOnBreak);
        return today.AddDays((int)Math.Ceiling((total - met) / perDay));
    }
}
