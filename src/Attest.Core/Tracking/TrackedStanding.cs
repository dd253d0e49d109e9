using Attest.Core.Assessment;

namespace Attest.Core.Tracking;

/// <summary>
/// What the engines worked out about an enrolment on one day, kept so that lists can filter on standing and unit status in
/// SQL: the forecast's red, amber or green, and the unit counts the unit-status filters ask about. Nothing here is decided:
/// it is derived, true only while <see cref="Stamp"/> equals the enrolment's <c>ProgressStamp</c> and <see cref="Day"/> is
/// today (the forecast moves with the date), and is worked out again when either differs.
/// </summary>
public sealed class TrackedStanding : Centres.ICentreOwned
{
    private TrackedStanding()
    {
    }

    public Guid EnrolmentId { get; private init; }

    public Guid CentreId { get; private init; }

    /// <summary>The enrolment's progress stamp when the inputs were read.</summary>
    public Guid Stamp { get; private init; }

    /// <summary>The day the forecast was made for.</summary>
    public DateOnly Day { get; private init; }

    /// <summary>Null while the forecast has too little history to make.</summary>
    public Rag? Rag { get; private init; }

    /// <summary>Criteria mapped and not yet decided, and graded work handed in and not yet assessed.</summary>
    public int AwaitingDecision { get; private init; }

    /// <summary>Units with every criterion met and no sign-off yet.</summary>
    public int ReadyForSignOff { get; private init; }

    public int UnitsSignedOff { get; private init; }

    public static TrackedStanding Of(Guid enrolmentId, Guid centreId, Guid stamp, DateOnly day, Rag? rag, int awaitingDecision, int readyForSignOff, int unitsSignedOff) =>
        new()
        {
            EnrolmentId = enrolmentId, CentreId = centreId, Stamp = stamp, Day = day, Rag = rag,
            AwaitingDecision = awaitingDecision, ReadyForSignOff = readyForSignOff, UnitsSignedOff = unitsSignedOff,
        };
}
