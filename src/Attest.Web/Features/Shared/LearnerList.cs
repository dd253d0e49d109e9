using Attest.Web.Features.Planning;
using Attest.Core.Assessment;
using Attest.Core.Tracking;

namespace Attest.Web.Features.Shared;

/// <summary>
/// One learner on a list, as kept (<see cref="Core.Tracking.TrackedStanding"/>): the tracking row, the units, the criteria
/// awaiting a decision, graded work handed in and not yet assessed, and the plans needing attention (assessor's lists only).
/// </summary>
public sealed record LearnerRow(
    EnrolmentTrack Track, IReadOnlyList<KeptUnit> Units, IReadOnlyList<KeptAwaiting> Awaiting, IReadOnlyList<GradedSubmission> WorkAwaitingAssessment,
    IReadOnlyList<PlanningOverview.Attention> Plans);

/// <summary>The search and filter form above a list of learners.</summary>
/// <param name="ByAssessor">Whether the list spans assessors, so that filtering and showing by assessor means something.</param>
public sealed record LearnerFiltersModel(LearnerQuery Query, LearnerChoices Choices, bool ByAssessor);

/// <summary>A compact table of learners, one row each, with their units folded under it.</summary>
/// <param name="Caption">What the table lists, for screen readers and the scrolling region's name.</param>
/// <param name="UnitsUnder">The folder whose unit pages this reader opens: /Assessor or /Iqa.</param>
/// <param name="RecordLinks">Whether to offer the assessor's records, plans and work awaiting a decision.</param>
public sealed record LearnerTableModel(string Caption, IReadOnlyList<LearnerRow> Rows, string UnitsUnder, bool ByAssessor, bool RecordLinks, DateOnly Today);
