using System.Globalization;
using System.Text;
using Attest.Core.Ledger;
using Attest.Core.Planning;
using Attest.Core.Portfolios;

namespace Attest.Core.Assessment;

/// <summary>One question put and the answer given (seed 004: "enough information about what they asked and how you replied").</summary>
public sealed record QuestionAndAnswer(string Question, string Answer);

/// <summary>A part of a recording that a professional discussion record points to: which item, from when to when, about what.</summary>
public sealed record RecordingPart(string Reference, string Timing, string Topic);

/// <summary>What the assessor writes in a record, by field.</summary>
public sealed record AssessorRecordDetails(
    DateOnly? OccurredOn,
    TimeOnly? OccurredAt,
    string? Venue,
    string? Summary,
    IReadOnlyList<QuestionAndAnswer> Questions,
    IReadOnlyList<RecordingPart> RecordingParts,
    IReadOnlyList<string> ExaminedItems);

/// <summary>
/// The assessor's own record of an assessment (seed 004 "Recording evidence"): a direct observation, questioning, a
/// professional discussion or an examination of work products. It is evidence in the portfolio (an
/// <see cref="EvidenceItem"/> of its kind) with its own fields, signed by the assessor and never changed: a correction is
/// a new record.
/// </summary>
public sealed class AssessorRecord : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "assessor-record";

    public const string DiscussionPlanWording = "There should always be documented evidence of the discussion with the candidate being planned in advance.";

    public static readonly IReadOnlyList<EvidenceKind> Kinds = [EvidenceKind.Observation, EvidenceKind.Questioning, EvidenceKind.ProfessionalDiscussion, EvidenceKind.ProductExamination];

    private AssessorRecord()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EvidenceItemId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public EvidenceKind RecordKind { get; private init; }

    public DateOnly OccurredOn { get; private init; }

    public TimeOnly? OccurredAt { get; private init; }

    public string Venue { get; private init; } = string.Empty;

    /// <summary>What was seen, discussed or found.</summary>
    public string Summary { get; private init; } = string.Empty;

    /// <summary>Questions and answers, one "Q: ...", "A: ..." pair of lines each.</summary>
    public string? Questions { get; private init; }

    /// <summary>The discussion plan the record follows (professional discussions).</summary>
    public int? PlanNumber { get; private init; }

    /// <summary>Recording parts, one "E007 | 04:10-12:30 | topic" line each.</summary>
    public string? RecordingParts { get; private init; }

    /// <summary>References of the work products examined, comma-separated.</summary>
    public string? ExaminedItems { get; private init; }

    public Guid AssessorId { get; private init; }

    public string AssessorName { get; private init; } = string.Empty;

    public DateTime RecordedAt { get; private init; }

    public string LedgerKind => Kind;

    public IReadOnlyList<QuestionAndAnswer> QuestionList =>
        [.. (Questions ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Chunk(2).Where(p => p.Length == 2).Select(p => new QuestionAndAnswer(p[0][3..], p[1][3..]))];

    public IReadOnlyList<RecordingPart> RecordingPartList =>
        [.. (RecordingParts ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(" | ")).Where(p => p.Length == 3).Select(p => new RecordingPart(p[0], p[1], p[2]))];

    /// <summary>
    /// Checks and makes a record. <paramref name="plan"/> is the discussion plan named, with whether both have agreed it;
    /// <paramref name="recordings"/> and <paramref name="candidateItems"/> are the candidate's items a record may point to.
    /// </summary>
    public static AssessorRecord Create(
        Enrolment enrolment, EvidenceKind kind, AssessorRecordDetails details, (AssessmentPlan Plan, bool Agreed)? plan,
        IReadOnlyCollection<EvidenceItem> candidateItems, bool hasCriteria, Guid assessorId, string assessorName, DateOnly today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(candidateItems);
        var errors = new List<(string Field, string Message)>();
        if (!Kinds.Contains(kind))
        {
            errors.Add((string.Empty, $"{kind} is not a kind of assessor's record."));
        }

        if (enrolment.AssessorId != assessorId)
        {
            errors.Add((string.Empty, "Only the candidate's assigned assessor records assessments."));
        }

        if (details.OccurredOn is null)
        {
            errors.Add(("OccurredOn", "Enter the date of the assessment"));
        }
        else if (details.OccurredOn > today)
        {
            errors.Add(("OccurredOn", "The date of the assessment must be today or in the past"));
        }

        if (string.IsNullOrWhiteSpace(details.Venue))
        {
            errors.Add(("Venue", "Enter where the assessment took place"));
        }

        if (string.IsNullOrWhiteSpace(details.Summary))
        {
            errors.Add(("Summary", kind switch
            {
                EvidenceKind.Observation => "Describe what you saw the candidate do",
                EvidenceKind.ProfessionalDiscussion => "Summarise the discussion: what the candidate explained and showed",
                EvidenceKind.ProductExamination => "Record what the work products show",
                _ => "Summarise what the answers show",
            }));
        }

        if (!hasCriteria)
        {
            errors.Add(("Targets", "Choose the criteria this record shows"));
        }

        var questions = details.Questions.Where(q => !string.IsNullOrWhiteSpace(q.Question) || !string.IsNullOrWhiteSpace(q.Answer)).ToList();
        if (kind == EvidenceKind.Questioning)
        {
            if (questions.Count == 0)
            {
                errors.Add(("Questions", "Record at least one question and the candidate's answer"));
            }
            else if (questions.Any(q => string.IsNullOrWhiteSpace(q.Question) || string.IsNullOrWhiteSpace(q.Answer)))
            {
                errors.Add(("Questions", "Record each question with the candidate's answer, so the assessment can be verified"));
            }
        }

        if (kind == EvidenceKind.ProfessionalDiscussion)
        {
            if (plan is not { } p || p.Plan.PlanKind != PlanKind.DiscussionPlan)
            {
                errors.Add(("PlanNumber", "Choose the documented plan of this discussion: a professional discussion must be planned in advance"));
            }
            else if (!p.Agreed)
            {
                errors.Add(("PlanNumber", $"{p.Plan.Title} is not yet agreed by the candidate: a discussion is planned, and agreed, before it is recorded"));
            }
        }

        var byReference = candidateItems.ToDictionary(i => i.Reference, StringComparer.OrdinalIgnoreCase);
        foreach (var part in details.RecordingParts)
        {
            if (!byReference.TryGetValue(part.Reference, out var recording) || !recording.IsRecording)
            {
                errors.Add(("RecordingParts", $"{part.Reference} is not one of the candidate's recordings"));
            }
            else if (EvidenceLocator.For(recording, part.Timing) is { Error: { } error })
            {
                errors.Add(("RecordingParts", $"{part.Reference}: {error}"));
            }
        }

        if (kind == EvidenceKind.ProductExamination)
        {
            if (details.ExaminedItems.Count == 0)
            {
                errors.Add(("ExaminedItems", "Choose the work products you examined"));
            }
            else if (details.ExaminedItems.FirstOrDefault(r => !byReference.ContainsKey(r)) is { } unknown)
            {
                errors.Add(("ExaminedItems", $"{unknown} is not one of the candidate's items"));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        static string? Lines(IEnumerable<string> lines) => lines.Any() ? string.Join('\n', lines) : null;
        return new AssessorRecord
        {
            CentreId = enrolment.CentreId,
            EnrolmentId = enrolment.Id,
            RecordKind = kind,
            OccurredOn = details.OccurredOn!.Value,
            OccurredAt = details.OccurredAt,
            Venue = details.Venue!.Trim(),
            Summary = details.Summary!.Trim(),
            Questions = kind == EvidenceKind.Questioning || questions.Count > 0 ? Lines(questions.SelectMany(q => new[] { "Q: " + OneLine(q.Question), "A: " + OneLine(q.Answer) })) : null,
            PlanNumber = kind == EvidenceKind.ProfessionalDiscussion ? plan!.Value.Plan.PlanNumber : null,
            RecordingParts = Lines(details.RecordingParts.Select(p => $"{byReference[p.Reference].Reference} | {EvidenceLocator.For(byReference[p.Reference], p.Timing).Locator} | {OneLine(p.Topic)}")),
            ExaminedItems = kind == EvidenceKind.ProductExamination ? string.Join(",", details.ExaminedItems.Select(r => byReference[r].Reference).Distinct()) : null,
            AssessorId = assessorId,
            AssessorName = assessorName,
            RecordedAt = now,
        };
    }

    /// <summary>The record as its evidence item's text: what the portfolio, the export and the hygiene checks read.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{OccurredOn:d MMMM yyyy}{(OccurredAt is { } at ? " at " + at.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty)}, {Venue}. Recorded by {AssessorName}.\n\n{Summary}\n");
        foreach (var q in QuestionList)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nQ: {q.Question}\nA: {q.Answer}\n");
        }

        foreach (var p in RecordingPartList)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nRecording {p.Reference} at {p.Timing}: {p.Topic}");
        }

        if (ExaminedItems is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nWork products examined: {ExaminedItems.Replace(",", ", ", StringComparison.Ordinal)}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Binds the record to the evidence item it is kept as (once the item's reference is allocated).</summary>
    public AssessorRecord For(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new AssessorRecord
        {
            CentreId = CentreId, EvidenceItemId = item.Id, EnrolmentId = EnrolmentId, RecordKind = RecordKind, OccurredOn = OccurredOn, OccurredAt = OccurredAt, Venue = Venue,
            Summary = Summary, Questions = Questions, PlanNumber = PlanNumber, RecordingParts = RecordingParts, ExaminedItems = ExaminedItems, AssessorId = AssessorId,
            AssessorName = AssessorName, RecordedAt = RecordedAt,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("item", EvidenceItemId)
        .Add("enrolment", EnrolmentId)
        .Add("recordKind", RecordKind)
        .Add("occurredOn", OccurredOn)
        .Add("occurredAt", OccurredAt?.ToString("HH:mm", CultureInfo.InvariantCulture))
        .Add("venue", Venue)
        .Add("summary", Summary)
        .Add("questions", Questions)
        .Add("plan", PlanNumber)
        .Add("recordingParts", RecordingParts)
        .Add("examined", ExaminedItems)
        .Add("assessor", AssessorId)
        .Add("assessorName", AssessorName)
        .Add("recordedAt", RecordedAt)
        .ToString();

    private static string OneLine(string text) => text.Trim().ReplaceLineEndings(" ");
}
