using Attest.Core;
using Attest.Core.Portfolios;

namespace Attest.Tests.Portfolios;

/// <summary>
/// Seed 004: "one piece of evidence can be used for more than one unit. In these cases, you should clearly cross-reference
/// the evidence to the units and elements it covers, indicating specific assessment criteria."
/// </summary>
public class CriterionMappingTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Enrolment = Guid.NewGuid();

    private static readonly EvidenceItem Log = new() { Reference = "E004", Title = "Problem log", Kind = EvidenceKind.UploadedFile, OriginalFileName = "log.pdf", ContentType = "application/pdf", StoredName = "ab/cdef", PageCount = 9 };

    private static MappingChoice Choice(string unit, string criterion, string? locator) => new(Enrolment, unit, criterion, $"{unit} {criterion}", locator);

    [Fact]
    public void Criteria_across_units_are_mapped_together_each_with_its_page_and_the_one_note()
    {
        var mappings = CriterionMapping.Map(Log, [Choice("C3", "1.1", "2"), Choice("C3", "1.2", "3-4"), Choice("F3", "1.1", null)], [], " The late delivery ", Now);
        Assert.Equal([("C3", "1.1", "page 2"), ("C3", "1.2", "pages 3-4"), ("F3", "1.1", null)], mappings.Select(m => (m.UnitCode, m.CriterionRef, m.Locator)));
        Assert.All(mappings, m => Assert.Equal("The late delivery", m.Note));
    }

    [Fact]
    public void Every_bad_choice_is_refused_with_its_criterion_and_none_is_kept()
    {
        var existing = new EvidenceMapping { EnrolmentId = Enrolment, UnitCode = "C3", CriterionRef = "2.1" };
        var rule = Assert.Throws<DomainRuleException>(() => CriterionMapping.Map(Log, [Choice("C3", "1.1", "1"), Choice("C3", "1.2", "14"), Choice("C3", "2.1", null)], [existing], null, Now));
        Assert.Equal(
            [("[1].Locator", "C3 1.2: E004 has 9 pages, so it has no page 14 (\"14\"): give pages from 1 to 9"), ("[2].Chosen", "C3 2.1: E004 is already mapped to this criterion; change that mapping instead")],
            rule.FieldReasons);
    }

    [Fact]
    public void Nothing_chosen_is_refused() =>
        Assert.Equal("Choose at least one criterion this evidence shows", Assert.Throws<DomainRuleException>(() => CriterionMapping.Map(Log, [], [], null, Now)).Message);

    [Fact]
    public void A_mapping_is_changed_until_judged_and_then_refused()
    {
        // Seed 003: "the evidence must always be assessed against the assessment criteria for each unit": once judged for a unit, the mapping it was judged on stays.
        var mapping = new EvidenceMapping { EnrolmentId = Enrolment, UnitCode = "C3", CriterionRef = "1.1", Locator = "page 1" };
        CriterionMapping.Change(mapping, Log, "5", "The apology", judged: false);
        Assert.Equal(("page 5", "The apology"), (mapping.Locator, mapping.Note));
        var rule = Assert.Throws<DomainRuleException>(() => CriterionMapping.Change(mapping, Log, "6", null, judged: true));
        Assert.StartsWith("Your assessor has judged E004 for unit C3", rule.Message, StringComparison.Ordinal);
        Assert.Equal("page 5", mapping.Locator);
        Assert.Equal("Locator", Assert.Single(Assert.Throws<DomainRuleException>(() => CriterionMapping.Change(mapping, Log, "10", null, judged: false)).FieldReasons!).Field);
    }
}
