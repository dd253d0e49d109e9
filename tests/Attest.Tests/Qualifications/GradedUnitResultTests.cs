using Attest.Core.Qualifications;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attest.Tests.Qualifications;

/// <summary>
/// Seed 000, Unit 7: "At the very least they must produce evidence that meets all of the pass criteria."
/// "Missing just one pass criterion means they will not pass the unit, even if they have successfully met
/// the merit and distinction criteria."
/// </summary>
public class GradedUnitResultTests
{
    private static readonly UnitSpec Unit7 = ShippedCatalogue.Unit7;
    private static readonly string[] Pass = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"];
    private static readonly string[] Merit = ["M1", "M2", "M3", "M4"];
    private static readonly string[] Distinction = ["D1", "D2"];

    [Fact]
    public void Unit_7_has_nine_pass_four_merit_and_two_distinction_criteria()
    {
        Assert.Equal(Pass, Unit7.Criteria.Where(c => c.Grade == GradeBand.Pass).Select(c => c.Ref));
        Assert.Equal(Merit, Unit7.Criteria.Where(c => c.Grade == GradeBand.Merit).Select(c => c.Ref));
        Assert.Equal(Distinction, Unit7.Criteria.Where(c => c.Grade == GradeBand.Distinction).Select(c => c.Ref));
    }

    [Fact]
    public void Every_pass_criterion_gives_pass() => Assert.Equal(UnitGrade.Pass, GradedUnitResult.Grade(Unit7, Pass).Grade);

    [Fact]
    public void Every_pass_and_merit_criterion_gives_merit() => Assert.Equal(UnitGrade.Merit, GradedUnitResult.Grade(Unit7, [.. Pass, .. Merit]).Grade);

    [Fact]
    public void Every_criterion_gives_distinction() => Assert.Equal(UnitGrade.Distinction, GradedUnitResult.Grade(Unit7, [.. Pass, .. Merit, .. Distinction]).Grade);

    [Fact]
    public void Distinction_criteria_without_every_merit_criterion_give_pass()
    {
        var result = GradedUnitResult.Grade(Unit7, [.. Pass, "M1", "M2", "M3", .. Distinction]);

        Assert.Equal(UnitGrade.Pass, result.Grade);
        Assert.Equal(["M4"], result.MissingForNext);
    }

    [Fact]
    public void Missing_one_pass_criterion_is_unclassified_even_with_every_merit_and_distinction()
    {
        var result = GradedUnitResult.Grade(Unit7, [.. Pass.Where(p => p != "P7"), .. Merit, .. Distinction]);

        Assert.Equal(UnitGrade.Unclassified, result.Grade);
        Assert.Equal(["P7"], result.MissingForPass);
        Assert.Contains("P7", result.Explanation, StringComparison.Ordinal);
    }

    [Property]
    public Property The_grade_is_the_highest_band_whose_criteria_and_those_below_are_all_met() =>
        Prop.ForAll(Gen.SubListOf([.. Pass, .. Merit, .. Distinction]).ToArbitrary(), met =>
        {
            var set = met.ToHashSet();
            var expected = !Pass.All(set.Contains) ? UnitGrade.Unclassified
                : !Merit.All(set.Contains) ? UnitGrade.Pass
                : !Distinction.All(set.Contains) ? UnitGrade.Merit
                : UnitGrade.Distinction;
            return GradedUnitResult.Grade(Unit7, met).Grade == expected;
        });

    [Fact]
    public void In_every_one_of_the_32768_combinations_of_criteria_met_the_grade_follows_seed_000()
    {
        string[] all = [.. Pass, .. Merit, .. Distinction];
        var counts = new Dictionary<UnitGrade, int>();
        for (var mask = 0; mask < 1 << all.Length; mask++)
        {
            var met = all.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
            // Seed 000, read directly: all pass criteria for a pass; "all the pass criteria ... and all the merit criteria"
            // for a merit; "in addition to the above, ... all the distinction criteria" for a distinction.
            var seed = !Pass.All(met.Contains) ? UnitGrade.Unclassified
                : !Merit.All(met.Contains) ? UnitGrade.Pass
                : !Distinction.All(met.Contains) ? UnitGrade.Merit
                : UnitGrade.Distinction;
            var result = GradedUnitResult.Grade(Unit7, met);
            Assert.True(seed == result.Grade, $"{string.Join(",", met)}: seed says {seed}, engine says {result.Grade}");
            Assert.Equal(Pass.Where(p => !met.Contains(p)), result.MissingForPass);
            counts[result.Grade] = counts.GetValueOrDefault(result.Grade) + 1;
        }

        // 2^6 subsets of merit and distinction pass with every P; 2^2 of those have every M; 1 has every D.
        Assert.Equal(new Dictionary<UnitGrade, int> { [UnitGrade.Unclassified] = 32768 - 64, [UnitGrade.Pass] = 60, [UnitGrade.Merit] = 3, [UnitGrade.Distinction] = 1 }, counts);
    }
}
