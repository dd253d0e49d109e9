using System.Globalization;

namespace Attest.Core.Qualifications;

public enum CombinationRule { UnknownUnit, DuplicateUnit, MandatoryUnit, TotalCredits, CreditsFromGroups, UnitsFromEachGroup, CreditsAtLevels, NoRules }

/// <summary>One reason a selection of units does not meet the rules, worded so a person can act on it.</summary>
public sealed record CombinationFinding(CombinationRule Rule, string Message, string? RuleText, int Shortfall = 0);

public sealed record CombinationResult(
    string QualificationCode,
    IReadOnlyList<string> Units,
    int TotalCredits,
    IReadOnlyList<CombinationFinding> Findings)
{
    public bool IsValid => Findings.Count == 0;
}

/// <summary>
/// Checks a selection of units against a qualification's rules of combination, which are data in the
/// catalogue. Groups come from the catalogue only: a unit's code letter says nothing about its group.
/// </summary>
public static class RulesOfCombination
{
    public static CombinationResult Check(QualificationSpec qualification, IEnumerable<string> selectedCodes)
    {
        ArgumentNullException.ThrowIfNull(qualification);
        ArgumentNullException.ThrowIfNull(selectedCodes);
        var findings = new List<CombinationFinding>();
        var selected = new List<UnitSpec>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in selectedCodes)
        {
            var code = raw.Trim();
            var unit = qualification.FindUnit(code);
            if (unit is null)
            {
                findings.Add(new CombinationFinding(CombinationRule.UnknownUnit,
                    $"Unit {code} is not a unit of {qualification.DisplayName}.", null));
            }
            else if (!seen.Add(unit.Code))
            {
                findings.Add(new CombinationFinding(CombinationRule.DuplicateUnit,
                    $"Unit {unit.Code} is chosen more than once; each unit counts once.", null));
            }
            else
            {
                selected.Add(unit);
            }
        }

        foreach (var group in qualification.Groups.Where(g => g.Mandatory))
        {
            foreach (var missing in group.Units.Where(code => !seen.Contains(code)))
            {
                var unit = qualification.FindUnit(missing)!;
                findings.Add(new CombinationFinding(CombinationRule.MandatoryUnit,
                    $"Mandatory unit {unit.DisplayName} is missing: every unit of group {group.Id}, {group.Title}, must be taken.", null));
            }
        }

        if (qualification.Rules is null)
        {
            // No rules in the catalogue is not "anything goes": the qualification is achieved only when every unit of it is.
            foreach (var unit in qualification.Units.Where(u => !seen.Contains(u.Code)))
            {
                findings.Add(new CombinationFinding(CombinationRule.NoRules,
                    $"Unit {unit.DisplayName} is missing: the catalogue holds no rules of combination for {qualification.DisplayName}, so every unit of it must be taken.", null));
            }

            return new CombinationResult(qualification.Code, selected.Select(u => u.Code).ToList(), Credits(selected), findings);
        }

        foreach (var constraint in qualification.Rules.Constraints)
        {
            findings.AddRange(Evaluate(qualification, constraint, selected));
        }

