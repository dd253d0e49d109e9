using Attest.Core.Qualifications;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attest.Tests.Qualifications;

/// <summary>Issue 17, items 4 and 5: apprenticeship standards as catalogue data, KSB coverage and gateway readiness.</summary>
public class StandardTests
{
    private static readonly StandardSpec Sample = ShippedCatalogue.Catalogue.FindStandard("SAMPLE-CS3")!;

    [Fact]
    public void The_shipped_sample_standard_loads_with_its_KSBs_grouped_and_its_gateway_checklist()
    {
        Assert.Equal("Sample customer service standard (not an IfATE standard)", Sample.Title);
        Assert.Equal((3, "1.0", 15), (Sample.Level, Sample.Version, Sample.TypicalDurationMonths));
        Assert.Equal(["03456"], Sample.Qualifications);
        Assert.Equal(2, Sample.EnglishAndMaths!.Level);
        Assert.Equal(["K1", "K2", "K3", "K4", "K5", "K6"], Sample.KsbsOf(KsbKind.Knowledge).Select(k => k.Code));
        Assert.Equal(["S1", "S2", "S3", "S4", "S5", "S6"], Sample.KsbsOf(KsbKind.Skill).Select(k => k.Code));
        Assert.Equal(["B1", "B2", "B3", "B4"], Sample.KsbsOf(KsbKind.Behaviour).Select(k => k.Code));
        Assert.Equal(
            [GatewayItemKind.QualificationAchieved, GatewayItemKind.KsbCoverage, GatewayItemKind.OffTheJobHours, GatewayItemKind.EnglishAndMaths, GatewayItemKind.EmployerAgreement],
            Sample.Gateway.Select(g => g.Kind));
        Assert.All(Sample.Gateway, g => Assert.False(string.IsNullOrWhiteSpace(g.Explanation)));
        Assert.StartsWith("# A SAMPLE apprenticeship standard", Sample.Yaml, StringComparison.Ordinal);
        Assert.Equal([Sample], ShippedCatalogue.Catalogue.StandardsRequiring("03456"));
    }

    [Fact]
    public void Coverage_counts_each_KSB_once_with_its_distinct_records_and_reports_codes_the_standard_does_not_have()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var coverage = KsbCoverage.Of(Sample, [new("K1", first), new("k1", second), new("K1", first), new("S3", third), new("X9", third)]);

