using System.Text;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Core.Assessment;

/// <summary>
/// The learner hands in a graded unit's work for assessment (seed 000: "Hand in the work that you've completed ... to your
/// tutor"), declaring it their own. Attempt 1 is the submission; later attempts are reworks, allowed only "at your
/// discretion" (the assessor's) and up to the centre's limit. Append-only and signed.
/// </summary>
public sealed class GradedSubmission : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "graded-submission";

    public const string Statement = "I declare that the work I am handing in is my own. Where I have used other people's words or ideas I have referenced them.";

    private GradedSubmission()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public string UnitCode { get; private init; } = string.Empty;

    /// <summary>1 for the submission, 2 and on for reworks; unique per unit of an enrolment.</summary>
    public int Attempt { get; private init; }

    public bool IsRework => Attempt > 1;

    /// <summary>The items handed in, one "E001#hash" per line.</summary>
    public string Items { get; private init; } = string.Empty;

    public Guid SubmittedBy { get; private init; }

    public DateTime SubmittedAt { get; private init; }

    public string LedgerKind => Kind;

    public static GradedSubmission Submit(
        Enrolment enrolment, UnitSpec unit, IReadOnlyCollection<GradedSubmission> submissions, IReadOnlyCollection<GradedAssessment> assessments, int reworkLimit,
        IReadOnlyCollection<EvidenceItem> items, bool declared, Guid candidateUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(items);
        var reasons = new List<string>();
        var last = submissions.MaxBy(s => s.Attempt);
        var lastAssessment = last is null ? null : assessments.SingleOrDefault(a => a.SubmissionId == last.Id);
        if (last is not null && lastAssessment is null)
        {
            reasons.Add($"Attempt {last.Attempt} of unit {unit.Code} is waiting for your tutor to assess it.");
        }
        else if (lastAssessment is { ReworkAllowed: false })
        {
            reasons.Add($"Unit {unit.Code} was assessed as {lastAssessment.Grade} and your tutor did not allow a rework: the assessment is final.");
        }
        else if (last is not null && last.Attempt > reworkLimit)
        {
            reasons.Add($"Your centre allows {reworkLimit} {(reworkLimit == 1 ? "rework" : "reworks")} of a graded unit, and unit {unit.Code} has been reworked {last.Attempt - 1} {(last.Attempt - 1 == 1 ? "time" : "times")}.");
        }

        if (items.Count == 0)
        {
            reasons.Add($"Map the work you are handing in to the criteria of unit {unit.Code} first.");
        }

        if (!declared)
        {
            reasons.Add("Confirm that the work is your own");
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons, "Declared");
        }

        return new GradedSubmission
        {
            CentreId = enrolment.CentreId,
            EnrolmentId = enrolment.Id,
            UnitCode = unit.Code,
            Attempt = (last?.Attempt ?? 0) + 1,
            Items = string.Join('\n', items.OrderBy(i => i.Reference, StringComparer.Ordinal).Select(i => $"{i.Reference}#{i.ContentHash()}")),
            SubmittedBy = candidateUserId,
            SubmittedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("enrolment", EnrolmentId)
        .Add("unit", UnitCode)
        .Add("attempt", Attempt)
        .Add("items", Items)
        .Add("statement", Statement)
        .Add("submittedBy", SubmittedBy)
        .Add("submittedAt", SubmittedAt)
        .ToString();
}

