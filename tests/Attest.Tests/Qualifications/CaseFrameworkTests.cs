using System.Text.Json.Nodes;
using Attest.Core.Qualifications;

namespace Attest.Tests.Qualifications;

/// <summary>
/// A CASE 1.1 framework (issue 16) imports as units, learning outcomes and criteria, exports back to the same, and a bad
/// one is refused with a reason per problem. The fixture is written by hand in the shapes of the CASE 1.1 specification's
/// examples; its wording is the test's own, not an awarding body's.
/// </summary>
public class CaseFrameworkTests
{
    private static readonly DateTime Saved = new(2026, 11, 2, 10, 15, 0, DateTimeKind.Utc);
    private static readonly NJsonSchema.JsonSchema Schema = CatalogueLoader.LoadSchema(ShippedCatalogue.Folder);

    public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Qualifications", "case", "test-certificate.json");

    public static TheoryData<string> ShippedCodes() => [.. ShippedCatalogue.Catalogue.Qualifications.Select(q => q.Code)];

    [Fact]
    public void The_fixture_imports_as_its_units_outcomes_and_criteria_in_sequence_order()
    {
        var import = CaseFramework.Import(File.ReadAllText(FixturePath));
        Assert.Empty(import.Problems);
        var spec = import.Spec!;
        Assert.Equal(("T0001", "Test Level 2 Certificate in Customer Service", 2, "Test Awarding Body", AssessmentKind.Competence), (spec.Code, spec.Title, spec.Level, spec.AwardingBody, spec.Assessment));
        // The associations list U3, U2, U1 first; their sequence numbers put them in order.
        Assert.Equal(["U1", "U2", "U3"], spec.Units.Select(u => u.Code));
        var group = Assert.Single(spec.Groups);
        Assert.Equal(("A", true), (group.Id, group.Mandatory));
        Assert.Equal(["U1", "U2", "U3"], group.Units);
        var u1 = spec.FindUnit("U1")!;
        Assert.Equal(("Test unit: give customers a positive impression", 2, 5, 30), (u1.Title, u1.Level, u1.Credits, u1.GuidedLearningHours));
        Assert.Equal(["1", "2"], u1.LearningOutcomes.Select(o => o.Ref));
        Assert.Equal("Test outcome: be able to greet customers", u1.LearningOutcomes[0].Title);
        Assert.Equal(
            [("1.1", CriterionKind.Performance, 2, "Test wording: greet customers promptly and politely"),
             ("1.2", CriterionKind.Knowledge, 1, "Test wording: explain why a first impression matters"),
             ("2.1", CriterionKind.Performance, 1, "Test wording: ask questions to find out what the customer needs")],
            u1.Criteria.Select(c => (c.Ref, c.Kind, c.MinInstances, c.Text)));
        Assert.Equal(["1.1"], spec.FindUnit("U2")!.Criteria.Select(c => c.Ref));
        // A unit with no outcomes comes in as title and credits only, saying why it cannot be assessed.
        Assert.False(spec.FindUnit("U3")!.IsAssessable);
        Assert.Contains("no learning outcomes", spec.FindUnit("U3")!.NotAssessableReason, StringComparison.Ordinal);

        var unmapped = Assert.Single(import.NotMapped);
        Assert.Equal("Range Statement", unmapped.Type);
        Assert.Contains("is not one Attest maps", unmapped.Reason, StringComparison.Ordinal);
        Assert.Equal("3 units, 3 learning outcomes and 4 criteria", import.Mapped);

        // What the page saves: written as catalogue YAML, it passes the one validator as the same specification.
        Assert.True(SpecificationChanges.Between(spec, ReadBack(SpecificationWriter.Write(spec))).IsEmpty);
    }

