using Attest.Core.Qualifications;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attest.Tests.Qualifications;

/// <summary>
/// A specification written as YAML (a unit made on the form, a CASE import, a download to share) reads back as the same
/// specification through the one validator: every shipped file, and any wording a person can type.
/// </summary>
public class SpecificationWriterTests
{
    private static readonly NJsonSchema.JsonSchema Schema = CatalogueLoader.LoadSchema(ShippedCatalogue.Folder);

    public static TheoryData<string> ShippedCodes() => [.. ShippedCatalogue.Catalogue.Qualifications.Select(q => q.Code)];

    [Theory]
    [MemberData(nameof(ShippedCodes))]
    public void Every_shipped_specification_written_and_read_again_is_the_same(string code)
    {
        var spec = ShippedCatalogue.Catalogue.Find(code)!;
        var again = ReadBack(SpecificationWriter.Write(spec));
        Assert.True(SpecificationChanges.Between(spec, again).IsEmpty, string.Join("\n", SpecificationChanges.Between(spec, again).Describe()));
        // Written again, the text is the same: a download of a download changes nothing.
        Assert.Equal(SpecificationWriter.Write(spec), SpecificationWriter.Write(again));
    }

    [Property]
    public Property Any_wording_survives_the_round_trip() =>
        Prop.ForAll(Wordings(), wording =>
        {
            var c3 = ShippedCatalogue.Diploma03456.FindUnit("C3")!;
            var edited = ShippedCatalogue.Diploma03456 with
            {
                Title = wording,
                Units = [.. ShippedCatalogue.Diploma03456.Units.Select(u => u.Code != "C3" ? u : c3 with
                {
                    Aim = wording,
                    LearningOutcomes = [.. c3.LearningOutcomes.Select((lo, i) => i > 0 ? lo : lo with { Criteria = [.. lo.Criteria.Select((c, j) => j > 0 ? c : c with { Text = wording })] })],
                })],
            };
            var again = ReadBack(SpecificationWriter.Write(edited));
            return again.Title == wording && again.FindUnit("C3")!.Aim == wording && again.FindUnit("C3")!.FindCriterion("1.1")!.Text == wording;
        });

    /// <summary>Text as people type it: quotes, colons, hashes, YAML's own words ("yes", "null", "1.1"), line breaks, accents and emoji.</summary>
    private static Arbitrary<string> Wordings()
    {
        string[] awkward = ["\"", "'", ": ", " #", "- ", "yes", "null", "~", "1.1", "03456", "\n", "\t", "é", "£", "—", "\U0001F600", "{", "[", "&", "*", "!", "%", "@", "`", "\\", " "];
        var piece = Gen.OneOf(Gen.Elements(awkward), ArbMap.Default.GeneratorFor<NonEmptyString>().Select(s => s.Get).Where(s => s.All(ch => !char.IsControl(ch) && !char.IsSurrogate(ch))));
        return Gen.ListOf(piece).Select(parts => "Test " + string.Concat(parts)).ToArbitrary();
    }

    private static QualificationSpec ReadBack(string yaml)
    {
        var errors = new List<CatalogueError>();
        var spec = CatalogueLoader.Parse(yaml, "written.yaml", Schema, errors);
        Assert.True(spec is not null, string.Join("\n", errors) + "\n" + yaml);
        return spec!;
    }
}