        return new CombinationResult(qualification.Code, selected.Select(u => u.Code).ToList(), Credits(selected), findings);
    }

    private static IEnumerable<CombinationFinding> Evaluate(QualificationSpec qualification, ConstraintSpec constraint, List<UnitSpec> selected)
    {
        var groups = constraint.Groups.Select(id => qualification.Groups.First(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase))).ToList();
        var inGroups = selected.Where(u => groups.Any(g => g.Units.Contains(u.Code, StringComparer.OrdinalIgnoreCase))).ToList();
        switch (constraint.Kind)
        {
            case ConstraintKind.TotalCredits:
            {
                var have = Credits(selected);
                if (have < constraint.Min)
                {
                    yield return new CombinationFinding(CombinationRule.TotalCredits,
                        $"Needs {constraint.Min} credits in all; the selection has {have}, so {Units(constraint.Min - have)} more credits are needed.",
                        constraint.Text, constraint.Min - have);
                }

                break;
            }

            case ConstraintKind.CreditsFromGroups:
            {
                var have = Credits(inGroups);
                if (have < constraint.Min)
                {
                    yield return new CombinationFinding(CombinationRule.CreditsFromGroups,
                        $"Needs {constraint.Min} credits from {NameGroups(groups)}; the selection has {have} from {(groups.Count == 1 ? "it" : "them")}, so {Units(constraint.Min - have)} more credits are needed.",
                        constraint.Text, constraint.Min - have);
                }

                break;
            }

            case ConstraintKind.UnitsFromEachGroup:
                foreach (var group in groups)
                {
                    var have = selected.Count(u => group.Units.Contains(u.Code, StringComparer.OrdinalIgnoreCase));
                    if (have < constraint.Min)
                    {
                        var needed = constraint.Min == 1 ? "at least one unit" : $"at least {constraint.Min} units";
                        yield return new CombinationFinding(CombinationRule.UnitsFromEachGroup,
                            $"Needs {needed} from {group.Describe()}.", constraint.Text, constraint.Min - have);
                    }
                }

                break;

            case ConstraintKind.CreditsAtLevels:
            {
                var have = Credits(inGroups.Where(u => u.Level is int level && constraint.Levels.Contains(level)));
                if (have < constraint.Min)
                {
                    var levels = string.Join(" or ", constraint.Levels.Order().Select(l => l.ToString(CultureInfo.InvariantCulture)));
                    yield return new CombinationFinding(CombinationRule.CreditsAtLevels,
                        $"Needs {constraint.Min} credits at Level {levels} from {NameGroups(groups)}; the selection has {have}, so {Units(constraint.Min - have)} more credits at Level {levels} are needed.",
                        constraint.Text, constraint.Min - have);
                }

                break;
            }
        }
    }

    private static int Credits(IEnumerable<UnitSpec> units) => units.Sum(u => u.Credits ?? 0);

    /// <summary>
    /// What a selection needs, one line per rule, worded from the rules themselves (issue 16): what a learner and an
    /// administrator read beside the awarding body's own text, so a rule a centre adds or corrects explains itself.
    /// </summary>
    public static IReadOnlyList<string> Explain(QualificationSpec qualification)
    {
        ArgumentNullException.ThrowIfNull(qualification);
        var lines = qualification.Groups.Where(g => g.Mandatory).Select(g => $"every unit of {g.Describe()}").ToList();
        if (qualification.Rules is null)
        {
            lines.Add("every unit of the qualification: no rules of combination are recorded for it");
            return lines;
        }

        foreach (var c in qualification.Rules.Constraints)
        {
            var groups = c.Groups.Select(id => qualification.Groups.First(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase))).ToList();
            lines.Add(c.Kind switch
            {
                ConstraintKind.TotalCredits => $"at least {Units(c.Min)} credits in all",
                ConstraintKind.CreditsFromGroups => $"at least {Units(c.Min)} credits from {NameGroups(groups)}",
                ConstraintKind.UnitsFromEachGroup => $"at least {(c.Min == 1 ? "one unit" : $"{Units(c.Min)} units")} from each of {(groups.Count == 1 ? $"group {groups[0].Id}" : "groups " + string.Join(", ", groups.Take(groups.Count - 1).Select(g => g.Id)) + " and " + groups[^1].Id)}",
                _ => $"at least {Units(c.Min)} credits at Level {string.Join(" or ", c.Levels.Order().Select(Units))} from {NameGroups(groups)}",
            });
        }

        return lines;
    }

    private static string Units(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string NameGroups(List<UnitGroupSpec> groups) =>
        groups.Count == 1
            ? $"group {groups[0].Id}, {groups[0].Title}"
            : "groups " + string.Join(", ", groups.Take(groups.Count - 1).Select(g => g.Id)) + " and " + groups[^1].Id + " together";
}
