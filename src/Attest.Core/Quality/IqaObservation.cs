using Attest.Core.Ledger;

namespace Attest.Core.Quality;

/// <summary>What an IQA concluded from watching an assessor assess.</summary>
public enum ObservationOutcome { Satisfactory, DevelopmentNeeded }

/// <summary>
/// An IQA's observation of an assessor at work (issue 5: "IQA observations of assessors are recorded too"; seed 004:
/// the internal verifier "checks the quality of assessment"): the activity watched, what went well, what to develop,
/// the outcome and any actions. Append-only and signed by the IQA; the assessor reads their own.
/// </summary>
public sealed class IqaObservation : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "iqa-observation";

    private IqaObservation()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public DateOnly ObservedOn { get; private init; }

    public Guid AssessorId { get; private init; }

    public string AssessorName { get; private init; } = string.Empty;

    /// <summary>The assessment activity watched: what, with which candidate, on which units.</summary>
    public string Activity { get; private init; } = string.Empty;

    public string Strengths { get; private init; } = string.Empty;

    public string? Development { get; private init; }

    public ObservationOutcome Outcome { get; private init; }

    public string? Actions { get; private init; }

    public Guid IqaId { get; private init; }

    public string IqaName { get; private init; } = string.Empty;

    public DateTime RecordedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <param name="assessor">The assessor observed, when they are an assessor of the centre; null otherwise.</param>
    public static IqaObservation Record(
        Guid centreId, DateOnly? observedOn, (Guid Id, string Name)? assessor, string? activity, string? strengths, string? development, ObservationOutcome? outcome, string? actions,
        Guid iqaId, string iqaName, DateTime now)
    {
        var reasons = new List<(string Field, string Message)>();
        if (observedOn is null)
        {
            reasons.Add(("ObservedOn", "Enter the date of the observation"));
        }
        else if (observedOn > DateOnly.FromDateTime(now))
        {
            reasons.Add(("ObservedOn", "Record an observation once it has taken place: the date is in the future"));
        }

        if (assessor is null)
        {
            reasons.Add(("AssessorId", "Choose the assessor you observed"));
        }
        else if (assessor.Value.Id == iqaId)
        {
            reasons.Add(("AssessorId", "An assessor can never be IQA of their own assessments: choose another assessor"));
        }

        if (string.IsNullOrWhiteSpace(activity))
        {
            reasons.Add(("Activity", "Say what you observed: the assessment activity, the candidate and the units"));
        }

        if (string.IsNullOrWhiteSpace(strengths))
        {
            reasons.Add(("Strengths", "Say what the assessor did well"));
        }

        if (outcome is null)
        {
            reasons.Add(("Outcome", "Choose the outcome of the observation"));
        }
        else if (outcome == ObservationOutcome.DevelopmentNeeded && (string.IsNullOrWhiteSpace(development) || string.IsNullOrWhiteSpace(actions)))
        {
            reasons.Add(("Actions", "Development needed: say what the assessor should develop and the actions they must take"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        return new IqaObservation
        {
            CentreId = centreId, ObservedOn = observedOn!.Value, AssessorId = assessor!.Value.Id, AssessorName = assessor.Value.Name, Activity = activity!.Trim(), Strengths = strengths!.Trim(),
            Development = string.IsNullOrWhiteSpace(development) ? null : development.Trim(), Outcome = outcome!.Value, Actions = string.IsNullOrWhiteSpace(actions) ? null : actions.Trim(),
            IqaId = iqaId, IqaName = iqaName, RecordedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("observedOn", ObservedOn)
        .Add("assessor", AssessorId)
        .Add("assessorName", AssessorName)
        .Add("activity", Activity)
        .Add("strengths", Strengths)
        .Add("development", Development)
        .Add("outcome", Outcome)
        .Add("actions", Actions)
        .Add("iqa", IqaId)
        .Add("iqaName", IqaName)
        .Add("recordedAt", RecordedAt)
        .ToString();
}
