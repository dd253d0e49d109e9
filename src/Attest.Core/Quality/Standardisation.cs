using Attest.Core.Assessment;
using Attest.Core.Ledger;

namespace Attest.Core.Quality;

/// <summary>
/// A standardisation activity (seed 000: assessment decisions standardised across a cohort; issue 5): who took part,
/// which units, what was compared, the outcome and the actions. Append-only and signed by the IQA who records it.
/// </summary>
public sealed class StandardisationRecord : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "standardisation";

    private StandardisationRecord()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public DateOnly HeldOn { get; private init; }

    public string QualificationCode { get; private init; } = string.Empty;

    /// <summary>Unit codes, comma-separated.</summary>
    public string Units { get; private init; } = string.Empty;

    public string Participants { get; private init; } = string.Empty;

    public string Compared { get; private init; } = string.Empty;

    public string Outcome { get; private init; } = string.Empty;

    public string? Actions { get; private init; }

    public Guid RecordedBy { get; private init; }

    public string RecordedByName { get; private init; } = string.Empty;

    public DateTime RecordedAt { get; private init; }

    public string LedgerKind => Kind;

    public static StandardisationRecord Record(
        Guid centreId, DateOnly? heldOn, Qualifications.QualificationSpec? qualification, IReadOnlyCollection<string> units, string? participants, string? compared, string? outcome, string? actions,
        Guid recordedBy, string recordedByName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(units);
        var reasons = new List<(string Field, string Message)>();
        if (heldOn is null)
        {
            reasons.Add(("HeldOn", "Enter the date the standardisation took place"));
        }
        else if (heldOn > DateOnly.FromDateTime(now))
        {
            reasons.Add(("HeldOn", "Record a standardisation once it has taken place: the date is in the future"));
        }

        if (qualification is null)
        {
            reasons.Add(("QualificationCode", "Choose the qualification"));
        }
        else if (units.Count == 0 || units.Any(u => qualification.FindUnit(u) is null))
        {
            reasons.Add(("Units", $"Choose the units of {qualification.DisplayName} that were standardised"));
        }

        if (string.IsNullOrWhiteSpace(participants))
        {
            reasons.Add(("Participants", "Say who took part"));
        }

        if (string.IsNullOrWhiteSpace(compared))
        {
            reasons.Add(("Compared", "Say what was compared: which decisions, evidence or records"));
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            reasons.Add(("Outcome", "Record the outcome: where assessors agreed and where they did not"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        return new StandardisationRecord
        {
            CentreId = centreId, HeldOn = heldOn!.Value, QualificationCode = qualification!.Code, Units = string.Join(",", units.Select(u => qualification.FindUnit(u)!.Code).Distinct().Order(StringComparer.Ordinal)),
            Participants = participants!.Trim(), Compared = compared!.Trim(), Outcome = outcome!.Trim(), Actions = string.IsNullOrWhiteSpace(actions) ? null : actions.Trim(),
            RecordedBy = recordedBy, RecordedByName = recordedByName, RecordedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("heldOn", HeldOn)
        .Add("qualification", QualificationCode)
        .Add("units", Units)
        .Add("participants", Participants)
        .Add("compared", Compared)
        .Add("outcome", Outcome)
        .Add("actions", Actions)
        .Add("recordedBy", RecordedBy)
        .Add("recordedByName", RecordedByName)
        .Add("recordedAt", RecordedAt)
        .ToString();
}

/// <summary>One assessor's decisions on a unit, side by side with their colleagues' (issue 5: decision rates, feedback length and quality, time to decision).</summary>
public sealed record AssessorComparisonRow(
    Guid AssessorId, string Assessor, int Decisions, int Candidates, double MetRate, double MedianFeedbackWords, double FeedbackWarningRate, double? MedianDaysToDecision, int IqaDisagreements);

/// <summary>
/// What standardisation compares of one criterion's latest decision: who made it, the outcome, the words of its feedback
/// (<see cref="CriterionDecision.FeedbackWords"/>), whether it was recorded despite warnings, and when the evidence was
/// first mapped to the criterion (null if never). Numbers and dates only: the page reads one narrow row per decision.
/// </summary>
public sealed record ComparedDecision(Guid EnrolmentId, Guid AssessorId, DecisionOutcome Outcome, int FeedbackWords, bool Warned, DateTime DecidedAt, DateTime? FirstMapped);

public static class AssessorComparison
{
    /// <summary>
    /// Compares assessors on each criterion's latest decision (so a changed mind counts once; the database picks them):
    /// the share met, the median words of feedback, the share recorded despite feedback warnings, the median days from the
    /// evidence first being mapped to the criterion to the decision, and the IQA reviews that disagreed with them.
    /// </summary>
    /// <param name="assessorNames">Each assessor's name as recorded on their decisions.</param>
    public static IReadOnlyList<AssessorComparisonRow> Compare(
        IReadOnlyCollection<ComparedDecision> latest, IReadOnlyDictionary<Guid, string> assessorNames, IReadOnlyDictionary<Guid, int> iqaDisagreements)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(assessorNames);
        ArgumentNullException.ThrowIfNull(iqaDisagreements);
        return [.. latest.GroupBy(d => d.AssessorId).Select(g => new AssessorComparisonRow(
                g.Key, assessorNames[g.Key], g.Count(), g.Select(d => d.EnrolmentId).Distinct().Count(),
                g.Count(d => d.Outcome == DecisionOutcome.Met) / (double)g.Count(),
                Median([.. g.Select(d => (double)d.FeedbackWords)])!.Value,
                g.Count(d => d.Warned) / (double)g.Count(),
                Median([.. g.Where(d => d.FirstMapped is not null).Select(d => Math.Max(0, (d.DecidedAt - d.FirstMapped!.Value).TotalDays))]),
                iqaDisagreements.GetValueOrDefault(g.Key)))
            .OrderBy(r => r.Assessor, StringComparer.Ordinal)];
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
