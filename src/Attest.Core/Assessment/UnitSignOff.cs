using System.Text;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Core.Assessment;

public enum UnitOutcome
{
    /// <summary>Signed off: the evidence record sheet (seed 004: "signing an evidence record sheet for that unit").</summary>
    Competent,

    /// <summary>"Not yet competent ... return to the assessment planning cycle" (seed 004), with the actions agreed.</summary>
    NotYetCompetent,

    /// <summary>A correction: the sign-off it names no longer stands, for the reason given.</summary>
    Withdrawn,
}

/// <summary>
/// The assessor's decision on a whole unit. "Competent" is refused unless the sufficiency engine says the unit is
/// complete, and it records exactly what was signed: every criterion with its decision and the evidence it rests on
/// (reference and content hash), and every evidence requirement with what covers it. Append-only and signed; the
/// candidate countersigns the same content. A signed-off unit is locked: a correction is a new entry, Withdrawn,
/// that names the sign-off it withdraws.
/// </summary>
public sealed class UnitSignOff : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "unit-sign-off";

    /// <summary>What the candidate agrees to when countersigning.</summary>
    public const string CandidateStatement = "I confirm that the evidence listed is my own work and that this record of my assessment is accurate.";

    private UnitSignOff()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public string UnitCode { get; private init; } = string.Empty;

    /// <summary>1, 2, 3, ... per unit of an enrolment, unique: a double-click signs once.</summary>
    public int Sequence { get; private init; }

    public UnitOutcome Outcome { get; private init; }

    /// <summary>For graded units: the grade signed.</summary>
    public string? Grade { get; private init; }

    /// <summary>Criteria, evidence and requirements as signed, one line each.</summary>
    public string Record { get; private init; } = string.Empty;

    /// <summary>The actions agreed (not yet competent) or the reason for a withdrawal.</summary>
    public string? Notes { get; private init; }

    /// <summary>The sign-off a withdrawal withdraws.</summary>
    public Guid? WithdrawsId { get; private init; }

    public Guid AssessorId { get; private init; }

    public string AssessorName { get; private init; } = string.Empty;

    public DateTime SignedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>The unit's standing after its sign-off entries: the latest one decides.</summary>
    public static UnitSignOff? Current(IEnumerable<UnitSignOff> entries) => entries.MaxBy(e => e.Sequence);

    /// <summary>Locked while the latest entry is a sign-off that stands.</summary>
    public static bool IsLocked(IEnumerable<UnitSignOff> entries) => Current(entries)?.Outcome == UnitOutcome.Competent;

    /// <summary>Refuses any change to a unit's decisions while its sign-off stands.</summary>
    public static void EnsureOpen(IReadOnlyCollection<UnitSignOff> entries, UnitSpec unit)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(unit);
        if (Current(entries) is { Outcome: UnitOutcome.Competent } signed)
        {
            throw new DomainRuleException($"Unit {unit.Code} was signed off by {signed.AssessorName} on {signed.SignedAt:d MMMM yyyy} and is locked. To change it, withdraw the sign-off with a reason (a correction that names the original).");
        }
    }

    /// <summary>The evidence references the sign-off rests on, from its record.</summary>
    public IReadOnlyList<(string Reference, string HashPrefix)> SignedEvidence() =>
        [.. Record.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("requirement ", StringComparison.Ordinal) && !line.StartsWith("period: ", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ').Where(part => part.Contains('#', StringComparison.Ordinal)))
            .Select(part => (part[..part.IndexOf('#', StringComparison.Ordinal)], part[(part.IndexOf('#', StringComparison.Ordinal) + 1)..]))
            .Distinct()];

    /// <summary>
    /// Signs a competence unit off. Never bypassable: <paramref name="sufficiency"/> must be complete, and what it shows is
    /// what is signed.
    /// </summary>
    public static UnitSignOff SignCompetent(
        Enrolment enrolment, SufficiencyResult sufficiency, IReadOnlyDictionary<string, EvidenceItem> itemsByReference, IReadOnlyCollection<UnitSignOff> previous,
        Guid assessorId, string assessorName, Guid candidateUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(sufficiency);
        ArgumentNullException.ThrowIfNull(itemsByReference);
        ArgumentNullException.ThrowIfNull(previous);
        var reasons = Common(enrolment, sufficiency.Unit, previous, assessorId, candidateUserId);
        if (!sufficiency.IsComplete)
        {
            reasons.Add($"Unit {sufficiency.Unit.Code} cannot be signed off until the evidence is sufficient:");
            reasons.AddRange(sufficiency.Findings.Select(f => f.Message));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var record = new StringBuilder();
        foreach (var c in sufficiency.Criteria)
        {
            record.Append(c.Criterion.Ref).Append(' ').Append(c.Decision).Append(':');
            foreach (var e in c.Counting.OrderBy(e => e.Reference, StringComparer.Ordinal))
            {
                record.Append(' ').Append(e.Reference).Append('#').Append(itemsByReference[e.Reference].ContentHash()[..16]);
            }

            record.Append('\n');
        }

        foreach (var r in sufficiency.Requirements)
        {
            record.Append("requirement ").Append(r.Item.Ref).Append(": ").AppendJoin(' ', r.CoveredBy).Append('\n');
        }

        if (sufficiency.Period is { } p)
        {
            record.Append("period: ").Append(p.DistinctDates).Append(" dates, ").Append(p.DistinctCustomers).Append(" customers, ").Append(p.SpanDays).Append(" days\n");
        }

        return New(enrolment, sufficiency.Unit, previous, UnitOutcome.Competent, null, record.ToString(), null, null, assessorId, assessorName, now);
    }

    /// <summary>
    /// A graded unit's final assessment (no rework allowed) signs it off with its grade: achieved at Pass or above,
    /// not achieved when Unclassified.
    /// </summary>
    public static UnitSignOff SignGraded(Enrolment enrolment, UnitSpec unit, IReadOnlyCollection<UnitSignOff> previous, GradedAssessment final, Guid candidateUserId)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(final);
        var reasons = Common(enrolment, unit, previous, final.AssessorId, candidateUserId);
        if (final.ReworkAllowed)
        {
            reasons.Add($"Attempt {final.Attempt} may still be reworked, so unit {unit.Code} cannot be signed off yet.");
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var achieved = final.Grade != UnitGrade.Unclassified;
        return New(enrolment, unit, previous, achieved ? UnitOutcome.Competent : UnitOutcome.NotYetCompetent, final.Grade.ToString(), final.SignOffRecord(),
            achieved ? null : final.Explanation, null, final.AssessorId, final.AssessorName, final.AssessedAt);
    }

    /// <summary>"Not yet competent": back to the planning cycle with the actions agreed.</summary>
    public static UnitSignOff NotYetCompetent(
        Enrolment enrolment, UnitSpec unit, IReadOnlyCollection<UnitSignOff> previous, string? actions, Guid assessorId, string assessorName, Guid candidateUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var reasons = Common(enrolment, unit, previous, assessorId, candidateUserId);
        if (string.IsNullOrWhiteSpace(actions))
        {
            reasons.Add("Record the actions agreed with the candidate: what further evidence to collect, and how.");
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons, "Actions");
        }

        return New(enrolment, unit, previous, UnitOutcome.NotYetCompetent, null, string.Empty, actions!.Trim(), null, assessorId, assessorName, now);
    }

    /// <summary>A correction: withdraws the sign-off that stands, for a reason, and unlocks the unit.</summary>
    public static UnitSignOff Withdraw(Enrolment enrolment, UnitSpec unit, IReadOnlyCollection<UnitSignOff> previous, string? reason, Guid assessorId, string assessorName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(previous);
        var current = Current(previous);
        var reasons = new List<string>();
        if (enrolment.AssessorId != assessorId)
        {
            reasons.Add("Only the candidate's assigned assessor can withdraw a sign-off.");
        }

        if (current?.Outcome != UnitOutcome.Competent)
        {
            reasons.Add($"Unit {unit.Code} has no sign-off to withdraw.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            reasons.Add("Say why the sign-off is withdrawn: the correction is kept with the original.");
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons, "Reason");
        }

        return New(enrolment, unit, previous, UnitOutcome.Withdrawn, current!.Grade, string.Empty, reason!.Trim(), current.Id, assessorId, assessorName, now);
    }

    /// <summary>
    /// An IQA's disagreement with a signed-off unit reopens it for the assessor: a Withdrawn entry, signed by the IQA,
    /// that names the sign-off and the actions.
    /// </summary>
    public static UnitSignOff ReopenedByIqa(Enrolment enrolment, UnitSpec unit, IReadOnlyCollection<UnitSignOff> previous, Quality.IqaReview review)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(review);
        var current = Current(previous);
        if (review.Outcome != Quality.IqaOutcome.Disagree || current?.Outcome != UnitOutcome.Competent || current.Id != review.SignOffId)
        {
            throw new InvalidOperationException("Only a disagreement with the sign-off that stands reopens a unit.");
        }

        return New(enrolment, unit, previous, UnitOutcome.Withdrawn, current.Grade, string.Empty,
            $"Reopened by the IQA's disagreement (review {review.Sequence}). Actions: {review.Actions}", current.Id, review.IqaId, review.IqaName, review.ReviewedAt);
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("enrolment", EnrolmentId)
        .Add("unit", UnitCode)
        .Add("sequence", Sequence)
        .Add("outcome", Outcome)
        .Add("grade", Grade)
        .Add("record", Record)
        .Add("notes", Notes)
        .Add("withdraws", WithdrawsId)
        .Add("assessor", AssessorId)
        .Add("assessorName", AssessorName)
        .Add("signedAt", SignedAt)
        .Add("candidateStatement", Outcome == UnitOutcome.Competent ? CandidateStatement : null)
        .ToString();

    private static List<string> Common(Enrolment enrolment, UnitSpec unit, IReadOnlyCollection<UnitSignOff> previous, Guid assessorId, Guid candidateUserId)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(unit);
        var reasons = new List<string>();
        if (!enrolment.HasUnit(unit.Code))
        {
            reasons.Add($"The candidate is not enrolled on unit {unit.DisplayName}.");
        }

        if (enrolment.AssessorId != assessorId)
        {
            reasons.Add("Only the candidate's assigned assessor can sign a unit off.");
        }

        if (assessorId == candidateUserId)
        {
            reasons.Add("An assessor cannot assess their own work.");
        }

        if (Current(previous) is { Outcome: UnitOutcome.Competent } signed)
        {
            reasons.Add($"Unit {unit.Code} was signed off by {signed.AssessorName} on {signed.SignedAt:d MMMM yyyy}; withdraw that sign-off first to correct it.");
        }

        return reasons;
    }

    private static UnitSignOff New(
        Enrolment enrolment, UnitSpec unit, IReadOnlyCollection<UnitSignOff> previous, UnitOutcome outcome, string? grade, string record, string? notes, Guid? withdraws,
        Guid assessorId, string assessorName, DateTime now) => new()
    {
        CentreId = enrolment.CentreId,
        EnrolmentId = enrolment.Id,
        UnitCode = unit.Code,
        Sequence = previous.Count == 0 ? 1 : previous.Max(p => p.Sequence) + 1,
        Outcome = outcome,
        Grade = grade,
        Record = record,
        Notes = notes,
        WithdrawsId = withdraws,
        AssessorId = assessorId,
        AssessorName = assessorName,
        SignedAt = now,
    };
}
