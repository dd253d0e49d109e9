using Attest.Core.Qualifications;

namespace Attest.Tests.Qualifications;

public class CatalogueTests
{
    private static readonly Catalogue Shipped = ShippedCatalogue.Catalogue;

    [Fact]
    public void The_shipped_catalogue_holds_the_five_qualifications_of_the_seeds()
    {
        Assert.Equal(["03455", "03456", "10379", "10380", "CTL2-CS"], Shipped.Qualifications.Select(q => q.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Diploma_03456_has_all_59_units_of_groups_A_to_E_with_their_credits_and_levels()
    {
        var diploma = ShippedCatalogue.Diploma03456;

        Assert.Equal(59, diploma.Units.Count);
        Assert.Equal([2, 16, 15, 6, 20], diploma.Groups.Select(g => g.Units.Count));
        Assert.All(diploma.Units, u => Assert.True(u.Credits > 0 && u.Level is >= 2 and <= 4 && u.AccreditationNumber is not null, u.Code));
        var b13 = diploma.FindUnit("B13")!;
        Assert.Equal(("A/601/1236", "Plan, organise and control customer service operations", 10, 4), (b13.AccreditationNumber, b13.Title, b13.Credits!.Value, b13.Level!.Value));
    }

    [Fact]
    public void F3_F4_and_C3_are_loaded_in_full_and_other_units_say_why_they_cannot_be_assessed()
    {
        var diploma = ShippedCatalogue.Diploma03456;

        Assert.Equal(["C3", "F3", "F4"], diploma.Units.Where(u => u.IsAssessable).Select(u => u.Code).Order(StringComparer.Ordinal));
        Assert.Equal(19, diploma.FindUnit("F3")!.LearningOutcomes.Single(lo => lo.Ref == "3").Criteria.Count);
        Assert.All(diploma.Units.Where(u => !u.IsAssessable), u => Assert.False(string.IsNullOrWhiteSpace(u.NotAssessableReason)));
    }

    [Fact]
    public void C3_carries_its_evidence_requirements_and_forbids_simulation_for_performance_evidence()
    {
        var c3 = ShippedCatalogue.Diploma03456.FindUnit("C3")!;

        Assert.False(c3.Policy!.SimulationAllowedForPerformance);
        Assert.Equal(["4a", "4b", "4c", "4d", "4e"], c3.EvidenceRequirements.Single(e => e.Ref == "4").Items.Select(i => i.Ref));
        Assert.Equal(["5a", "5b", "5c", "5d"], c3.EvidenceRequirements.Single(e => e.Ref == "5").Items.Select(i => i.Ref));
        Assert.Equal("a problem caused by a lack of resources or human error.", c3.EvidenceRequirements.Single(e => e.Ref == "4").Items.Single(i => i.Ref == "4e").Text);
    }

    [Theory]
    [InlineData("03455", "2020-08-31", "2022-08-31")]
    [InlineData("10379", "2020-08-31", "2022-08-31")]
    [InlineData("10380", "2020-08-31", "2023-08-31")]
    public void Seed_003_lifecycle_dates_are_loaded(string code, string lastRegistration, string lastCertification)
    {
        var q = Shipped.Find(code)!;

        Assert.Equal(DateOnly.Parse(lastRegistration, System.Globalization.CultureInfo.InvariantCulture), q.LastRegistrationDate);
        Assert.Equal(DateOnly.Parse(lastCertification, System.Globalization.CultureInfo.InvariantCulture), q.LastCertificationDate);
    }
}

/// <summary>"A bad spec file gets file, line and reason."</summary>
public sealed class BadCatalogueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attest-catalogue-").FullName;

    public BadCatalogueTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "schema"));
        File.Copy(Path.Combine(ShippedCatalogue.Folder, CatalogueLoader.SchemaRelativePath), Path.Combine(_folder, CatalogueLoader.SchemaRelativePath));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Good = """
        schemaVersion: 1
        qualification:
          code: "T1"
          title: Test qualification
          level: 2
          awardingBody: Test
          assessment: competence
          source: test
          groups:
            - id: A
              title: Mandatory
              mandatory: true
              units: ["U1"]
        units:
          - code: "U1"
            title: Unit one
            credits: 5
            level: 2
            source: test
            learningOutcomes:
              - ref: "1"
                title: Do things
                criteria:
                  - ref: "1.1"
                    kind: performance
                    text: Do a thing
        """;

    private CatalogueError SingleError(string yaml)
    {
        File.WriteAllText(Path.Combine(_folder, "q.yaml"), yaml);
        var result = CatalogueLoader.Load(_folder);
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("q.yaml", error.File, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void A_valid_file_loads()
    {
        File.WriteAllText(Path.Combine(_folder, "q.yaml"), Good);
        var result = CatalogueLoader.Load(_folder);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("T1", Assert.Single(result.Catalogue.Qualifications).Code);
    }

    [Fact]
    public void Credits_given_as_text_are_refused_at_their_line()
    {
        var error = SingleError(Good.Replace("credits: 5", "credits: five", StringComparison.Ordinal));

        Assert.Equal(17, error.Line);
        Assert.Contains("units[0].credits", error.Reason, StringComparison.Ordinal);
        Assert.Contains("whole number", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unquoted_code_that_reads_as_a_number_is_refused_with_advice()
    {
        var error = SingleError(Good.Replace("code: \"T1\"", "code: 03456", StringComparison.Ordinal));

        Assert.Equal(3, error.Line);
        Assert.Contains("quote", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_names_it()
    {
        var error = SingleError(Good.Replace("    title: Unit one\n", string.Empty, StringComparison.Ordinal));

        Assert.Contains("'title'", error.Reason, StringComparison.Ordinal);
        Assert.Equal(15, error.Line);
    }

    [Fact]
    public void A_group_naming_an_undefined_unit_is_refused_at_that_unit()
    {
        var error = SingleError(Good.Replace("units: [\"U1\"]", "units: [\"U1\", \"U9\"]", StringComparison.Ordinal));

        Assert.Equal(13, error.Line);
        Assert.Contains("U9", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_unit_in_a_group_counted_by_a_credit_rule_is_reported_not_thrown()
    {
        var withRules = Good.Replace("units: [\"U1\"]", "units: [\"U1\", \"U9\"]", StringComparison.Ordinal)
            .Replace("      units: [\"U1\", \"U9\"]\n", "      units: [\"U1\", \"U9\"]\n  rules:\n    text: At least 5 credits from group A.\n    constraints:\n      - kind: creditsFromGroups\n        groups: [A]\n        min: 5\n", StringComparison.Ordinal);
        Assert.Contains("creditsFromGroups", withRules, StringComparison.Ordinal);

        var error = SingleError(withRules);

        Assert.Equal(13, error.Line);
        Assert.Contains("U9", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_is_refused_with_its_position()
    {
        var error = SingleError(Good.Replace("  title: Test qualification", "  title: [Test qualification", StringComparison.Ordinal));

        Assert.Contains("not valid YAML", error.Reason, StringComparison.Ordinal);
        Assert.InRange(error.Line, 4, 5); // the bracket opens on line 4; the scanner stops at or just after it
    }

    [Fact]
    public void LoadOrThrow_lists_every_error_as_file_line_column_reason()
    {
        File.WriteAllText(Path.Combine(_folder, "q.yaml"), Good.Replace("credits: 5", "credits: -1", StringComparison.Ordinal));

        var ex = Assert.Throws<CatalogueException>(() => CatalogueLoader.LoadOrThrow(_folder));

        Assert.Matches(@"q\.yaml:17:\d+: units\[0\]\.credits: number is too small", ex.Message);
    }
}
