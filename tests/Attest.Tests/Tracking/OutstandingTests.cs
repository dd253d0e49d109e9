using Attest.Core.Assessment;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Core.Tracking;

namespace Attest.Tests.Tracking;

/// <summary>
/// Issue 5 tracking: the candidate view says "what is missing", the caseload lists "items awaiting decision". Seed 004:
/// the assessor will "give you feedback" on a decision, and the candidate answers "not yet met" with more evidence.
/// </summary>
public class OutstandingTests
{
    private static readonly DateTime Mapped = new(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Decided = new(2026, 10, 8, 9, 0, 0, DateTimeKind.Utc);
    private static readonly UnitSpec C3 = ShippedCatalogue.Diploma03456.FindUnit("C3")!;
    private static readonly Enrolment Enrolment = Make();

    private static Enrolment Make()
    {
        var enrolment = Enrolment.Create(Guid.NewGuid(), Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 9, 1), Mapped);
        enrolment.AssignAssessor(Guid.NewGuid());
        return enrolment;
    }

    private static CriterionDecision Decide(string criterion, DecisionOutcome outcome) =>
        CriterionDecision.Record(Enrolment, C3, criterion, outcome, "Judged on E002.", $"C3 {criterion}: E002 page 1 shows what you did and said.", ["E002"],
            Enrolment.AssessorId!.Value, "Asha Assessor", Guid.NewGuid(), 0, [], Decided);

    private static IReadOnlyList<OutstandingCriterion> Of(IEnumerable<MappedOn> mappings, params CriterionDecision[] decisions) =>
        Outstanding.Of(CompetenceProgress.Evaluate(C3, CriterionDecision.Latest(decisions)), mappings, decisions);

    [Fact]
    public void Every_criterion_of_a_fresh_unit_needs_evidence()
    {
        var outstanding = Of([]);
        Assert.Equal(C3.Criteria.Count(), outstanding.Count);
        Assert.All(outstanding, o => Assert.Equal((CriterionNeed.NoEvidence, "No evidence mapped yet"), (o.Need, o.Explanation)));
    }

    [Fact]
    public void Mapped_evidence_with_no_decision_since_awaits_the_assessor_and_a_met_criterion_is_not_missing()
    {
        var outstanding = Of([new("C3", "1.1", Mapped), new("c3", "1.2", Mapped), new("C3", "1.3", Mapped), new("F3", "1.4", Mapped)], Decide("1.1", DecisionOutcome.Met));
        Assert.DoesNotContain(outstanding, o => o.CriterionRef == "1.1");
        var awaiting = outstanding.Where(o => o.Need == CriterionNeed.AwaitingDecision).ToList();
        Assert.Equal(["1.2", "1.3"], awaiting.Select(o => o.CriterionRef));
        Assert.Equal("Evidence mapped on 1 October 2026, awaiting the assessor's decision", awaiting[0].Explanation);
        // Evidence mapped to another unit's 1.4 is not evidence for C3's.
        Assert.Equal(CriterionNeed.NoEvidence, outstanding.Single(o => o.CriterionRef == "1.4").Need);
    }

    [Fact]
    public void Not_yet_met_waits_for_the_candidate_until_new_evidence_is_mapped_then_awaits_the_assessor_again()
    {
        var notYet = Decide("1.2", DecisionOutcome.NotYetMet);
        var before = Of([new("C3", "1.2", Mapped)], notYet).Single(o => o.CriterionRef == "1.2");
        Assert.Equal((CriterionNeed.NotYetMet, (DateTime?)Decided), (before.Need, before.Since));
        Assert.Equal("Not yet met on 8 October 2026: act on the assessor's feedback and map new evidence", before.Explanation);

        var answered = Of([new("C3", "1.2", Mapped), new("C3", "1.2", Decided.AddDays(3))], notYet).Single(o => o.CriterionRef == "1.2");
        Assert.Equal((CriterionNeed.AwaitingDecision, (DateTime?)Decided.AddDays(3)), (answered.Need, answered.Since));

        // An observation recorded as not yet met, with nothing mapped at all, is still the candidate's to answer.
        Assert.Equal(CriterionNeed.NotYetMet, Of([], notYet).Single(o => o.CriterionRef == "1.2").Need);
    }

    [Fact]
    public void On_a_graded_unit_merit_and_distinction_criteria_say_which_grade_needs_them()
    {
        // Seed 000: "For a merit, you need to produce evidence to meet the requirements of all the pass criteria ... and ... all the merit criteria."
        var unit7 = ShippedCatalogue.CambridgeTechnical.FindUnit("7")!;
        var outstanding = Outstanding.Of(CompetenceProgress.Evaluate(unit7, new Dictionary<string, CriterionStatus>()), [], []);
        Assert.Equal("No evidence mapped yet", outstanding.Single(o => o.CriterionRef == "P1").Explanation);
        Assert.Equal("No evidence mapped yet (needed for a merit)", outstanding.Single(o => o.CriterionRef == "M1").Explanation);
        Assert.Equal("No evidence mapped yet (needed for a distinction)", outstanding.Single(o => o.CriterionRef == "D1").Explanation);
    }
}
