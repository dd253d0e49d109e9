using System.Globalization;
using Attest.Core.Assessment;

namespace Attest.Core.Tracking;

/// <summary>Something someone at the centre has to do, with when it fell due.</summary>
/// <param name="DueOn">The day it fell or falls due; overdue from the day after.</param>
public sealed record OpenAction(Guid EnrolmentId, string CandidateName, string What, DateOnly Since, DateOnly DueOn)
{
    public bool IsOverdue(DateOnly today) => today > DueOn;
}

/// <summary>One enrolment as the centre tracks it: progress, achievement, quality assurance and what is open.</summary>
public sealed record EnrolmentTrack(
    Guid EnrolmentId,
    string CandidateName,
    string? CandidateNumber,
    string Uln,
    string QualificationCode,
    string QualificationTitle,
    Guid? AssessorId,
    string AssessorName,
    DateOnly RegisteredOn,
    DateOnly? PlannedEnd,
    int UnitsEnrolled,
    int UnitsSignedOff,
    int UnitsClaimed,
    bool QualificationClaimed,
    int CriteriaMet,
    int CriteriaTotal,
    int AwaitingDecision,
    DateOnly? NextReview,
    PaceForecast Forecast,
    int UnitsIqaReviewed,
    int SignedOffUnitsWithSummativeReview,
    IReadOnlyList<OpenAction> Actions)
{
    /// <summary>Criteria met as a whole percentage, rounded down so 99.6% never reads as done.</summary>
    public int PercentMet => CriteriaTotal == 0 ? 0 : CriteriaMet * 100 / CriteriaTotal;
}

public sealed record QualificationSummary(string Code, string Title, int Candidates, int CriteriaMet, int CriteriaTotal, int UnitsEnrolled, int UnitsSignedOff, int UnitsClaimed, int QualificationsClaimed)
{
    public int PercentMet => CriteriaTotal == 0 ? 0 : CriteriaMet * 100 / CriteriaTotal;
}

/// <summary>How much of one assessor's work IQA has looked at.</summary>
public sealed record AssessorCoverage(string AssessorName, int Candidates, int CandidatesReviewed, int UnitsSignedOff, int SignedOffUnitsReviewed)
{
    /// <summary>Share of signed-off units with a summative review; null when nothing is signed off yet.</summary>
    public int? PercentSummative => UnitsSignedOff == 0 ? null : SignedOffUnitsReviewed * 100 / UnitsSignedOff;

    public int PercentCandidates => Candidates == 0 ? 0 : CandidatesReviewed * 100 / Candidates;
}

/// <param name="NotForecast">No planned end date, or nothing assessable yet: no red, amber or green.</param>
public sealed record StandingCounts(int OnTrack, int AtRisk, int Behind, int NotForecast);

/// <summary>
/// Enrolments alike in everything the dashboard groups by, counted and summed: the database sums the kept tracking rows
/// into a few of these per qualification and assessor, whatever the centre's size.
/// </summary>
/// <param name="IqaReviewed">Any unit of theirs has had an IQA review.</param>
public sealed record TrackGroup(
    string QualificationCode, string QualificationTitle, Guid? AssessorId, string AssessorName, Rag? Rag, bool IqaReviewed, bool QualificationClaimed,
    int Enrolments, int CriteriaMet, int CriteriaTotal, int UnitsEnrolled, int UnitsSignedOff, int UnitsClaimed, int SignedOffUnitsWithSummativeReview);

