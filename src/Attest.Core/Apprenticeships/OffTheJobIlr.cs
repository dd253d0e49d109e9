namespace Attest.Core.Apprenticeships;

/// <summary>One enrolment's off-the-job totals for a funding audit, with the ILR's field names where the ILR has them.</summary>
public sealed record OffTheJobIlrLine(
    string LearnRefNumber,
    string Uln,
    string Apprenticeship,
    DateOnly LearnStartDate,
    DateOnly LearnPlanEndDate,
    int PHours,
    int OTJActHours,
    decimal GapHoursToDate);

/// <summary>
/// The off-the-job totals a funding audit asks for, named as the ILR names them: planned hours (PHours) and actual
/// hours (OTJActHours), in whole hours. Planned rounds up, so PHours is never below the minimum; actual rounds down, so
/// OTJActHours never claims more than the verified log shows. The gap to the hours expected to date is no ILR field: it is
/// the log's own figure, to the hundredth of an hour, so the file shows who is behind as the log does.
/// </summary>
public static class OffTheJobIlr
{
    /// <summary>A column and how to read its value from a line: text, a whole number or a date (as <see cref="Spreadsheets.Xlsx"/> takes them).</summary>
    public sealed record Column(string Header, Func<OffTheJobIlrLine, object?> Value);

    /// <summary>The columns of both exports, one enrolment's and the centre's; CSV cells through <see cref="Tracking.TrackingTable.Text"/>.</summary>
    public static readonly IReadOnlyList<Column> Columns =
    [
        new("LearnRefNumber", l => l.LearnRefNumber),
        new("ULN", l => l.Uln),
        new("Apprenticeship", l => l.Apprenticeship),
        new("LearnStartDate", l => l.LearnStartDate),
        new("LearnPlanEndDate", l => l.LearnPlanEndDate),
        new("PHours", l => l.PHours),
        new("OTJActHours", l => l.OTJActHours),
        new("GapHoursToDate", l => l.GapHoursToDate),
    ];

    /// <summary>The line for one enrolment: its plan (planned end as re-planned after breaks), its verified hours and the gap, as <paramref name="progress"/> stands.</summary>
    public static OffTheJobIlrLine Line(string learnRefNumber, string uln, string apprenticeship, OffTheJobPlan plan, OffTheJobProgress progress)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        return new OffTheJobIlrLine(
            learnRefNumber,
            uln,
            apprenticeship,
            plan.Start,
            plan.CurrentPlannedEnd,
            (int)Math.Ceiling(plan.PlannedHours),
            (int)Math.Floor(progress.ActualHours),
            Math.Round(progress.GapHours, 2, MidpointRounding.AwayFromZero));
    }
}
