using Attest.Core.Ledger;
using Attest.Core.Qualifications;

namespace Attest.Core.Assessment;

public enum DecisionOutcome { NotYetMet, Met }

/// <summary>
/// An assessor's decision on one criterion of one unit for one enrolment, with its justification and
/// the feedback given (seed 004: "record an assessment decision and the justification for the
/// decision... give you feedback"). Append-only: a later decision supersedes, never overwrites.
/// </summary>
public sealed class CriterionDecision : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "criterion-decision";

    private CriterionDecision()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public string UnitCode { get; private init; } = string.Empty;

    public string CriterionRef { get; private init; } = string.Empty;

    public DecisionOutcome Outcome { get; private init; }

    public string Justification { get; private init; } = string.Empty;

    public string Feedback { get; private init; } = string.Empty;

    /// <summary>
    /// The words of <see cref="Feedback"/> (<see cref="FeedbackQuality.WordCount"/>), counted when it is recorded so that
    /// standardisation compares feedback length without reading every text. Derived from the feedback, so not signed.
    /// </summary>
    public int FeedbackWords { get; private init; }

    /// <summary>Evidence items accepted for the criterion that the decision rests on.</summary>
    public string EvidenceReferences { get; private init; } = string.Empty;

    public Guid AssessorId { get; private init; }

    public string AssessorName { get; private init; } = string.Empty;

    public DateTime DecidedAt { get; private init; }

    /// <summary>Warnings on the feedback that the assessor read and recorded it despite (see <see cref="FeedbackQuality"/>).</summary>
    public string? FeedbackWarnings { get; private init; }

    /// <summary>1 for the first decision on the criterion, then 2, 3, ...: unique, so of two decisions made from the same revision only one is kept.</summary>
    public int Revision { get; private init; }

    public string LedgerKind => Kind;

    /// <param name="metWouldNotCount">Why a "met" on this criterion would not count with the evidence accepted for it (<see cref="Sufficiency.WhyMetWouldNotCount"/>), or null.</param>
    public static CriterionDecision Record(
        Portfolios.Enrolment enrolment, UnitSpec unit, string criterionRef, DecisionOutcome outcome,
        string? justification, string? feedback, IReadOnlyCollection<string> evidenceReferences,
        Guid assessorId, string assessorName, Guid candidateUserId, int basedOnRevision, IReadOnlyCollection<UnitSignOff> signOffs, DateTime now,
        IReadOnlyList<string>? feedbackWarningsAccepted = null, string? metWouldNotCount = null)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        UnitSignOff.EnsureOpen(signOffs, unit);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(evidenceReferences);
        var criterion = unit.FindCriterion(criterionRef)
            ?? throw new DomainRuleException($"Criterion {criterionRef} is not part of unit {unit.DisplayName}.", "CriterionRef");
        // Each reason names the field it belongs to ("" for the form as a whole), so a form of many decisions shows it beside its criterion.
        var reasons = new List<(string Field, string Message)>();
        if (!enrolment.HasUnit(unit.Code))
        {
            reasons.Add((string.Empty, $"The candidate is not enrolled on unit {unit.DisplayName}."));
        }

        if (enrolment.AssessorId != assessorId)
        {
            reasons.Add((string.Empty, "Only the candidate's assigned assessor can record decisions."));
        }

        if (assessorId == candidateUserId)
        {
            reasons.Add((string.Empty, "An assessor cannot assess their own work."));
        }

        if (string.IsNullOrWhiteSpace(justification))
        {
            reasons.Add(("Justification", "Justification is required: record why the evidence does or does not meet the criterion."));
        }

        if (string.IsNullOrWhiteSpace(feedback))
        {
            reasons.Add(("Feedback", "Feedback to the candidate is required."));
        }

        if (outcome == DecisionOutcome.Met && evidenceReferences.Count == 0)
        {
            reasons.Add(("Outcome", $"A criterion can be met only on accepted evidence: no evidence is accepted for {criterion.Ref} yet. Judge the evidence mapped to it under \"Evidence for this unit\" first."));
        }

        else if (outcome == DecisionOutcome.Met && metWouldNotCount is not null)
        {
            // Told at the decision, not first at sign-off: a "met" that sign-off would not accept is never recorded.
            reasons.Add(("Outcome", $"{criterion.Ref} cannot be decided met on the evidence accepted for it: {metWouldNotCount}"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        return new CriterionDecision
        {
            CentreId = enrolment.CentreId,
            EnrolmentId = enrolment.Id,
            UnitCode = unit.Code,
            CriterionRef = criterion.Ref,
            Outcome = outcome,
            Justification = justification!.Trim(),
            Feedback = feedback!.Trim(),
            FeedbackWords = FeedbackQuality.WordCount(feedback),
            EvidenceReferences = string.Join(",", evidenceReferences.Order(StringComparer.Ordinal)),
            AssessorId = assessorId,
            AssessorName = assessorName,
            DecidedAt = now,
            Revision = basedOnRevision + 1,
            FeedbackWarnings = feedbackWarningsAccepted is { Count: > 0 } ? string.Join("\n", feedbackWarningsAccepted) : null,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("enrolment", EnrolmentId)
        .Add("unit", UnitCode)
        .Add("criterion", CriterionRef)
        .Add("revision", Revision)
        .Add("outcome", Outcome)
        .Add("justification", Justification)
        .Add("feedback", Feedback)
        .Add("feedbackWarnings", FeedbackWarnings)
        .Add("evidence", EvidenceReferences)
        .Add("assessor", AssessorId)
        .Add("assessorName", AssessorName)
        .Add("decidedAt", DecidedAt)
        .ToString();

    /// <summary>The latest decision per criterion, as the progress engine reads it.</summary>
    public static IReadOnlyDictionary<string, CriterionStatus> Latest(IEnumerable<CriterionDecision> decisions) =>
        decisions
            .GroupBy(d => d.CriterionRef, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => g.MaxBy(d => (d.Revision, d.DecidedAt, d.Id))!.Outcome == DecisionOutcome.Met ? CriterionStatus.Met : CriterionStatus.NotYetMet,
                StringComparer.OrdinalIgnoreCase);

    /// <summary>The latest decision on each (unit, criterion), keyed in upper case.</summary>
    public static IReadOnlyDictionary<(string Unit, string Criterion), CriterionDecision> LatestDecisions(IEnumerable<CriterionDecision> decisions) =>
        decisions
            .GroupBy(d => (d.UnitCode.ToUpperInvariant(), d.CriterionRef.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => g.MaxBy(d => (d.Revision, d.DecidedAt, d.Id))!);
}
