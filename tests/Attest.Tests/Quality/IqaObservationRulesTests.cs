using Attest.Core;
using Attest.Core.Quality;

namespace Attest.Tests.Quality;

/// <summary>Issue 5: "IQA observations of assessors are recorded too"; never of oneself, with actions when development is needed.</summary>
public class IqaObservationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Iqa = Guid.NewGuid();
    private static readonly (Guid, string) Asha = (Guid.NewGuid(), "Asha Assessor");

    [Fact]
    public void Every_missing_part_is_named_by_its_field()
    {
        var refused = Assert.Throws<DomainRuleException>(() => IqaObservation.Record(Guid.NewGuid(), null, null, " ", null, null, null, null, Iqa, "Ian Quality", Now));
        Assert.Equal(
            ["ObservedOn", "AssessorId", "Activity", "Strengths", "Outcome"],
            refused.FieldReasons!.Select(e => e.Field));
    }

    [Fact]
    public void An_IQA_cannot_observe_themselves_nor_record_an_observation_not_yet_made()
    {
        var refused = Assert.Throws<DomainRuleException>(() => IqaObservation.Record(Guid.NewGuid(), new DateOnly(2026, 11, 28), (Iqa, "Ian Quality"), "Observed a discussion.", "Clear questions.", null,
            ObservationOutcome.Satisfactory, null, Iqa, "Ian Quality", Now));
        Assert.Equal(
            ["Record an observation once it has taken place: the date is in the future", "An assessor can never be IQA of their own assessments: choose another assessor"],
            refused.Reasons);
    }

    [Fact]
    public void Development_needed_requires_what_to_develop_and_the_actions_and_a_satisfactory_one_needs_neither()
    {
        var refused = Assert.Throws<DomainRuleException>(() => IqaObservation.Record(Guid.NewGuid(), new DateOnly(2026, 11, 27), Asha, "Observed Sam at the desk, C3.", "Good questions.", "Feedback was vague.",
            ObservationOutcome.DevelopmentNeeded, " ", Iqa, "Ian Quality", Now));
        Assert.Equal(("Actions", "Development needed: say what the assessor should develop and the actions they must take"), refused.FieldReasons!.Single());

        var kept = IqaObservation.Record(Guid.NewGuid(), new DateOnly(2026, 11, 27), Asha, " Observed Sam at the desk, C3. ", "Good questions.", " ", ObservationOutcome.Satisfactory, null, Iqa, "Ian Quality", Now);
        Assert.Equal(("Observed Sam at the desk, C3.", null, "Asha Assessor"), (kept.Activity, kept.Development, kept.AssessorName));
        Assert.Contains("outcome: Satisfactory", kept.SignedContent(), StringComparison.Ordinal);
    }
}
