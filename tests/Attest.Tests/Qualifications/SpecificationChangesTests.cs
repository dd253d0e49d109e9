using Attest.Core;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Tests.Qualifications;

/// <summary>
/// What a new version of a specification changes (issue 16), worked out from OCR's 03456 as shipped: OCR unit C3, learning
/// outcome 1, criterion 1.2 "Ask customers about the problem to check their understanding", reworded, removed or added to;
/// and moving a learner between versions, which keeps their record and says what changed for their units.
/// </summary>
public class SpecificationChangesTests
{
    private static readonly QualificationSpec Shipped = ShippedCatalogue.Diploma03456;
    private static readonly DateTime Now = new(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_same_specification_from_another_file_or_version_changes_nothing()
    {
        var copy = Shipped with { SourceFile = "uploaded.yaml", SpecificationId = Guid.NewGuid(), Version = 3 };
        Assert.True(SpecificationChanges.Between(Shipped, copy).IsEmpty);
    }

    [Fact]
    public void A_reworded_criterion_is_named_with_both_wordings()
    {
        var changes = SpecificationChanges.Between(Shipped, Version(1, C3 => Criteria(C3, c => c.Ref == "1.2" ? c with { Text = "Ask customers about the problem to check what they expect" } : c)));
        Assert.Equal(
            ["C3: criterion 1.2 reworded from \"Ask customers about the problem to check their understanding\" to \"Ask customers about the problem to check what they expect\""],
            changes.Describe());
    }

    [Fact]
    public void Removed_added_and_otherwise_changed_criteria_and_units_are_each_named()
    {
        var newer = Version(1, c3 => Criteria(c3, c => c.Ref switch
        {
            "1.2" => null,
            "1.3" => c with { MinInstances = 3 },
            _ => c,
        }, added: new CriterionSpec("1.6", CriterionKind.Performance, null, "Test wording: a criterion added")) with { Aim = "Another aim" });
        newer = newer with { Units = [.. newer.Units.Where(u => u.Code != "C5")], Notes = Shipped.Notes + " (corrected)" };
        var lines = SpecificationChanges.Between(Shipped, newer).Describe();
        Assert.Contains("C3: criterion 1.2 removed (was \"Ask customers about the problem to check their understanding\")", lines);
        Assert.Contains("C3: criterion 1.3: kind, grade or number of instances changed", lines);
        Assert.Contains("C3: criterion 1.6 added: \"Test wording: a criterion added\"", lines);
        Assert.Contains("C3: title, credits, learning outcomes, evidence requirements, policy or grading changed", lines);
        Assert.Contains("unit C5 Monitor and solve customer service problems removed", lines);
        Assert.Contains("the qualification's title, dates, notes, unit groups or rules of combination changed", lines);
    }

    [Fact]
    public void A_learners_record_keeps_the_changes_to_their_own_units()
    {
        var changes = SpecificationChanges.Between(Shipped, Version(1, c3 => c3 with { Aim = "Another aim" }));
        Assert.Empty(changes.For(["F3", "F4"]).Units);
        Assert.Single(changes.For(["F3", "c3"]).Units);
    }

    [Fact]
    public void A_move_to_a_later_version_keeps_the_learner_on_their_units_and_records_what_changed_for_them()
    {
        var v1 = Version(1, c3 => c3);
        var v2 = Version(2, c3 => Criteria(c3, c => c.Ref == "1.2" ? c with { Text = "Reworded" } : c));
        var enrolment = Enrol(v1);
        var change = enrolment.MoveToVersion(v1, v2, "Wording corrected by OCR.", Guid.NewGuid(), "admin", Now);
        Assert.Equal(v2.SpecificationId, enrolment.SpecificationId);
        Assert.Equal((EnrolmentAct.SpecificationMoved, "Wording corrected by OCR."), (change.Act, change.Reason));
        Assert.Equal("from version 1 to version 2\nC3: criterion 1.2 reworded from \"Ask customers about the problem to check their understanding\" to \"Reworded\"", change.Changes);
        Assert.Contains("changes: from version 1 to version 2\\nC3: criterion 1.2 reworded", change.SignedContent(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_move_is_refused_backwards_without_a_reason_to_a_version_missing_a_unit_or_after_withdrawal()
    {
        var v1 = Version(1, c3 => c3);
        var enrolment = Enrol(Version(2, c3 => c3));
        var backwards = Assert.Throws<DomainRuleException>(() => enrolment.MoveToVersion(Version(2, c3 => c3) with { SpecificationId = enrolment.SpecificationId }, v1, " ", Guid.NewGuid(), "admin", Now));
        Assert.Contains(("Version", "The learner is on version 2: they can move only to a later version."), backwards.FieldReasons!);
        Assert.Contains(backwards.FieldReasons!, r => r.Field == "Reason");

        var v2 = Version(2, c3 => c3) with { Units = [.. Shipped.Units.Where(u => u.Code != "D8")] };
        var onOne = Enrol(v1);
        var missing = Assert.Throws<DomainRuleException>(() => onOne.MoveToVersion(v1, v2, "Corrected.", Guid.NewGuid(), "admin", Now));
        Assert.Contains(("Version", "version 2 has no unit D8, which the learner is enrolled on: add the unit to that version first."), missing.FieldReasons!);
        Assert.Equal(v1.SpecificationId, onOne.SpecificationId);

        onOne.Withdraw(DateOnly.FromDateTime(Now), "Left the course.", Guid.NewGuid(), "admin", Now);
        var v3 = Version(3, c3 => c3 with { Aim = "Another aim" });
        Assert.Throws<DomainRuleException>(() => onOne.MoveToVersion(v1, v3, "Corrected.", Guid.NewGuid(), "admin", Now));
    }

    private static Enrolment Enrol(QualificationSpec spec) =>
        Enrolment.Create(Guid.NewGuid(), Guid.NewGuid(), spec, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 9, 1), Now);

    /// <summary>A centre's version of 03456 whose C3 is <paramref name="c3"/> of the shipped one.</summary>
    private static QualificationSpec Version(int number, Func<UnitSpec, UnitSpec> c3) => Shipped with
    {
        SpecificationId = Guid.NewGuid(), Version = number,
        Units = [.. Shipped.Units.Select(u => u.Code == "C3" ? c3(u) : u)],
    };

    private static UnitSpec Criteria(UnitSpec unit, Func<CriterionSpec, CriterionSpec?> change, CriterionSpec? added = null) => unit with
    {
        LearningOutcomes = [.. unit.LearningOutcomes.Select((lo, i) => lo with
        {
            Criteria = [.. lo.Criteria.Select(change).OfType<CriterionSpec>().Concat(i == 0 && added is not null ? [added] : [])],
        })],
    };
}
