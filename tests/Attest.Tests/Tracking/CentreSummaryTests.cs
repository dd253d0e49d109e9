using Attest.Core.Assessment;
using Attest.Core.Tracking;

namespace Attest.Tests.Tracking;

/// <summary>Issue 5: "centre dashboard (progress, achievement, IQA coverage, overdue actions)", computed from the tracked enrolments.</summary>
public class CentreSummaryTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly Dictionary<string, Guid> AssessorIds = [];

    /// <summary>One candidate's enrolment as the database groups it (a group of one; groups of several add up the same way).</summary>
    private static TrackGroup Track(string name, string qualification, string assessor, Rag? rag, int met, int total, int signedOff = 0, int reviewed = 0, int summative = 0,
        bool claimed = false) =>
        new(qualification, qualification == "03456" ? "Diploma" : "Certificate",
            assessor == CentreSummary.Unassigned ? null : AssessorIds.TryGetValue(assessor, out var id) ? id : AssessorIds[assessor] = Guid.NewGuid(), assessor, rag, reviewed > 0, claimed,
            1, met, total, 7, signedOff, claimed ? 7 : 0, summative);

    private static CentreSummary Of(params TrackGroup[] groups) => CentreSummary.Of(groups, [], 0, Today);

    [Fact]
    public void Progress_and_achievement_are_summed_per_qualification_and_standing_counted_per_candidate()
    {
        var summary = Of(
            Track("Ann", "03456", "Asha", Rag.Green, 30, 40, signedOff: 2),
            Track("Ben", "03456", "Asha", Rag.Red, 10, 40),
            Track("Cy", "10379", "Bo", Rag.Amber, 5, 20, signedOff: 7, claimed: true),
            Track("Di", "10379", "Bo", null, 0, 20));

        Assert.Equal(new StandingCounts(1, 1, 1, 1), summary.Standing);
        Assert.Equal(
            [new QualificationSummary("03456", "Diploma", 2, 40, 80, 14, 2, 0, 0), new QualificationSummary("10379", "Certificate", 2, 5, 40, 14, 7, 7, 1)],
            summary.Qualifications);
        Assert.Equal([50, 12], summary.Qualifications.Select(q => q.PercentMet)); // 5 of 40 is 12.5%: rounded down
    }

    [Fact]
    public void IQA_coverage_is_the_share_of_each_assessors_signed_off_units_with_a_summative_review()
    {
        var summary = Of(
            Track("Ann", "03456", "Asha", Rag.Green, 40, 40, signedOff: 4, reviewed: 3, summative: 3),
            Track("Ben", "03456", "Asha", Rag.Green, 20, 40, signedOff: 0, reviewed: 1),
            Track("Cy", "03456", "Asha", Rag.Green, 20, 40),
            Track("Di", "03456", "Bo", Rag.Green, 20, 40),
            Track("Ed", "03456", CentreSummary.Unassigned, null, 0, 40));

        Assert.Equal(["Asha", "Bo", CentreSummary.Unassigned], summary.Coverage.Select(c => c.AssessorName));
        var asha = summary.Coverage[0];
        Assert.Equal((3, 2, 4, 3, 75, 66), (asha.Candidates, asha.CandidatesReviewed, asha.UnitsSignedOff, asha.SignedOffUnitsReviewed, asha.PercentSummative, asha.PercentCandidates));
        Assert.Null(summary.Coverage[1].PercentSummative); // nothing signed off: no share to show, not 0%

        // Two assessors who share a name are two rows.
        var namesake = Track("Fay", "03456", "Asha", Rag.Green, 1, 40) with { AssessorId = Guid.NewGuid() };
        Assert.Equal(2, Of(Track("Ann", "03456", "Asha", Rag.Green, 1, 40), namesake).Coverage.Count);
    }

    [Fact]
    public void An_action_is_overdue_from_the_day_after_it_fell_due_and_the_oldest_comes_first()
    {
        var id = Guid.NewGuid();
        OpenAction Action(string what, DateOnly due) => new(id, "Ann", what, due.AddDays(-28), due);
        var summary = CentreSummary.Of(
            [Track("Ann", "03456", "Asha", Rag.Green, 1, 40)], [Action("due today", Today), Action("due yesterday", Today.AddDays(-1)), Action("long overdue", Today.AddDays(-40))], 1, Today);
        Assert.Equal(["long overdue", "due yesterday"], summary.Overdue.Select(a => a.What));
    }

    [Fact]
    public void A_candidate_with_nothing_assessable_is_not_said_to_lack_a_planned_end()
    {
        Assert.Equal("Nothing to assess yet", TrackingTable.StandingOf(new PaceForecast(0, 0, null, null, "")));
        Assert.Equal("No planned end", TrackingTable.StandingOf(new PaceForecast(3, 40, null, null, "")));
    }

    [Fact]
    public void The_export_writes_dates_as_ISO_numbers_invariantly_and_names_the_standing()
    {
        var track = new EnrolmentTrack(Guid.NewGuid(), "Ann", null, "1234567899", "03456", "Diploma", null, "Asha", new(2026, 1, 1), new DateOnly(2027, 3, 5),
            7, 0, 0, false, 30, 40, 0, null, new PaceForecast(30, 40, null, Rag.Amber, ""), 0, 0, []);
        var cells = TrackingTable.Columns.ToDictionary(c => c.Header, c => TrackingTable.Text(c.Value(track)));
        Assert.Equal(("2027-03-05", "2026-01-01", "75", "At risk", "", "No"), (cells["Planned end"], cells["Registered on"], cells["Percent met"], cells["Standing"], cells["Next review"], cells["Qualification claimed"]));
    }
}