        Assert.Equal([first, second], coverage.Lines.Single(l => l.Ksb.Code == "K1").Records);
        Assert.Equal([third], coverage.Lines.Single(l => l.Ksb.Code == "S3").Records);
        Assert.Equal((2, 16, false), (coverage.Covered, coverage.Total, coverage.IsComplete));
        Assert.Equal(["X9"], coverage.UnknownCodes);
        Assert.DoesNotContain(coverage.NotCovered, k => k.Code is "K1" or "S3");
        Assert.Equal(Sample.Ksbs.Select(k => k.Code), coverage.Lines.Select(l => l.Ksb.Code)); // the standard's order
    }

    [Fact]
    public void Codes_are_put_in_the_order_a_standard_lists_them_knowledge_skills_behaviours_each_by_number()
    {
        Assert.Equal(["K2", "K10", "S2", "S10", "B1", "B2"], KsbSpec.InStandardOrder(["B2", "S10", "K10", "S2", "K2", "B1"]));
        // The sample standard lists its own in that order.
        Assert.Equal(Sample.Ksbs.Select(k => k.Code), KsbSpec.InStandardOrder(Sample.Ksbs.Select(k => k.Code).Reverse()));
    }

    [Fact]
    public void Coverage_is_complete_when_every_KSB_has_a_record()
    {
        var coverage = KsbCoverage.Of(Sample, Sample.Ksbs.Select(k => new KsbMapping(k.Code, Guid.NewGuid())));

        Assert.True(coverage.IsComplete);
        Assert.Empty(coverage.NotCovered);
    }

    [Property]
    public Property Coverage_never_counts_a_KSB_the_standard_does_not_have() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Elements(Sample.Ksbs.Select(k => k.Code).Concat(["K99", "S0", "X1", "k2", "b4", ""]).ToArray())
                .Zip(Gen.Elements(Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray()))).ToArbitrary(),
            pairs =>
            {
                var mappings = pairs.Select(p => new KsbMapping(p.Item1, p.Item2)).ToList();
                var coverage = KsbCoverage.Of(Sample, mappings);
                var known = mappings.Where(m => Sample.FindKsb(m.KsbCode) is not null).Select(m => m.KsbCode.ToUpperInvariant()).Distinct().Count();
                return coverage.Total == Sample.Ksbs.Count
                    && coverage.Covered == known
                    && coverage.Lines.All(l => Sample.Ksbs.Contains(l.Ksb))
                    && coverage.UnknownCodes.All(code => Sample.FindKsb(code) is null);
            });

    [Fact]
    public void Gateway_is_ready_when_every_fact_is_met()
    {
        var all = KsbCoverage.Of(Sample, Sample.Ksbs.Select(k => new KsbMapping(k.Code, Guid.NewGuid())));

        var readiness = GatewayReadiness.Evaluate(Sample, new GatewayFacts(["03456"], all, new OffTheJobHoursFact(281, 280), Apprenticeships.GatewayRulesTests.LevelTwoInBoth, EmployerAgreed: true));

        Assert.True(readiness.IsReady);
        Assert.All(readiness.Items, i => Assert.True(i.Met && i.Shortfall is null, i.Item.Title));
    }

    [Fact]
    public void Gateway_names_what_is_missing_item_by_item_with_each_items_explanation()
    {
        var partial = KsbCoverage.Of(Sample, Sample.Ksbs.Where(k => k.Code is not ("K3" or "B2")).Select(k => new KsbMapping(k.Code, Guid.NewGuid())));

        var readiness = GatewayReadiness.Evaluate(Sample, new GatewayFacts(["03455"], partial, new OffTheJobHoursFact(212.5m, 280), [], EmployerAgreed: true));

        Assert.False(readiness.IsReady);
        var byKind = readiness.Items.ToDictionary(i => i.Item.Kind);
        Assert.Equal("Qualification 03456 is not achieved yet.", byKind[GatewayItemKind.QualificationAchieved].Shortfall);
        Assert.Equal("14 of 16 KSBs are covered; not yet K3, B2.", byKind[GatewayItemKind.KsbCoverage].Shortfall);
        Assert.Equal("212.5 of the 280 planned off-the-job hours are verified; 67.5 to go.", byKind[GatewayItemKind.OffTheJobHours].Shortfall);
        Assert.Equal("English and maths at level 2 are not met yet: English: nothing recorded yet; Maths: nothing recorded yet.", byKind[GatewayItemKind.EnglishAndMaths].Shortfall);
        Assert.True(byKind[GatewayItemKind.EmployerAgreement].Met);
        Assert.StartsWith("The standard requires OCR's Level 3 NVQ Diploma in Customer Service (03456).", byKind[GatewayItemKind.QualificationAchieved].Explanation, StringComparison.Ordinal);
    }
}

