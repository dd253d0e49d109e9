using Attest.Core;
using Attest.Core.Assessment;
using Attest.Core.Portfolios;
using Attest.Core.Quality;

namespace Attest.Tests.Quality;

/// <summary>IQA review rules (product.md, seed 004's internal verifier): never of one's own decisions, a view on every decision, reasons and actions for a disagreement.</summary>
public class IqaReviewRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Assessor = Guid.NewGuid();
    private static readonly Guid Iqa = Guid.NewGuid();

    private static (Enrolment Enrolment, CriterionDecision[] Decisions) Assessed()
    {
        var enrolment = Enrolment.Create(Guid.NewGuid(), Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 9, 1), Now);
        enrolment.AssignAssessor(Assessor);
        var unit = C3();
        CriterionDecision Decide(string criterion) => CriterionDecision.Record(enrolment, unit, criterion, DecisionOutcome.Met, "Seen in E002.", "C3 " + criterion + ": E002 page 1 shows it.", ["E002"], Assessor, "Asha Assessor", Guid.NewGuid(), 0, [], Now);
        return (enrolment, [Decide("1.1"), Decide("1.2")]);
    }

    private static Core.Qualifications.UnitSpec C3() => ShippedCatalogue.Diploma03456.FindUnit("C3")!;

    [Fact]
    public void An_assessor_is_never_IQA_of_their_own_decisions()
    {
        var (enrolment, decisions) = Assessed();
        var refused = Assert.Throws<DomainRuleException>(() => IqaReview.Record(enrolment, C3(), decisions, [], [], [new("1.1", true, null), new("1.2", true, null)],
            "C3 1.1 and 1.2 are soundly judged on E002.", null, Assessor, "Asha Assessor", Now));
        Assert.Contains("An assessor can never be IQA of their own decisions: Asha Assessor assesses this unit for this candidate.", refused.Reasons);
    }

    [Fact]
    public void Every_decision_needs_a_view_and_a_disagreement_needs_a_reason_and_actions()
    {
        var (enrolment, decisions) = Assessed();
        var refused = Assert.Throws<DomainRuleException>(() => IqaReview.Record(enrolment, C3(), decisions, [], [], [new("1.2", false, " ")], "", null, Iqa, "Ian IQA", Now));
        Assert.Equal(
            ["Say whether you agree with the decision on 1.1", "Say why you disagree with the decision on 1.2", "Feedback to the assessor is required",
             "Record the actions the assessor must take: a disagreement reopens the decision until they are done"],
            refused.Reasons);

        var review = IqaReview.Record(enrolment, C3(), decisions, [], [], [new("1.1", true, null), new("1.2", false, "E002 shows one problem, not the pattern 1.2 asks for")],
            "C3 1.2: E002 is a single occasion; the justification does not say how 1.2's monitoring was seen.", "Re-examine 1.2 against E003 and E004 and record why.", Iqa, "Ian IQA", Now);
        Assert.Equal((IqaOutcome.Disagree, IqaStage.Interim, 1), (review.Outcome, review.Stage, review.Sequence));
        Assert.Equal("1.1 Met r1 agree\n1.2 Met r1 disagree: E002 shows one problem, not the pattern 1.2 asks for\n", review.Findings);
        Assert.StartsWith("Unit C3: the IQA (Ian IQA) disagreed on 27 November 2026", IqaReview.HoldOf([review], "C3"), StringComparison.Ordinal);

        var agreed = IqaReview.Record(enrolment, C3(), decisions, [], [review], [new("1.1", true, null), new("1.2", true, null)], "C3 1.2 now justified on E003 and E004.", null, Iqa, "Ian IQA", Now.AddDays(2));
        Assert.Equal(2, agreed.Sequence);
        Assert.Null(IqaReview.HoldOf([review, agreed], "C3"));
    }
}
