using System.Text;
using Attest.Core.Assessment;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Core.Quality;

/// <summary>Interim: decisions sampled while the unit is in progress; summative: the unit's sign-off.</summary>
public enum IqaStage { Interim, Summative }

public enum IqaOutcome { Agree, Disagree }

/// <summary>The IQA's view of one criterion's decision.</summary>
public sealed record IqaFinding(string CriterionRef, bool Agrees, string? Comment);

/// <summary>
/// An internal quality assurer's review of the assessment of one unit for one candidate: agreement or disagreement
/// per criterion decided, feedback to the assessor (checked for detail like assessor feedback, seed 003: "assessors
/// and IQAs provide the same detailed feedback"), and, on disagreement, the actions the assessor must take. Append-only
/// and signed. The latest review of a unit decides: a disagreement stays open, holding the unit back from
/// certification, until a later review agrees. An assessor is never IQA of their own decisions.
/// </summary>
public sealed class IqaReview : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "iqa-review";

    private IqaReview()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public string UnitCode { get; private init; } = string.Empty;

    /// <summary>1, 2, 3, ... per unit of an enrolment, unique.</summary>
    public int Sequence { get; private init; }

    public IqaStage Stage { get; private init; }

    /// <summary>The sign-off reviewed (summative).</summary>
    public Guid? SignOffId { get; private init; }

    /// <summary>The assessor whose decisions were reviewed.</summary>
    public Guid AssessorId { get; private init; }

    public string AssessorName { get; private init; } = string.Empty;

    public IqaOutcome Outcome { get; private init; }

    /// <summary>One line per criterion: "1.2 disagree: comment".</summary>
    public string Findings { get; private init; } = string.Empty;

    public string Feedback { get; private init; } = string.Empty;

    public string? FeedbackWarnings { get; private init; }

    /// <summary>On disagreement: what the assessor must do.</summary>
    public string? Actions { get; private init; }

    public Guid IqaId { get; private init; }

    public string IqaName { get; private init; } = string.Empty;

    public DateTime ReviewedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>The review that decides a unit's standing with quality assurance: the latest.</summary>
    public static IqaReview? Current(IEnumerable<IqaReview> reviews) => reviews.MaxBy(r => r.Sequence);

    /// <summary>Why quality assurance holds a unit back from certification, or null.</summary>
    public static string? HoldOf(IEnumerable<IqaReview> reviews, string unitCode) =>
        Current(reviews) is { Outcome: IqaOutcome.Disagree } open
            ? $"Unit {unitCode}: the IQA ({open.IqaName}) disagreed on {open.ReviewedAt:d MMMM yyyy} and the actions are open until a later IQA review agrees: {open.Actions}"
            : null;

    public static IqaReview Record(
        Enrolment enrolment, UnitSpec unit, IReadOnlyCollection<CriterionDecision> decisions, IReadOnlyCollection<UnitSignOff> signOffs, IReadOnlyCollection<IqaReview> previous,
        IReadOnlyCollection<IqaFinding> findings, string? feedback, string? actions, Guid iqaId, string iqaName, DateTime now, IReadOnlyList<string>? feedbackWarningsAccepted = null)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(signOffs);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(findings);
        var latest = decisions.GroupBy(d => d.CriterionRef, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(d => d.Revision)!).ToList();
        var signOff = UnitSignOff.Current(signOffs) is { Outcome: UnitOutcome.Competent } s ? s : null;
        var reasons = new List<(string Field, string Message)>();
        var assessors = latest.Select(d => (d.AssessorId, d.AssessorName)).Append(signOff is null ? default : (signOff.AssessorId, signOff.AssessorName))
            .Where(a => a.AssessorId != Guid.Empty).Distinct().ToList();
        var ownName = assessors.Where(a => a.AssessorId == iqaId).Select(a => a.AssessorName).FirstOrDefault();
        if (ownName is not null || enrolment.AssessorId == iqaId)
        {
            reasons.Add((string.Empty, $"An assessor can never be IQA of their own decisions: {ownName ?? iqaName} assesses this unit for this candidate."));
        }

        if (latest.Count == 0)
        {
            reasons.Add((string.Empty, $"There is no assessment decision on unit {unit.Code} to review yet."));
        }

        foreach (var decision in latest.OrderBy(d => d.CriterionRef, StringComparer.Ordinal))
        {
            var finding = findings.FirstOrDefault(f => string.Equals(f.CriterionRef, decision.CriterionRef, StringComparison.OrdinalIgnoreCase));
            if (finding is null)
            {
                reasons.Add(("Findings", $"Say whether you agree with the decision on {decision.CriterionRef}"));
            }
            else if (!finding.Agrees && string.IsNullOrWhiteSpace(finding.Comment))
            {
                reasons.Add(("Findings", $"Say why you disagree with the decision on {decision.CriterionRef}"));
            }
        }

        var disagrees = findings.Any(f => !f.Agrees && latest.Any(d => string.Equals(d.CriterionRef, f.CriterionRef, StringComparison.OrdinalIgnoreCase)));
        if (string.IsNullOrWhiteSpace(feedback))
        {
            reasons.Add(("Feedback", "Feedback to the assessor is required"));
        }

        if (disagrees && string.IsNullOrWhiteSpace(actions))
        {
            reasons.Add(("Actions", "Record the actions the assessor must take: a disagreement reopens the decision until they are done"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var lines = new StringBuilder();
        foreach (var decision in latest.OrderBy(d => d.CriterionRef, StringComparer.Ordinal))
        {
            var finding = findings.First(f => string.Equals(f.CriterionRef, decision.CriterionRef, StringComparison.OrdinalIgnoreCase));
            lines.Append(decision.CriterionRef).Append(' ').Append(decision.Outcome).Append(" r").Append(decision.Revision)
                .Append(finding.Agrees ? " agree" : " disagree").Append(string.IsNullOrWhiteSpace(finding.Comment) ? string.Empty : ": " + finding.Comment.Trim()).Append('\n');
        }

        var assessor = signOff is not null ? (signOff.AssessorId, signOff.AssessorName) : assessors[0];
        return new IqaReview
        {
            CentreId = enrolment.CentreId,
            EnrolmentId = enrolment.Id,
            UnitCode = unit.Code,
            Sequence = (previous.Count == 0 ? 0 : previous.Max(r => r.Sequence)) + 1,
            Stage = signOff is null ? IqaStage.Interim : IqaStage.Summative,
            SignOffId = signOff?.Id,
            AssessorId = assessor.AssessorId,
            AssessorName = assessor.AssessorName,
            Outcome = disagrees ? IqaOutcome.Disagree : IqaOutcome.Agree,
            Findings = lines.ToString(),
            Feedback = feedback!.Trim(),
            FeedbackWarnings = feedbackWarningsAccepted is { Count: > 0 } ? string.Join("\n", feedbackWarningsAccepted) : null,
            Actions = disagrees ? actions!.Trim() : null,
            IqaId = iqaId,
            IqaName = iqaName,
            ReviewedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("enrolment", EnrolmentId)
        .Add("unit", UnitCode)
        .Add("sequence", Sequence)
        .Add("stage", Stage)
        .Add("signOff", SignOffId)
        .Add("assessor", AssessorId)
        .Add("assessorName", AssessorName)
        .Add("outcome", Outcome)
        .Add("findings", Findings)
        .Add("feedback", Feedback)
        .Add("feedbackWarnings", FeedbackWarnings)
        .Add("actions", Actions)
        .Add("iqa", IqaId)
        .Add("iqaName", IqaName)
        .Add("reviewedAt", ReviewedAt)
        .ToString();
}
