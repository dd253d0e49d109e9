using Attest.Core.Qualifications;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attest.Tests.Qualifications;

/// <summary>Properties of the combination engine over arbitrary selections of 03456 units.</summary>
public class RulesOfCombinationProperties
{
    private static readonly QualificationSpec Diploma = ShippedCatalogue.Diploma03456;
    private static readonly string[] OptionalGroups = ["B", "C", "D", "E"];

    private static Arbitrary<string[]> Selections() =>
        Gen.SubListOf(Diploma.Units.Select(u => u.Code).ToArray()).Select(l => l.ToArray()).ToArbitrary();

    [Property]
    public Property A_valid_selection_meets_every_rule_read_directly_from_the_seed() =>
        Prop.ForAll(Selections(), units =>
        {
            var chosen = units.Select(c => Diploma.FindUnit(c)!).ToList();
            int Credits(IEnumerable<UnitSpec> us) => us.Sum(u => u.Credits ?? 0);
            var optional = chosen.Where(u => Diploma.GroupOf(u.Code)!.Id != "A").ToList();
            var seedSays =
                Credits(chosen) >= 42
                && chosen.Count(u => u.Code is "F3" or "F4") == 2
                && Credits(optional) >= 30
                && OptionalGroups.All(g => optional.Any(u => Diploma.GroupOf(u.Code)!.Id == g))
                && Credits(optional.Where(u => u.Level >= 3)) >= 10;
            return RulesOfCombination.Check(Diploma, units).IsValid == seedSays;
        });

    [Property]
    public Property Order_of_the_selection_does_not_change_the_verdict() =>
        Prop.ForAll(Selections(), units =>
        {
            var forward = RulesOfCombination.Check(Diploma, units);
            var backward = RulesOfCombination.Check(Diploma, units.Reverse());
            return forward.IsValid == backward.IsValid && forward.TotalCredits == backward.TotalCredits
                && forward.Findings.Count == backward.Findings.Count;
        });

    [Property]
    public Property Adding_a_unit_never_increases_a_credit_shortfall() =>
        Prop.ForAll(Selections(), Gen.Elements(Diploma.Units.Select(u => u.Code).ToArray()).ToArbitrary(), (units, extra) =>
        {
            if (units.Contains(extra))
            {
                return true;
            }

            static int Shortfall(CombinationResult r) => r.Findings.Where(f => f.Rule == CombinationRule.TotalCredits).Sum(f => f.Shortfall);
            return Shortfall(RulesOfCombination.Check(Diploma, [.. units, extra])) <= Shortfall(RulesOfCombination.Check(Diploma, units));
        });
}
