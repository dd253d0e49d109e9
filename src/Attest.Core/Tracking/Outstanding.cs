using Attest.Core.Assessment;
using Attest.Core.Qualifications;

namespace Attest.Core.Tracking;

/// <summary>What a criterion still needs, from the candidate's side of the portfolio.</summary>
public enum CriterionNeed
{
    /// <summary>No evidence is mapped to it yet: the candidate has something to do.</summary>
    NoEvidence,

    /// <summary>Evidence is mapped and no decision has been made since: the assessor has something to do.</summary>
    AwaitingDecision,

    /// <summary>The latest decision is "not yet met" and nothing new has been mapped since: act on the feedback.</summary>
    NotYetMet,
}

/// <summary>One criterion not yet met, with what it needs and since when.</summary>
/// <param name="Band">On a graded unit, the grade the criterion counts towards; merit and distinction criteria are needed only for those grades.</param>
public sealed record OutstandingCriterion(string UnitCode, string CriterionRef, string Text, CriterionNeed Need, DateTime? Since, GradeBand? Band = null)
{
    public string Explanation => Need switch
    {
        CriterionNeed.NoEvidence => "No evidence mapped yet",
        CriterionNeed.AwaitingDecision => $"Evidence mapped on {Since:d MMMM yyyy}, awaiting the assessor's decision",
        _ => $"Not yet met on {Since:d MMMM yyyy}: act on the assessor's feedback and map new evidence",
    } + Band switch
    {
        GradeBand.Merit => " (needed for a merit)",
        GradeBand.Distinction => " (needed for a distinction)",
        _ => string.Empty,
    };
}

/// <summary>When a piece of evidence was mapped to a criterion of a unit.</summary>
public sealed record MappedOn(string UnitCode, string CriterionRef, DateTime MappedAt);

/// <summary>
/// Issue 5 tracking: "candidate view (units, ACs met, what is missing ...)" and the caseload's "items awaiting decision".
/// A criterion is awaiting decision when evidence was mapped to it after its latest decision (or it has none), so a
/// candidate who answers "not yet met" with new evidence goes back to the assessor's list.
/// </summary>
public static class Outstanding
{
    public static IReadOnlyList<OutstandingCriterion> Of(UnitProgress progress, IEnumerable<MappedOn> mappings, IEnumerable<CriterionDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(decisions);
        var unit = progress.Unit.Code;
        var lastMapped = mappings.Where(m => Same(m.UnitCode, unit))
            .GroupBy(m => m.CriterionRef, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Max(m => m.MappedAt), StringComparer.OrdinalIgnoreCase);
        var latest = decisions.Where(d => Same(d.UnitCode, unit))
            .GroupBy(d => d.CriterionRef, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => (d.Revision, d.DecidedAt, d.Id))!, StringComparer.OrdinalIgnoreCase);
        return [.. progress.Criteria.Where(c => c.Status != CriterionStatus.Met).Select(c =>
        {
            var reference = c.Criterion.Ref;
            DateTime? mapped = lastMapped.TryGetValue(reference, out var m) ? m : null;
            var decision = latest.GetValueOrDefault(reference);
            var need = decision is not null && !(mapped > decision.DecidedAt) ? CriterionNeed.NotYetMet
                : mapped is not null ? CriterionNeed.AwaitingDecision
                : CriterionNeed.NoEvidence;
            return new OutstandingCriterion(unit, reference, c.Criterion.Text, need,
                need == CriterionNeed.NotYetMet ? decision!.DecidedAt : need == CriterionNeed.AwaitingDecision ? mapped : null, c.Criterion.Grade);
        })];
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