/// <summary>
/// The tutor's assessment of one attempt: the grade the criteria met give (seed 000, computed and explained), feedback
/// that may name what could be improved but not how, and whether a rework is allowed. The final assessment signs the
/// unit off with its grade. Append-only and signed.
/// </summary>
public sealed class GradedAssessment : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "graded-assessment";

    private GradedAssessment()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid SubmissionId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public string UnitCode { get; private init; } = string.Empty;

    public int Attempt { get; private init; }

    public UnitGrade Grade { get; private init; }

    /// <summary>The criteria met when assessed, comma-separated.</summary>
    public string CriteriaMet { get; private init; } = string.Empty;

    public string Explanation { get; private init; } = string.Empty;

    public string Feedback { get; private init; } = string.Empty;

    public string? FeedbackWarnings { get; private init; }

    /// <summary>The learner may improve the work and resubmit it (a rework).</summary>
    public bool ReworkAllowed { get; private init; }

    public Guid AssessorId { get; private init; }

    public string AssessorName { get; private init; } = string.Empty;

    public DateTime AssessedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>Whether a rework may follow this attempt under the centre's limit (attempt 1 is the original, so a limit of 1 allows attempt 2).</summary>
    public static bool MayAllowRework(int attempt, int reworkLimit) => attempt <= reworkLimit;

    public static GradedAssessment Assess(
        Enrolment enrolment, UnitSpec unit, GradedSubmission submission, IReadOnlyCollection<GradedAssessment> assessments, IReadOnlyDictionary<string, CriterionStatus> decisions,
        string? feedback, bool reworkAllowed, int reworkLimit, Guid assessorId, string assessorName, IReadOnlyList<string> feedbackWarningsAccepted, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(feedbackWarningsAccepted);
        var reasons = new List<(string Field, string Message)>();
        if (enrolment.AssessorId != assessorId)
        {
            reasons.Add((string.Empty, "Only the candidate's assigned assessor assesses their work."));
        }

        if (assessments.Any(a => a.SubmissionId == submission.Id))
        {
            reasons.Add((string.Empty, $"Attempt {submission.Attempt} is already assessed."));
        }

        var undecided = unit.Criteria.Where(c => !decisions.ContainsKey(c.Ref)).Select(c => c.Ref).ToList();
        if (undecided.Count > 0)
        {
            reasons.Add((string.Empty, $"Decide every criterion before grading the attempt: {string.Join(", ", undecided)} not yet decided."));
        }

        if (string.IsNullOrWhiteSpace(feedback))
        {
            reasons.Add(("Feedback", "Give the learner feedback on the attempt"));
        }

        if (reworkAllowed && !MayAllowRework(submission.Attempt, reworkLimit))
        {
            reasons.Add(("ReworkAllowed", $"Your centre allows {reworkLimit} {(reworkLimit == 1 ? "rework" : "reworks")} of a graded unit: attempt {submission.Attempt} cannot be reworked again."));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var met = decisions.Where(d => d.Value == CriterionStatus.Met).Select(d => d.Key).ToList();
        var result = GradedUnitResult.Grade(unit, met);
        return new GradedAssessment
        {
            CentreId = enrolment.CentreId,
            SubmissionId = submission.Id,
            EnrolmentId = enrolment.Id,
            UnitCode = unit.Code,
            Attempt = submission.Attempt,
            Grade = result.Grade,
            CriteriaMet = string.Join(",", unit.Criteria.Where(c => met.Contains(c.Ref, StringComparer.OrdinalIgnoreCase)).Select(c => c.Ref)),
            Explanation = result.Explanation,
            Feedback = feedback!.Trim(),
            FeedbackWarnings = feedbackWarningsAccepted.Count > 0 ? string.Join('\n', feedbackWarningsAccepted) : null,
            ReworkAllowed = reworkAllowed,
            AssessorId = assessorId,
            AssessorName = assessorName,
            AssessedAt = now,
        };
    }

    /// <summary>The record a final assessment signs the unit off with: the grade and the criteria met.</summary>
    public string SignOffRecord() => new StringBuilder()
        .Append("grade: ").Append(Grade).Append('\n')
        .Append("attempt: ").Append(Attempt).Append('\n')
        .Append("criteria met: ").Append(CriteriaMet).Append('\n')
        .ToString();

    public string SignedContent() => new SignedText(Kind)
        .Add("submission", SubmissionId)
        .Add("enrolment", EnrolmentId)
        .Add("unit", UnitCode)
        .Add("attempt", Attempt)
        .Add("grade", Grade)
        .Add("criteriaMet", CriteriaMet)
        .Add("explanation", Explanation)
        .Add("feedback", Feedback)
        .Add("feedbackWarnings", FeedbackWarnings)
        .Add("reworkAllowed", ReworkAllowed)
        .Add("assessor", AssessorId)
        .Add("assessorName", AssessorName)
        .Add("assessedAt", AssessedAt)
        .ToString();
}
