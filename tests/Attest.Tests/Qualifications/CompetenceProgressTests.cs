using Attest.Core.Qualifications;

namespace Attest.Tests.Qualifications;

/// <summary>Seed 004: "you must provide enough evidence to meet all the criteria in every unit you are claiming".</summary>
public class CompetenceProgressTests
{
    private static readonly UnitSpec C3 = ShippedCatalogue.Diploma03456.FindUnit("C3")!;

    [Fact]
    public void C3_has_twenty_one_criteria_in_four_learning_outcomes()
    {
        Assert.Equal(4, C3.LearningOutcomes.Count);
        Assert.Equal(21, C3.Criteria.Count());
        Assert.Equal("Recognise repeated problems and alert the appropriate authority", C3.FindCriterion("1.3")!.Text);
    }

    [Fact]
    public void A_unit_is_complete_only_when_every_criterion_is_met()
    {
        var allButOne = C3.Criteria.Where(c => c.Ref != "4.5").ToDictionary(c => c.Ref, _ => CriterionStatus.Met);

        var progress = CompetenceProgress.Evaluate(C3, allButOne);

        Assert.False(progress.IsComplete);
        Assert.Equal(20, progress.Met);
        Assert.Equal("20 of 21 criteria met", progress.Summary);
        Assert.Contains(progress.Outstanding, o => o.StartsWith("4.5 ", StringComparison.Ordinal) && o.EndsWith("not yet assessed", StringComparison.Ordinal));

        allButOne["4.5"] = CriterionStatus.Met;
        Assert.True(CompetenceProgress.Evaluate(C3, allButOne).IsComplete);
    }

    [Fact]
    public void A_criterion_not_yet_met_is_reported_as_such()
    {
        var progress = CompetenceProgress.Evaluate(C3, new Dictionary<string, CriterionStatus> { ["2.3"] = CriterionStatus.NotYetMet });

        Assert.Contains(progress.Outstanding, o => o.StartsWith("2.3 ", StringComparison.Ordinal) && o.EndsWith("not yet met", StringComparison.Ordinal));
    }

    [Fact]
    public void A_unit_without_criteria_in_the_catalogue_cannot_be_assessed_and_says_why()
    {
        var a3 = ShippedCatalogue.Diploma03456.FindUnit("A3")!;

        var progress = CompetenceProgress.Evaluate(a3, new Dictionary<string, CriterionStatus>());

        Assert.False(progress.IsComplete);
        Assert.Equal("Cannot be assessed yet", progress.Summary);
        Assert.Contains("OCR's student guide gives only", Assert.Single(progress.Outstanding), StringComparison.Ordinal);
    }
}
