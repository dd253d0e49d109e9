using Attest.Web.Features.Planning;
using Attest.Core.Assessment;
using Attest.Core.Tracking;
using Attest.Web.Features.Reviews;

namespace Attest.Web.Features.Shared;

/// <summary>
/// One learner on a list, as kept (<see cref="Core.Tracking.TrackedStanding"/>): the tracking row, the units, the criteria
/// awaiting a decision, graded work handed in and not yet assessed, the plans needing attention and, for an apprentice,
/// their overdue progress reviews (assessor's lists only; <see cref="Reviews"/> is null for an enrolment that is no apprenticeship).
/// </summary>
public sealed record LearnerRow(
    EnrolmentTrack Track, IReadOnlyList<KeptUnit> Units, IReadOnlyList<KeptAwaiting> Awaiting, IReadOnlyList<GradedSubmission> WorkAwaitingAssessment,
    IReadOnlyList<PlanningOverview.Attention> Plans, OverdueReviews? Reviews = null);

/// <summary>The search and filter form above a list of learners.</summary>
/// <param name="ByAssessor">Whether the list spans assessors, so that filtering and showing by assessor means something.</param>
/// <param name="Standings">Whether the list can be filtered by standing and units (lists of tracked enrolments).</param>
/// <param name="ReviewFilter">Whether to offer the filter on an overdue progress review (lists with apprentices on them).</param>
public sealed record LearnerFiltersModel(LearnerQuery Query, LearnerChoices Choices, bool ByAssessor, bool Standings = true, bool ReviewFilter = false);

/// <summary>A compact table of learners, one row each, with their units folded under it.</summary>
/// <param name="Caption">What the table lists, for screen readers and the scrolling region's name.</param>
/// <param name="UnitsUnder">The folder whose unit pages this reader opens: /Assessor or /Iqa.</param>
/// <param name="RecordLinks">Whether to offer the assessor's records, plans and work awaiting a decision.</param>
public sealed record LearnerTableModel(string Caption, IReadOnlyList<LearnerRow> Rows, string UnitsUnder, bool ByAssessor, bool RecordLinks, DateOnly Today);
