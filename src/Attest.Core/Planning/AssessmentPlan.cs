using Attest.Core.Ledger;
using Attest.Core.Portfolios;

namespace Attest.Core.Planning;

/// <summary>The planning records of seed 004's assessment process.</summary>
public enum PlanKind
{
    /// <summary>Initial assessment and learning contract: "starting point ... competence or knowledge you already have ... gaps ... right level ... optional units".</summary>
    LearningContract,

    /// <summary>"The units the plan covers, when you will be observed, where you will be observed, what you will be doing, what evidence you will produce."</summary>
    AssessmentPlan,

    /// <summary>A professional discussion "planned in advance" with "documented evidence of the discussion ... being planned" (seed 003).</summary>
    DiscussionPlan,
}

/// <summary>What a plan says, as the assessor writes it.</summary>
public sealed record PlanDetails(
    string? Units,
    DateOnly? PlannedOn,
    string? Venue,
    string? Activities,
    string? Evidence,
    string? StartingPoint,
    string? ExistingCompetence,
    string? Gaps,
    string? RightLevel,
    DateOnly? NextReviewOn,
    bool Completed,
    string? ReviewNotes);

/// <summary>
/// One version of a plan. A plan is its versions (same <see cref="PlanNumber"/>): "you will review, update and amend your
/// plan many times ... the assessment planning cycle" (seed 004). Each version is append-only and is agreed when the
/// assessor and the candidate have both signed it in the ledger.
/// </summary>
public sealed class AssessmentPlan : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "assessment-plan";

    private AssessmentPlan()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    /// <summary>1, 2, 3, ... per enrolment: which plan.</summary>
    public int PlanNumber { get; private init; }

    /// <summary>1, 2, 3, ... per plan: unique, so two amendments from the same version cannot both be kept.</summary>
    public int Version { get; private init; }

    public PlanKind PlanKind { get; private init; }

    /// <summary>Unit codes the plan covers, comma-separated.</summary>
    public string Units { get; private init; } = string.Empty;

    /// <summary>When the observation or discussion will happen.</summary>
    public DateOnly? PlannedOn { get; private init; }

    /// <summary>Where the candidate will be observed, or where the discussion will be.</summary>
    public string? Venue { get; private init; }

    /// <summary>What the candidate will be doing, or the topics of the discussion.</summary>
    public string? Activities { get; private init; }

    /// <summary>What evidence the candidate will produce or bring.</summary>
    public string? Evidence { get; private init; }

    public string? StartingPoint { get; private init; }

    public string? ExistingCompetence { get; private init; }

    public string? Gaps { get; private init; }

    /// <summary>Why this is the right level of qualification for the candidate.</summary>
    public string? RightLevel { get; private init; }

    public DateOnly? NextReviewOn { get; private init; }

    /// <summary>The plan's work is done: no further review is due.</summary>
    public bool Completed { get; private init; }

    /// <summary>For a version after the first: the review, with progress and feedback.</summary>
    public string? ReviewNotes { get; private init; }

    public Guid CreatedBy { get; private init; }

    public string CreatedByName { get; private init; } = string.Empty;

    public DateTime CreatedAt { get; private init; }

    public string LedgerKind => Kind;

    public IReadOnlyList<string> UnitList => Units.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public string Title => PlanKind switch
    {
        PlanKind.LearningContract => "Initial assessment and learning contract",
        PlanKind.DiscussionPlan => $"Professional discussion plan {PlanNumber}",
        _ => $"Assessment plan {PlanNumber}",
    };

    /// <summary>A new plan (version 1) or a new version of <paramref name="previous"/>, refused with every broken rule named by field.</summary>
    public static AssessmentPlan Write(
        Enrolment enrolment, PlanKind kind, PlanDetails details, AssessmentPlan? previous, int planNumber, Guid authorId, string authorName, DateOnly today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(details);
        var errors = new List<(string Field, string Message)>();
        void Require(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add((field, message));
            }
        }

        if (enrolment.AssessorId != authorId)
        {
            errors.Add((string.Empty, "Only the candidate's assigned assessor writes and amends their plans."));
        }

        var units = (details.Units ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (kind == PlanKind.LearningContract)
        {
            units = [.. enrolment.Units.Select(u => u.UnitCode)];
            Require(details.StartingPoint, "StartingPoint", "Enter the candidate's starting point");
            Require(details.ExistingCompetence, "ExistingCompetence", "Enter the competence and knowledge the candidate already has");
            Require(details.Gaps, "Gaps", "Enter the gaps in competence and knowledge to work on");
            Require(details.RightLevel, "RightLevel", "Say why this is the right level of qualification for the candidate");
        }
        else
        {
            if (units.Length == 0)
            {
                errors.Add(("Units", "Choose the units the plan covers"));
            }
            else if (units.FirstOrDefault(u => !enrolment.HasUnit(u)) is { } unknown)
            {
                errors.Add(("Units", $"The candidate is not enrolled on unit {unknown}"));
            }

            if (details.PlannedOn is null)
            {
                errors.Add(("PlannedOn", kind == PlanKind.DiscussionPlan ? "Enter when the discussion will be" : "Enter when the candidate will be observed"));
            }

            Require(details.Venue, "Venue", kind == PlanKind.DiscussionPlan ? "Enter where the discussion will be" : "Enter where the candidate will be observed");
            Require(details.Activities, "Activities", kind == PlanKind.DiscussionPlan ? "Enter the topics the discussion will cover" : "Enter what the candidate will be doing");
            Require(details.Evidence, "Evidence", kind == PlanKind.DiscussionPlan ? "Enter the evidence the candidate will bring to discuss" : "Enter what evidence the candidate will produce");
        }

        if (!details.Completed && details.NextReviewOn is null)
        {
            errors.Add(("NextReviewOn", "Enter the date of the next review, or mark the plan completed"));
        }
        else if (!details.Completed && details.NextReviewOn < today)
        {
            errors.Add(("NextReviewOn", "The next review must be today or later"));
        }

        if (previous is not null)
        {
            Require(details.ReviewNotes, "ReviewNotes", "Record the review: progress since the last version, feedback, and what changes");
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return new AssessmentPlan
        {
            CentreId = enrolment.CentreId,
            EnrolmentId = enrolment.Id,
            PlanNumber = previous?.PlanNumber ?? planNumber,
            Version = (previous?.Version ?? 0) + 1,
            PlanKind = previous?.PlanKind ?? kind,
            Units = string.Join(",", units.Select(u => enrolment.Units.First(x => string.Equals(x.UnitCode, u, StringComparison.OrdinalIgnoreCase)).UnitCode).Distinct()),
            PlannedOn = details.PlannedOn,
            Venue = Clean(details.Venue),
            Activities = Clean(details.Activities),
            Evidence = Clean(details.Evidence),
            StartingPoint = Clean(details.StartingPoint),
            ExistingCompetence = Clean(details.ExistingCompetence),
            Gaps = Clean(details.Gaps),
            RightLevel = Clean(details.RightLevel),
            NextReviewOn = details.Completed ? null : details.NextReviewOn,
            Completed = details.Completed,
            ReviewNotes = Clean(details.ReviewNotes),
            CreatedBy = authorId,
            CreatedByName = authorName,
            CreatedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("enrolment", EnrolmentId)
        .Add("plan", PlanNumber)
        .Add("version", Version)
        .Add("planKind", PlanKind)
        .Add("units", Units)
        .Add("plannedOn", PlannedOn)
        .Add("venue", Venue)
        .Add("activities", Activities)
        .Add("evidence", Evidence)
        .Add("startingPoint", StartingPoint)
        .Add("existingCompetence", ExistingCompetence)
        .Add("gaps", Gaps)
        .Add("rightLevel", RightLevel)
        .Add("nextReviewOn", NextReviewOn)
        .Add("completed", Completed)
        .Add("reviewNotes", ReviewNotes)
        .Add("author", CreatedBy)
        .Add("authorName", CreatedByName)
        .Add("createdAt", CreatedAt)
        .ToString();

    /// <summary>The latest version of each plan.</summary>
    public static IReadOnlyList<AssessmentPlan> Latest(IEnumerable<AssessmentPlan> versions) =>
        [.. versions.GroupBy(v => (v.EnrolmentId, v.PlanNumber)).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.PlanNumber)];

    /// <summary>A review is overdue when the plan is open and its next review date has passed.</summary>
    public bool IsOverdue(DateOnly today) => !Completed && NextReviewOn is { } next && next < today;
}
