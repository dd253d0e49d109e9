using Attest.Core.Ledger;

namespace Attest.Core.Portfolios;

public enum EnrolmentAct { Withdrawn, BreakStarted, Resumed, Transferred, SpecificationMoved }

/// <summary>
/// A withdrawal, a transfer to another qualification, the start or end of a break in learning, or a move to a newer version of the specification, as the centre recorded it: the day it took effect, why, who
/// recorded it and when. Append-only and signed by the administrator, since it stops claims and moves the planned end.
/// </summary>
public sealed class EnrolmentStatusChange : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "enrolment-status";

    public const int MaxReasonLength = 1000;

    private EnrolmentStatusChange()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public Guid CandidateId { get; private init; }

    public EnrolmentAct Act { get; private init; }

    public DateOnly EffectiveOn { get; private init; }

    public string Reason { get; private init; } = string.Empty;

    /// <summary>On a return, the planned end the break moved it to; null otherwise or with no planned end.</summary>
    public DateOnly? PlannedEndAfter { get; private init; }

    /// <summary>On a move to another version of the specification, the versions and each change for the learner's units, one per line.</summary>
    public string Changes { get; private init; } = string.Empty;

    public Guid RecordedBy { get; private init; }

    public string RecordedByName { get; private init; } = string.Empty;

    public DateTime RecordedAt { get; private init; }

    public string LedgerKind => Kind;

    public string Describe() => Act switch
    {
        EnrolmentAct.Withdrawn => $"Withdrew on {EffectiveOn:d MMMM yyyy}",
        EnrolmentAct.Transferred => $"Transferred to another qualification on {EffectiveOn:d MMMM yyyy}",
        EnrolmentAct.BreakStarted => $"Break in learning from {EffectiveOn:d MMMM yyyy}",
        EnrolmentAct.SpecificationMoved => $"Moved {Changes.Split('\n')[0]} of the specification on {EffectiveOn:d MMMM yyyy}",
        _ => $"Back from the break on {EffectiveOn:d MMMM yyyy}" + (PlannedEndAfter is DateOnly end ? $"; planned end now {end:d MMMM yyyy}" : string.Empty),
    };

    /// <summary>Made by <see cref="Enrolment.Withdraw"/>, <see cref="Enrolment.TransferTo"/>, <see cref="Enrolment.StartBreak"/>, <see cref="Enrolment.Resume"/> and <see cref="Enrolment.MoveToVersion"/>, which check the rules.</summary>
    internal static EnrolmentStatusChange Record(Enrolment enrolment, EnrolmentAct act, DateOnly on, string reason, DateOnly? plannedEndAfter, Guid by, string byName, DateTime now, string changes = "") => new()
    {
        CentreId = enrolment.CentreId, EnrolmentId = enrolment.Id, CandidateId = enrolment.CandidateId, Act = act, EffectiveOn = on, Reason = reason,
        PlannedEndAfter = plannedEndAfter, Changes = changes, RecordedBy = by, RecordedByName = byName, RecordedAt = now,
    };

    // Version 2 adds the changes of a move between versions; records of other acts sign as they always have.
    public string SignedContent() => Act == EnrolmentAct.SpecificationMoved ? Signed(new SignedText(Kind, 2)).Add("changes", Changes).ToString() : Signed(new SignedText(Kind)).ToString();

    private SignedText Signed(SignedText text) => text
        .Add("enrolment", EnrolmentId)
        .Add("candidate", CandidateId)
        .Add("act", Act)
        .Add("effectiveOn", EffectiveOn)
        .Add("reason", Reason)
        .Add("plannedEndAfter", PlannedEndAfter)
        .Add("recordedBy", RecordedBy)
        .Add("recordedByName", RecordedByName)
        .Add("recordedAt", RecordedAt);
}
