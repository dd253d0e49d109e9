using System.Text.Json;
using Attest.Core.Assessment;

namespace Attest.Core.Tracking;

/// <summary>
/// What the engines worked out about an enrolment on one day: the centre's tracking row (<see cref="EnrolmentTrack"/>)
/// without the names, kept so that lists filter on standing and unit status in SQL and the dashboard and its exports read
/// rows instead of evaluating every portfolio. Nothing here is decided: it is derived, true only while <see cref="Stamp"/>
/// equals the enrolment's <c>ProgressStamp</c>, <see cref="Day"/> is today (the forecast moves with the date) and
/// <see cref="Engines"/> names the build that reads it, and is worked out again when any differs; `attest standings
/// rebuild` forgets every one, so each is worked out afresh from the signed records.
/// </summary>
public sealed class TrackedStanding : Centres.ICentreOwned
{
    public const int MaxExplanationLength = 500;

    private TrackedStanding()
    {
    }

    public Guid EnrolmentId { get; private init; }

    public Guid CentreId { get; private init; }

    /// <summary>The enrolment's progress stamp when the inputs were read.</summary>
    public Guid Stamp { get; private init; }

    /// <summary>The day the forecast was made for.</summary>
    public DateOnly Day { get; private init; }

    /// <summary>Which build of the engines worked it out: a new release works every standing out again rather than trust an old rule's answer.</summary>
    public string Engines { get; private init; } = string.Empty;

    /// <summary>Null while the forecast has too little history to make.</summary>
    public Rag? Rag { get; private init; }

    public DateOnly? PredictedCompletion { get; private init; }

    public string Explanation { get; private init; } = string.Empty;

    /// <summary>Criteria mapped and not yet decided, and graded work handed in and not yet assessed.</summary>
    public int AwaitingDecision { get; private init; }

    /// <summary>Units with every criterion met and no sign-off yet.</summary>
    public int ReadyForSignOff { get; private init; }

    public int UnitsEnrolled { get; private init; }

    public int UnitsSignedOff { get; private init; }

    public int UnitsClaimed { get; private init; }

    public bool QualificationClaimed { get; private init; }

    public int CriteriaMet { get; private init; }

    public int CriteriaTotal { get; private init; }

    public DateOnly? NextReview { get; private init; }

    public int UnitsIqaReviewed { get; private init; }

    public int SignedOffUnitsWithSummativeReview { get; private init; }

    /// <summary>The open actions (what, since, due), as JSON: read only with the row, never queried inside.</summary>
    public string Actions { get; private init; } = "[]";

    /// <summary>The earliest due date of the open actions, so the overdue ones are found in SQL.</summary>
    public DateOnly? FirstActionDue { get; private init; }

    /// <summary>Each enrolled unit with what it has reached (<see cref="KeptUnit"/>), as JSON: what a list shows under the learner.</summary>
    public string Units { get; private init; } = "[]";

    /// <summary>The criteria whose mapped evidence awaits a decision (<see cref="KeptAwaiting"/>), as JSON: what a caseload lists for the assessor.</summary>
    public string Awaiting { get; private init; } = "[]";

    private sealed record KeptAction(string What, DateOnly Since, DateOnly DueOn);

    public static TrackedStanding Of(
        EnrolmentTrack track, Guid centreId, Guid stamp, DateOnly day, string engines, int readyForSignOff, IEnumerable<KeptUnit> units, IEnumerable<KeptAwaiting> awaiting)
    {
        ArgumentNullException.ThrowIfNull(track);
        return new()
        {
            EnrolmentId = track.EnrolmentId, CentreId = centreId, Stamp = stamp, Day = day, Engines = engines,
            Rag = track.Forecast.Rag, PredictedCompletion = track.Forecast.PredictedCompletion,
            Explanation = track.Forecast.Explanation.Length > MaxExplanationLength ? track.Forecast.Explanation[..MaxExplanationLength] : track.Forecast.Explanation,
            AwaitingDecision = track.AwaitingDecision, ReadyForSignOff = readyForSignOff, UnitsEnrolled = track.UnitsEnrolled, UnitsSignedOff = track.UnitsSignedOff,
            UnitsClaimed = track.UnitsClaimed, QualificationClaimed = track.QualificationClaimed, CriteriaMet = track.CriteriaMet, CriteriaTotal = track.CriteriaTotal,
            NextReview = track.NextReview, UnitsIqaReviewed = track.UnitsIqaReviewed, SignedOffUnitsWithSummativeReview = track.SignedOffUnitsWithSummativeReview,
            Actions = JsonSerializer.Serialize(track.Actions.Select(a => new KeptAction(a.What, a.Since, a.DueOn))),
            FirstActionDue = track.Actions.Count == 0 ? null : track.Actions.Min(a => a.DueOn),
            Units = JsonSerializer.Serialize(units), Awaiting = JsonSerializer.Serialize(awaiting),
        };
    }

    public IReadOnlyList<KeptUnit> UnitLines() => JsonSerializer.Deserialize<List<KeptUnit>>(Units) ?? [];

    public IReadOnlyList<KeptAwaiting> AwaitingLines() => JsonSerializer.Deserialize<List<KeptAwaiting>>(Awaiting) ?? [];

    /// <summary>The tracking row again, with the names and dates the enrolment and its people hold now.</summary>
    public EnrolmentTrack ToTrack(
        string candidateName, string? candidateNumber, string uln, string qualificationCode, string qualificationTitle, Guid? assessorId, string assessorName,
        DateOnly registeredOn, DateOnly? plannedEnd) =>
        new(EnrolmentId, candidateName, candidateNumber, uln, qualificationCode, qualificationTitle, assessorId, assessorName, registeredOn, plannedEnd,
            UnitsEnrolled, UnitsSignedOff, UnitsClaimed, QualificationClaimed, CriteriaMet, CriteriaTotal, AwaitingDecision, NextReview,
            new PaceForecast(CriteriaMet, CriteriaTotal, PredictedCompletion, Rag, Explanation), UnitsIqaReviewed, SignedOffUnitsWithSummativeReview,
            [.. (JsonSerializer.Deserialize<List<KeptAction>>(Actions) ?? []).Select(a => new OpenAction(EnrolmentId, candidateName, a.What, a.Since, a.DueOn))]);
}

/// <summary>An enrolled unit as a list shows it: its code, title, and what it has reached in words ("3 of 8 criteria met · signed off ...").</summary>
public sealed record KeptUnit(string Code, string Title, string Summary);

/// <summary>A criterion whose mapped evidence awaits the assessor's decision, and since when.</summary>
public sealed record KeptAwaiting(string UnitCode, string CriterionRef, DateTime? Since);