    [Fact]
    public void The_fixture_exported_and_imported_again_is_the_same_and_exports_to_the_same_file()
    {
        var spec = CaseFramework.Import(File.ReadAllText(FixturePath)).Spec!;
        var exported = CaseFramework.Export(spec, Saved);
        var again = CaseFramework.Import(exported);
        Assert.Empty(again.Problems);
        Assert.Empty(again.NotMapped);
        Assert.True(SpecificationChanges.Between(spec, again.Spec!).IsEmpty, string.Join("\n", SpecificationChanges.Between(spec, again.Spec!).Describe()));
        AssertSameUnits(spec, again.Spec!);
        Assert.Equal(exported, CaseFramework.Export(again.Spec!, Saved));

        // The export's shape: one CFDocument, isChildOf associations numbered in order, identifiers made from code and place.
        var package = JsonNode.Parse(exported)!;
        Assert.Equal("T0001", (string?)package["CFDocument"]!["humanCodingScheme"]);
        var items = package["CFItems"]!.AsArray();
        Assert.Equal(3 + 3 + 4, items.Count);
        Assert.Equal(items.Count, items.Select(i => (string?)i!["identifier"]).Distinct().Count());
        Assert.All(package["CFAssociations"]!.AsArray(), a => Assert.Equal("isChildOf", (string?)a!["associationType"]));
        Assert.All(items, i => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", (string?)i!["identifier"]));
    }

    [Theory]
    [MemberData(nameof(ShippedCodes))]
    public void Every_shipped_qualification_round_trips_through_CASE_for_its_units_outcomes_and_criteria(string code)
    {
        var shipped = ShippedCatalogue.Catalogue.Find(code)!;
        var import = CaseFramework.Import(CaseFramework.Export(shipped, Saved));
        Assert.Empty(import.Problems);
        Assert.Empty(import.NotMapped);
        AssertSameUnits(shipped, import.Spec!);
        Assert.Equal((shipped.Code, shipped.Title, shipped.Level, shipped.AwardingBody, shipped.Assessment, shipped.Source), (import.Spec!.Code, import.Spec.Title, import.Spec.Level, import.Spec.AwardingBody, import.Spec.Assessment, import.Spec.Source));
        // It passes the one validator too: a graded qualification keeps every criterion's grade.
        ReadBack(SpecificationWriter.Write(import.Spec));

        // Imported where the centre runs it, what CASE cannot carry comes from the version in force: nothing changes.
        var (kept, groupsKept) = CaseFramework.KeepFrom(import.Spec, shipped);
        Assert.True(groupsKept);
        Assert.True(SpecificationChanges.Between(shipped, kept).IsEmpty, string.Join("\n", SpecificationChanges.Between(shipped, kept).Describe()));
    }

    [Fact]
    public void A_framework_with_other_units_keeps_each_known_units_requirements_but_not_the_groups()
    {
        var shipped = ShippedCatalogue.Diploma03456;
        var c3 = shipped.FindUnit("C3")!;
        var framework = CaseFramework.Import(CaseFramework.Export(shipped with { Units = [.. shipped.Units.Where(u => u.Code != "D1")] }, Saved)).Spec!;
        var (kept, groupsKept) = CaseFramework.KeepFrom(framework, shipped);
        Assert.False(groupsKept);
        Assert.Equal(CaseFramework.GroupId, Assert.Single(kept.Groups).Id);
        Assert.Null(kept.Rules);
        Assert.Equal(c3.EvidenceRequirements, kept.FindUnit("C3")!.EvidenceRequirements);
        Assert.Equal(c3.Policy, kept.FindUnit("C3")!.Policy);
    }

    [Fact]
    public void Invalid_json_is_refused_with_its_line_and_position()
    {
        var problem = Assert.Single(CaseFramework.Import("{\n  \"CFDocument\": {\n    \"title\": \"x\",,\n  }\n}").Problems);
        Assert.StartsWith("The file is not valid CASE JSON at line 3, position", problem, StringComparison.Ordinal);
        Assert.Contains("not valid CASE JSON at line", Assert.Single(CaseFramework.Import("{\"CFDocument\": {\"title\": 3}}").Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Too_large_no_document_empty_entries_and_no_units_are_refused()
    {
        Assert.Equal("The file is 10 MB; a CASE framework can be at most 10 MB.", Assert.Single(CaseFramework.Import(new string(' ', CaseFramework.MaxJsonBytes + 1)).Problems));
        Assert.StartsWith("The file has no CFDocument", Assert.Single(CaseFramework.Import("{\"CFItems\": []}").Problems), StringComparison.Ordinal);
        Assert.StartsWith("The file has no CFDocument", Assert.Single(CaseFramework.Import("{}").Problems), StringComparison.Ordinal);
        var document = "{\"CFDocument\": {\"identifier\": \"d\", \"title\": \"t\", \"creator\": \"c\", \"humanCodingScheme\": \"X1\", \"extensions\": {\"attest\": {\"level\": 2}}}";
        Assert.Equal(["CFItems[0] is not an object.", "CFAssociations[0] is not an object."], CaseFramework.Import(document + ", \"CFItems\": [null], \"CFAssociations\": [null]}").Problems);
        Assert.Equal(["The framework has no item of type \"Unit\" under its CFDocument: there is nothing to assess."], CaseFramework.Import(document + "}").Problems);
    }

    [Fact]
    public void A_cycle_is_refused_naming_its_items()
    {
        var package = Fixture();
        // U1's first outcome made the parent of U1.
        var u1 = Item(package, "Unit", "U1");
        var outcome = Association(package, u1)!;
        var lo = package["CFAssociations"]!.AsArray().First(a => (string?)a!["destinationNodeURI"]!["identifier"] == u1)!["originNodeURI"]!["identifier"]!.GetValue<string>();
        outcome["destinationNodeURI"]!["identifier"] = lo;
        var import = CaseFramework.Import(package.ToJsonString());
        Assert.Null(import.Spec);
        Assert.Contains(import.Problems, p => p.StartsWith("The isChildOf associations go round in a cycle: Unit U1", StringComparison.Ordinal) && p.Contains("Learning Outcome 1", StringComparison.Ordinal));
    }

    [Fact]
    public void An_association_to_an_unknown_item_duplicate_identifiers_and_colliding_refs_are_each_refused()
    {
        var package = Fixture();
        Association(package, Item(package, "Unit", "U2"))!["destinationNodeURI"]!["identifier"] = "no-such-item";
        var items = package["CFItems"]!.AsArray();
        items.Add(items[0]!.DeepClone());
        // U2's criterion 1.1 becomes a second 1.1 in U1: refs collide within a unit.
        var u2Criterion = Association(package, Item(package, "Assessment Criterion", "1.1", skip: 1))!;
        u2Criterion["destinationNodeURI"]!["identifier"] = Item(package, "Learning Outcome", "2");
        var import = CaseFramework.Import(package.ToJsonString());
        Assert.Null(import.Spec);
        Assert.Contains(import.Problems, p => p.Contains("no-such-item, which is neither this CFDocument nor one of its CFItems", StringComparison.Ordinal));
        Assert.Contains(import.Problems, p => p.StartsWith($"The identifier {Item(package, "Unit", "U1")} is used more than once", StringComparison.Ordinal));

        package = Fixture();
        u2Criterion = Association(package, Item(package, "Assessment Criterion", "1.1", skip: 1))!;
        u2Criterion["destinationNodeURI"]!["identifier"] = Item(package, "Learning Outcome", "2");
        import = CaseFramework.Import(package.ToJsonString());
        Assert.Equal(["In unit U1, criteria"], import.Problems.Select(p => p[..p.IndexOf(" Assessment", StringComparison.Ordinal)]));
        Assert.Contains("have the same ref 1.1", import.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_item_types_other_associations_and_loose_items_are_reported_not_mapped_and_the_rest_imports()
    {
        var package = Fixture();
        Item(package, "Range Statement", "R1");
        package["CFItems"]!.AsArray().Add(new JsonObject { ["identifier"] = "loose-item", ["fullStatement"] = "Test wording: an item on its own", ["CFItemType"] = "Criterion", ["humanCodingScheme"] = "9.9" });
        package["CFAssociations"]!.AsArray().Add(new JsonObject
        {
            ["identifier"] = "peer-link", ["associationType"] = "isPeerOf",
            ["originNodeURI"] = new JsonObject { ["identifier"] = "loose-item" }, ["destinationNodeURI"] = new JsonObject { ["identifier"] = "elsewhere" },
        });
        var import = CaseFramework.Import(package.ToJsonString());
        Assert.Empty(import.Problems);
        Assert.Equal(["U1", "U2", "U3"], import.Spec!.Units.Select(u => u.Code));
        Assert.Equal(
            [("isPeerOf", true), ("Range Statement", false), ("Criterion", true)],
            import.NotMapped.Select(n => (n.Type, n.Identifier is "peer-link" or "loose-item")));
        Assert.Contains("only isChildOf", import.NotMapped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not placed in the framework", import.NotMapped[2].Reason, StringComparison.Ordinal);
    }

    private static void AssertSameUnits(QualificationSpec expected, QualificationSpec actual)
    {
        Assert.Equal(expected.Units.Select(u => (u.Code, u.Title, u.Level, u.Credits)), actual.Units.Select(u => (u.Code, u.Title, u.Level, u.Credits)));
        foreach (var unit in expected.Units)
        {
            var other = actual.FindUnit(unit.Code)!;
            Assert.Equal(unit.LearningOutcomes.Select(o => (o.Ref, o.Title)), other.LearningOutcomes.Select(o => (o.Ref, o.Title)));
            Assert.Equal(
                unit.Criteria.Select(c => (c.Ref, c.Kind, c.Grade, c.Text, c.MinInstances, string.Join(",", c.CaseLog ?? []))),
                other.Criteria.Select(c => (c.Ref, c.Kind, c.Grade, c.Text, c.MinInstances, string.Join(",", c.CaseLog ?? []))));
        }
    }

    private static JsonNode Fixture() => JsonNode.Parse(File.ReadAllText(FixturePath))!;

    /// <summary>The identifier of the fixture's item of this type and code (the <paramref name="skip"/>-th such).</summary>
    private static string Item(JsonNode package, string type, string code, int skip = 0) =>
        package["CFItems"]!.AsArray().Where(i => (string?)i!["CFItemType"] == type && (string?)i["humanCodingScheme"] == code).Skip(skip).First()!["identifier"]!.GetValue<string>();

    /// <summary>The isChildOf association that places <paramref name="child"/>.</summary>
    private static JsonNode? Association(JsonNode package, string child) =>
        package["CFAssociations"]!.AsArray().First(a => (string?)a!["originNodeURI"]!["identifier"] == child);

    private static QualificationSpec ReadBack(string yaml)
    {
        var errors = new List<CatalogueError>();
        var spec = CatalogueLoader.Parse(yaml, "written.yaml", Schema, errors);
        Assert.True(spec is not null, string.Join("\n", errors) + "\n" + yaml);
        return spec!;
    }
}
