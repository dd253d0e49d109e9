using System.Text.Json;

namespace Attest.Core.Qualifications;

public enum ChangeKind { Added, Removed, Reworded, Changed }

/// <summary>A criterion that differs between two versions; for a rewording, both wordings.</summary>
public sealed record CriterionChange(string Ref, ChangeKind Kind, string? Before, string? After)
{
    public string Describe() => Kind switch
    {
        ChangeKind.Added => $"criterion {Ref} added: \"{After}\"",
        ChangeKind.Removed => $"criterion {Ref} removed (was \"{Before}\")",
        ChangeKind.Reworded => $"criterion {Ref} reworded from \"{Before}\" to \"{After}\"",
        _ => $"criterion {Ref}: kind, grade or number of instances changed",
    };
}

/// <summary>A unit that differs: added, removed, or changed in its criteria or in other parts (outcomes' titles, evidence requirements, policy, grading).</summary>
public sealed record UnitChange(string UnitCode, string UnitTitle, ChangeKind Kind, IReadOnlyList<CriterionChange> Criteria, bool OtherParts)
{
    public IEnumerable<string> Describe()
    {
        if (Kind is ChangeKind.Added or ChangeKind.Removed)
        {
            yield return $"unit {UnitCode} {UnitTitle} {(Kind == ChangeKind.Added ? "added" : "removed")}";
            yield break;
        }

        foreach (var criterion in Criteria)
        {
            yield return $"{UnitCode}: {criterion.Describe()}";
        }

        if (OtherParts)
        {
            yield return $"{UnitCode}: title, credits, learning outcomes, evidence requirements, policy or grading changed";
        }
    }
}

/// <summary>
/// What one version of a qualification changes from another (issue 16): the record a move of learners keeps, and how a
/// correction is refused when it changes nothing. Plain comparison of the two specifications; the files' layout, comments
/// and quoting do not count.
/// </summary>
public sealed record SpecificationChanges(bool QualificationChanged, IReadOnlyList<UnitChange> Units)
{
    public bool IsEmpty => !QualificationChanged && Units.Count == 0;

    /// <summary>One line per change, for the page and the signed record.</summary>
    public IReadOnlyList<string> Describe() =>
        [.. (QualificationChanged ? ["the qualification's title, dates, notes, unit groups or rules of combination changed"] : Array.Empty<string>()).Concat(Units.SelectMany(u => u.Describe()))];

    /// <summary>The changes that matter to a learner enrolled on <paramref name="enrolledUnits"/> (and units they could add).</summary>
    public SpecificationChanges For(IReadOnlyCollection<string> enrolledUnits) =>
        this with { Units = [.. Units.Where(u => enrolledUnits.Contains(u.UnitCode, StringComparer.OrdinalIgnoreCase))] };

    public static SpecificationChanges Between(QualificationSpec older, QualificationSpec newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var qualificationChanged = Canonical(older with { Units = [] }) != Canonical(newer with { Units = [] });
        var units = new List<UnitChange>();
        foreach (var before in older.Units)
        {
            var after = newer.FindUnit(before.Code);
            if (after is null)
            {
                units.Add(new UnitChange(before.Code, before.Title, ChangeKind.Removed, [], false));
                continue;
            }

            var criteria = CriteriaChanges(before, after);
            var otherParts = Canonical(WithoutCriteria(before)) != Canonical(WithoutCriteria(after));
            if (criteria.Count > 0 || otherParts)
            {
                units.Add(new UnitChange(after.Code, after.Title, ChangeKind.Changed, criteria, otherParts));
            }
        }

        units.AddRange(newer.Units.Where(u => older.FindUnit(u.Code) is null).Select(u => new UnitChange(u.Code, u.Title, ChangeKind.Added, [], false)));
        return new SpecificationChanges(qualificationChanged, units);
    }

    private static List<CriterionChange> CriteriaChanges(UnitSpec before, UnitSpec after)
    {
        var changes = new List<CriterionChange>();
        foreach (var old in before.Criteria)
        {
            var now = after.FindCriterion(old.Ref);
            if (now is null)
            {
                changes.Add(new CriterionChange(old.Ref, ChangeKind.Removed, old.Text, null));
            }
            else if (!string.Equals(old.Text, now.Text, StringComparison.Ordinal))
            {
                changes.Add(new CriterionChange(old.Ref, ChangeKind.Reworded, old.Text, now.Text));
            }
            else if (Canonical(old) != Canonical(now))
            {
                changes.Add(new CriterionChange(old.Ref, ChangeKind.Changed, old.Text, now.Text));
            }
        }

        changes.AddRange(after.Criteria.Where(c => before.FindCriterion(c.Ref) is null).Select(c => new CriterionChange(c.Ref, ChangeKind.Added, null, c.Text)));
        return changes;
    }

    private static UnitSpec WithoutCriteria(UnitSpec unit) =>
        unit with { LearningOutcomes = [.. unit.LearningOutcomes.Select(lo => lo with { Criteria = [] })] };

    /// <summary>The meaning of a part as JSON; where it came from (file, version) is not part of it.</summary>
    private static string Canonical<T>(T part) => part switch
    {
        QualificationSpec q => JsonSerializer.Serialize(q with { SourceFile = string.Empty, SpecificationId = null, Version = 0 }),
        _ => JsonSerializer.Serialize(part),
    };
}