/// <summary>The centre dashboard of issue 5: "progress, achievement, IQA coverage, overdue actions".</summary>
/// <param name="Overdue">The overdue actions listed, oldest first: those of the <paramref name="CandidatesOverdue"/> candidates whose are longest overdue, or of all of them.</param>
/// <param name="CandidatesOverdue">How many candidates have an overdue action.</param>
public sealed record CentreSummary(
    int Candidates,
    StandingCounts Standing,
    IReadOnlyList<QualificationSummary> Qualifications,
    IReadOnlyList<AssessorCoverage> Coverage,
    IReadOnlyList<OpenAction> Overdue,
    int CandidatesOverdue)
{
    /// <summary>
    /// IQA actions carry no date of their own: the centre expects them done within this many days of the review that set
    /// them (a review every four weeks is the usual IQA rhythm), after which the dashboard lists them as overdue.
    /// </summary>
    public const int IqaActionDays = 28;

    public const string Unassigned = "Not assigned";

    /// <param name="actions">Open actions of the candidates to list (those whose oldest action is the oldest overdue); the overdue ones are kept.</param>
    public static CentreSummary Of(IReadOnlyCollection<TrackGroup> groups, IEnumerable<OpenAction> actions, int candidatesOverdue, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(actions);
        int Counted(Rag? rag) => groups.Where(g => g.Rag == rag).Sum(g => g.Enrolments);
        var standing = new StandingCounts(Counted(Rag.Green), Counted(Rag.Amber), Counted(Rag.Red), Counted(null));
        var qualifications = groups.GroupBy(g => (g.QualificationCode, g.QualificationTitle))
            .OrderBy(q => q.Key.QualificationCode, StringComparer.Ordinal)
            .Select(q => new QualificationSummary(q.Key.QualificationCode, q.Key.QualificationTitle, q.Sum(g => g.Enrolments), q.Sum(g => g.CriteriaMet), q.Sum(g => g.CriteriaTotal),
                q.Sum(g => g.UnitsEnrolled), q.Sum(g => g.UnitsSignedOff), q.Sum(g => g.UnitsClaimed), q.Where(g => g.QualificationClaimed).Sum(g => g.Enrolments)))
            .ToList();
        // By assessor, not by name: two assessors may share one.
        var coverage = groups.GroupBy(g => (g.AssessorId, g.AssessorName))
            .OrderBy(a => a.Key.AssessorId is null).ThenBy(a => a.Key.AssessorName, StringComparer.CurrentCulture)
            .Select(a => new AssessorCoverage(a.Key.AssessorName, a.Sum(g => g.Enrolments), a.Where(g => g.IqaReviewed).Sum(g => g.Enrolments), a.Sum(g => g.UnitsSignedOff), a.Sum(g => g.SignedOffUnitsWithSummativeReview)))
            .ToList();
        var overdue = actions.Where(a => a.IsOverdue(today))
            .OrderBy(a => a.DueOn).ThenBy(a => a.CandidateName, StringComparer.CurrentCulture)
            .ToList();
        return new CentreSummary(groups.Sum(g => g.Enrolments), standing, qualifications, coverage, overdue, candidatesOverdue);
    }
}

/// <summary>The tracking export: one row per enrolment, the same columns in CSV and XLSX.</summary>
public static class TrackingTable
{
    /// <summary>A column and how to read its value from a row: text, a whole number or a date.</summary>
    public sealed record Column(string Header, Func<EnrolmentTrack, object?> Value);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("Candidate number", t => t.CandidateNumber),
        new("ULN", t => t.Uln),
        new("Candidate name", t => t.CandidateName),
        new("Qualification code", t => t.QualificationCode),
        new("Qualification title", t => t.QualificationTitle),
        new("Assessor", t => t.AssessorName),
        new("Registered on", t => t.RegisteredOn),
        new("Planned end", t => t.PlannedEnd),
        new("Units enrolled", t => t.UnitsEnrolled),
        new("Units signed off", t => t.UnitsSignedOff),
        new("Units claimed", t => t.UnitsClaimed),
        new("Qualification claimed", t => t.QualificationClaimed ? "Yes" : "No"),
        new("Criteria met", t => t.CriteriaMet),
        new("Criteria total", t => t.CriteriaTotal),
        new("Percent met", t => t.PercentMet),
        new("Awaiting decision", t => t.AwaitingDecision),
        new("Next review", t => t.NextReview),
        new("Predicted completion", t => t.Forecast.PredictedCompletion),
        new("Standing", t => StandingOf(t.Forecast)),
        new("Forecast", t => t.Forecast.Explanation),
        new("Units IQA reviewed", t => t.UnitsIqaReviewed),
        new("Open actions", t => t.Actions.Count),
    ];

    public static string StandingOf(PaceForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return forecast.Rag switch
        {
            Rag.Green => "On track",
            Rag.Amber => "At risk",
            Rag.Red => "Behind",
            _ => forecast.Total == 0 ? "Nothing to assess yet" : "No planned end",
        };
    }

    /// <summary>A cell as text: ISO dates (unambiguous, and they sort), invariant numbers, empty for nothing.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
