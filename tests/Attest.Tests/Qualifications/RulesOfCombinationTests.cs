using Attest.Core.Qualifications;

namespace Attest.Tests.Qualifications;

/// <summary>
/// Seed 004: "To achieve this qualification, candidates must achieve a total of 42 credits made up as follows:
/// from mandatory Group A, candidates must achieve 12 credits; from the optional groups, candidates must
/// achieve 30 credits by completing a minimum of one unit from each optional group, of which a minimum
/// 10 credits must be achieved at Level 3."
/// </summary>
public class RulesOfCombinationTests
{
    private static readonly QualificationSpec Diploma = ShippedCatalogue.Diploma03456;

    private static CombinationResult Check(params string[] units) => RulesOfCombination.Check(Diploma, units);

    // F3 6 + F4 6 = 12; A13 6 (L3) + B10 6 (L3) + C3 6 (L2) + D8 8 (L3) + D2 5 (L2) = 31 optional, 20 at Level 3.
    private static readonly string[] Valid = ["F3", "F4", "A13", "B10", "C3", "D8", "D2"];

    [Fact]
    public void A_selection_meeting_every_rule_is_valid()
    {
        var result = Check(Valid);

        Assert.True(result.IsValid, string.Join("; ", result.Findings.Select(f => f.Message)));
        Assert.Equal(43, result.TotalCredits);
    }

    [Fact]
    public void Missing_a_mandatory_unit_names_it()
    {
        var result = Check("F3", "A13", "B10", "C3", "D8", "D2", "D3");

        var finding = Assert.Single(result.Findings, f => f.Rule == CombinationRule.MandatoryUnit);
        Assert.Contains("F4", finding.Message, StringComparison.Ordinal);
        Assert.Contains("group A", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_unit_from_group_D_says_which_units_would_do()
    {
        var result = Check("F3", "F4", "A13", "B10", "D8", "D2", "D3");

        var finding = Assert.Single(result.Findings, f => f.Rule == CombinationRule.UnitsFromEachGroup);
        Assert.Equal("Needs at least one unit from group D, Handling problems: C3-C8.", finding.Message);
        Assert.Equal("a minimum of one unit from each optional group", finding.RuleText);
    }

    [Fact]
    public void Unit_code_letters_are_not_group_letters()
    {
        // C3 is in group D and B10 in group C: a check by code letter would get both wrong.
        var result = Check(Valid);

        Assert.Equal("D", Diploma.GroupOf("C3")!.Id);
        Assert.Equal("C", Diploma.GroupOf("B10")!.Id);
        Assert.DoesNotContain(result.Findings, f => f.Rule == CombinationRule.UnitsFromEachGroup);
    }

    [Fact]
    public void Too_few_credits_says_how_many_more_are_needed()
    {
        // 12 mandatory + A3 5 + B2 5 + C3 6 + D1 6 = 34 credits.
        var result = Check("F3", "F4", "A3", "B2", "C3", "D1");

        var total = Assert.Single(result.Findings, f => f.Rule == CombinationRule.TotalCredits);
        Assert.Equal(8, total.Shortfall);
        Assert.Contains("8 more credits", total.Message, StringComparison.Ordinal);
        var optional = Assert.Single(result.Findings, f => f.Rule == CombinationRule.CreditsFromGroups);
        Assert.Equal(8, optional.Shortfall);
    }

    [Fact]
    public void Fewer_than_ten_optional_credits_at_level_3_is_refused()
    {
        // All Level 2 optional units: A5 6 + A7 6 + B5 8 + C3 6 + D1 6 = 32 credits, none at Level 3.
        var result = Check("F3", "F4", "A5", "A7", "B5", "C3", "D1");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(CombinationRule.CreditsAtLevels, finding.Rule);
        Assert.Equal(10, finding.Shortfall);
        Assert.Equal("of which a minimum 10 credits must be achieved at Level 3", finding.RuleText);
    }

    [Fact]
    public void Level_4_credits_count_towards_the_level_3_minimum()
    {
        // Decision 0003: B12 (8 credits, Level 4) + C8 (10, Level 4) meet "10 credits at Level 3".
        var result = Check("F3", "F4", "A5", "B12", "C8", "D1");

        Assert.True(result.IsValid, string.Join("; ", result.Findings.Select(f => f.Message)));
    }

    [Fact]
    public void The_mandatory_group_credits_do_not_count_as_optional_credits()
    {
        // F3 and F4 are Level 3 but in group A: the optional rules still want 10 credits at Level 3 from B-E.
        var result = Check("F3", "F4", "A5", "A7", "B5", "C3", "D1");

        Assert.Contains(result.Findings, f => f.Rule == CombinationRule.CreditsAtLevels);
    }

    [Fact]
    public void Unknown_and_duplicate_units_are_named()
    {
        var result = Check([.. Valid, "Z9", "C3"]);

        Assert.Contains(result.Findings, f => f.Rule == CombinationRule.UnknownUnit && f.Message.Contains("Z9", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Rule == CombinationRule.DuplicateUnit && f.Message.Contains("C3", StringComparison.Ordinal));
        Assert.Equal(43, result.TotalCredits);
    }

    [Fact]
    public void Unit_codes_are_matched_whatever_their_case()
    {
        Assert.True(Check("f3", "f4", "a13", "b10", "c3", "d8", "d2").IsValid);
    }

    [Fact]
    public void The_explanation_is_worded_from_the_rules_as_the_student_guide_states_them()
    {
        Assert.Equal(
        [
            "every unit of group A, Mandatory units: F3-F4",
            "at least 42 credits in all",
            "at least 12 credits from group A, Mandatory units",
            "at least 30 credits from groups B, C, D and E together",
            "at least one unit from each of groups B, C, D and E",
            "at least 10 credits at Level 3 or 4 from groups B, C, D and E together",
        ], RulesOfCombination.Explain(Diploma));
    }

    [Fact]
    public void A_qualification_without_rules_explains_that_every_unit_is_needed()
    {
        var noRules = Diploma with { Rules = null, Groups = [.. Diploma.Groups.Select(g => g with { Mandatory = false })] };
        Assert.Equal(["every unit of the qualification: no rules of combination are recorded for it"], RulesOfCombination.Explain(noRules));
    }
}
