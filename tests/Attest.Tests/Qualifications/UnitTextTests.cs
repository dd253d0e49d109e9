using Attest.Core.Qualifications;

namespace Attest.Tests.Qualifications;

/// <summary>
/// A unit's outcomes, criteria and evidence requirements as typed on the unit form: every shipped unit reads back from its
/// own text unchanged, and each kind of mistake is named with its line.
/// </summary>
public class UnitTextTests
{
    public static TheoryData<string, string> ShippedUnits()
    {
        var units = new TheoryData<string, string>();
        foreach (var q in ShippedCatalogue.Catalogue.Qualifications)
        {
            foreach (var u in q.Units.Where(u => u.IsAssessable))
            {
                units.Add(q.Code, u.Code);
            }
        }

        return units;
    }

    [Theory]
    [MemberData(nameof(ShippedUnits))]
    public void Every_shipped_unit_written_as_text_reads_back_the_same(string qualification, string unitCode)
    {
        var spec = ShippedCatalogue.Catalogue.Find(qualification)!;
        var unit = spec.FindUnit(unitCode)!;
        var (outcomes, errors) = UnitText.ReadOutcomes(UnitText.WriteOutcomes(unit.LearningOutcomes), spec.Assessment == AssessmentKind.Graded);
        Assert.Empty(errors);
        Assert.Equal(Flatten(unit.LearningOutcomes), Flatten(outcomes));
        var (requirements, requirementErrors) = UnitText.ReadRequirements(UnitText.WriteRequirements(unit.EvidenceRequirements));
        Assert.Empty(requirementErrors);
        Assert.Equal(
            unit.EvidenceRequirements.Select(r => (r.Ref, r.Text, r.ProblemTypes, string.Join("|", r.Items.Select(i => $"{i.Ref} {i.Occasion} {i.Text}")))),
            requirements.Select(r => (r.Ref, r.Text, r.ProblemTypes, string.Join("|", r.Items.Select(i => $"{i.Ref} {i.Occasion} {i.Text}")))));
    }

    [Fact]
    public void Tags_and_continued_lines_read_as_a_person_means_them()
    {
        var (outcomes, errors) = UnitText.ReadOutcomes(
            "Outcome 1: Spot customer service problems\n1.3 [x2] Recognise repeated problems\n   and alert the appropriate authority\n\nLO 3: Know how to\n3.1. [knowledge] Explain the procedures", graded: false);
        Assert.Empty(errors);
        Assert.Equal(
            [("1", "1.3", CriterionKind.Performance, 2, "Recognise repeated problems and alert the appropriate authority"), ("3", "3.1", CriterionKind.Knowledge, 1, "Explain the procedures")],
            outcomes.SelectMany(lo => lo.Criteria.Select(c => (lo.Ref, c.Ref, c.Kind, c.MinInstances, c.Text))));
    }

    [Fact]
    public void Each_mistake_is_named_with_its_line()
    {
        var (_, errors) = UnitText.ReadOutcomes("Outcome 1: Plan\nP1 Describe the plan\nM1 [merrit] Explain it\nSome words with no reference\nOutcome 2: Nothing under it", graded: true);
        Assert.Equal(
        [
            new UnitTextError(2, "criterion P1 of a graded unit needs [pass], [merit] or [distinction]"),
            new UnitTextError(3, "[merrit] is not a tag Attest knows: use [knowledge], [performance], [pass], [merit], [distinction], or [x2] for a criterion needing two pieces of evidence"),
            new UnitTextError(3, "criterion M1 of a graded unit needs [pass], [merit] or [distinction]"),
            new UnitTextError(4, "\"Some words with no reference\" has no reference first: begin the line with one, such as 1.1 or P1, then the wording"),
            new UnitTextError(0, "outcome 2 has no criteria: add them on the lines below it"),
        ], errors);
        var (_, requirementErrors) = UnitText.ReadRequirements("1a an item before any requirement\nRequirement 1: [problem types] Types of problem\n1a [lunchtime] a problem");
        Assert.Equal(
        [
            new UnitTextError(1, "start with the requirement the items belong to, for example \"Requirement 1: You must provide evidence that ...\""),
            new UnitTextError(3, "[lunchtime] is not an occasion: use [routine], [busy time], [quiet time] or [let down]"),
        ], requirementErrors);
    }

    private static IEnumerable<(string, string, string, CriterionKind, GradeBand?, int, string)> Flatten(IEnumerable<LearningOutcomeSpec> outcomes) =>
        outcomes.SelectMany(lo => lo.Criteria.Select(c => (lo.Ref, lo.Title, c.Ref, c.Kind, c.Grade, c.MinInstances, c.Text)));
}