/// <summary>A bad standard file gets file:line:column: reason, from the same loader as qualification files.</summary>
public sealed class BadStandardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attest-standard-").FullName;

    public BadStandardTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "schema"));
        File.Copy(Path.Combine(ShippedCatalogue.Folder, CatalogueLoader.SchemaRelativePath), Path.Combine(_folder, CatalogueLoader.SchemaRelativePath));
        File.Copy(Path.Combine(ShippedCatalogue.Folder, CatalogueLoader.StandardSchemaRelativePath), Path.Combine(_folder, CatalogueLoader.StandardSchemaRelativePath));
        File.WriteAllText(Path.Combine(_folder, "t1.yaml"), """
            schemaVersion: 1
            qualification:
              code: "T1"
              title: Test qualification
              level: 3
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
                source: test
                notAssessableReason: test
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Good = """
        schemaVersion: 1
        standard:
          reference: "ST-T1"
          title: Test standard
          level: 3
          version: "1.0"
          typicalDurationMonths: 12
          source: test
          qualifications: ["T1"]
          englishAndMaths:
            level: 2
            text: Level 2 English and maths.
        ksbs:
          - code: "K1"
            text: Know a thing.
          - code: "S1"
            text: Do a thing.
          - code: "B1"
            text: Behave well.
        gateway:
          - kind: qualificationAchieved
            qualification: "T1"
            title: Qualification achieved
            explanation: T1 must be achieved.
          - kind: ksbCoverage
            title: KSBs covered
            explanation: Every KSB evidenced.
          - kind: englishAndMaths
            title: English and maths
            explanation: Level 2 needed.
          - kind: employerAgreement
            title: Employer agrees
            explanation: The employer confirms.
        """;

    private IReadOnlyList<CatalogueError> Errors(string yaml)
    {
        File.WriteAllText(Path.Combine(_folder, "s.yaml"), yaml);
        var result = CatalogueLoader.Load(_folder);
        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.EndsWith("s.yaml", e.File, StringComparison.Ordinal));
        return result.Errors;
    }

    private CatalogueError SingleError(string yaml) => Assert.Single(Errors(yaml));

    [Fact]
    public void A_valid_standard_loads_beside_the_qualification_it_requires()
    {
        File.WriteAllText(Path.Combine(_folder, "s.yaml"), Good);

        var result = CatalogueLoader.Load(_folder);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var standard = Assert.Single(result.Catalogue.Standards);
        Assert.Equal(("ST-T1", 3, 4), (standard.Reference, standard.Ksbs.Count, standard.Gateway.Count));
        Assert.Equal("T1", Assert.Single(result.Catalogue.Qualifications).Code);
    }

    [Fact]
    public void A_duplicate_KSB_code_is_refused_at_its_line()
    {
        var error = SingleError(Good.Replace("code: \"S1\"", "code: \"K1\"", StringComparison.Ordinal));

        Assert.Equal((16, 11), (error.Line, error.Column));
        Assert.Equal("KSB K1 is defined more than once", error.Reason);
        Assert.Matches(@"s\.yaml:16:11: KSB K1 is defined more than once$", error.ToString());
    }

    [Fact]
    public void A_gateway_item_naming_a_qualification_the_standard_does_not_require_is_refused_at_that_name()
    {
        var errors = Errors(Good.Replace("qualification: \"T1\"", "qualification: \"T9\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Line == 22 && e.Reason == "gateway item refers to qualification T9, which is not one of the standard's mandatory qualifications");
        // And the qualification the standard does require is left without its item.
        Assert.Contains(errors, e => e.Line == 9 && e.Reason == "mandatory qualification T1 has no qualificationAchieved item in the gateway");
    }

    [Fact]
    public void A_mandatory_qualification_the_catalogue_does_not_define_is_refused()
    {
        var error = SingleError(Good.Replace("qualifications: [\"T1\"]", "qualifications: [\"T1\", \"Z9\"]", StringComparison.Ordinal));

        Assert.Equal(9, error.Line);
        Assert.Equal("the standard requires qualification Z9, which the catalogue does not define", error.Reason);
    }

    [Fact]
    public void A_KSB_without_its_wording_is_refused_naming_the_field()
    {
        var error = SingleError(Good.Replace("    text: Do a thing.\n", string.Empty, StringComparison.Ordinal));

        Assert.Equal(16, error.Line);
        Assert.Equal("ksbs[1].text: required property 'text' is missing", error.Reason);
    }

    [Fact]
    public void Empty_wording_and_a_code_that_is_not_K_S_or_B_are_refused()
    {
        var errors = Errors(Good.Replace("text: Do a thing.", "text: \"\"", StringComparison.Ordinal).Replace("code: \"B1\"", "code: \"X1\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Line == 17 && e.Reason == "ksbs[1].text: text must not be empty");
        Assert.Contains(errors, e => e.Line == 18 && e.Reason == "ksbs[2].code: value does not have the required form");
    }

    [Fact]
    public void An_English_and_maths_requirement_without_its_gateway_item_is_refused()
    {
        var error = SingleError(Good.Replace("  - kind: englishAndMaths\n    title: English and maths\n    explanation: Level 2 needed.\n", string.Empty, StringComparison.Ordinal));

        Assert.Equal(11, error.Line);
        Assert.Equal("the standard requires English and maths, so the gateway needs an englishAndMaths item", error.Reason);
    }

    [Fact]
    public void A_standard_needs_its_schema_in_the_catalogue_folder()
    {
        File.Delete(Path.Combine(_folder, CatalogueLoader.StandardSchemaRelativePath));
        File.WriteAllText(Path.Combine(_folder, "s.yaml"), Good);

        var error = Assert.Single(CatalogueLoader.Load(_folder).Errors);

        Assert.EndsWith("standard.schema.json", error.File, StringComparison.Ordinal);
        Assert.Contains("an apprenticeship standard", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_the_same_reference_and_version_are_refused()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), Good.Replace("version: \"1.0\"", "version: \"1\"", StringComparison.Ordinal));

        var error = SingleError(Good);

        Assert.StartsWith("standard ST-T1 version 1.0 is already defined in", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_of_a_standard_live_side_by_side_and_the_latest_is_current()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), Good.Replace("version: \"1.0\"", "version: \"1.10\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_folder, "b.yaml"), Good.Replace("version: \"1.0\"", "version: \"1.9\"", StringComparison.Ordinal));

        var catalogue = CatalogueLoader.LoadOrThrow(_folder);

        Assert.Equal(["1.10", "1.9"], catalogue.StandardVersions("st-t1").Select(s => s.Version));
        Assert.Equal("1.10", catalogue.FindStandard("ST-T1")!.Version);
        Assert.Equal("1.9", catalogue.FindStandard("ST-T1", "1.9")!.Version);
        Assert.Equal("1.10", Assert.Single(catalogue.CurrentStandards).Version);
    }
}
