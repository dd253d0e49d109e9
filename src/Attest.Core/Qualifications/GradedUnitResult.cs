namespace Attest.Core.Qualifications;

public enum UnitGrade { Unclassified, Pass, Merit, Distinction }

public sealed record GradeResult(UnitGrade Grade, IReadOnlyList<string> MissingForPass, IReadOnlyList<string> MissingForNext, string Explanation);

/// <summary>
/// The grade of a Cambridge Technicals unit from the criteria met (seed 000): every pass criterion gives
/// Pass; every pass and merit criterion gives Merit; every pass, merit and distinction criterion gives
/// Distinction; "missing just one pass criterion means they will not pass the unit, even if they have
/// successfully met the merit and distinction criteria".
/// </summary>
public static class GradedUnitResult
{
    public static GradeResult Grade(UnitSpec unit, IEnumerable<string> criteriaMet)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var met = new HashSet<string>(criteriaMet, StringComparer.OrdinalIgnoreCase);
        List<string> Missing(GradeBand band) => unit.Criteria.Where(c => c.Grade == band && !met.Contains(c.Ref)).Select(c => c.Ref).ToList();

        var pass = Missing(GradeBand.Pass);
        var merit = Missing(GradeBand.Merit);
        var distinction = Missing(GradeBand.Distinction);
        if (pass.Count > 0)
        {
            return new GradeResult(UnitGrade.Unclassified, pass, pass,
                $"Unclassified: pass criteria {string.Join(", ", pass)} not yet met. Missing just one pass criterion means the unit is not passed, even if merit and distinction criteria are met.");
        }

        if (merit.Count > 0)
        {
            return new GradeResult(UnitGrade.Pass, [], merit,
                $"Pass: every pass criterion is met. Merit also needs {string.Join(", ", merit)}.");
        }

        if (distinction.Count > 0)
        {
            return new GradeResult(UnitGrade.Merit, [], distinction,
                $"Merit: every pass and merit criterion is met. Distinction also needs {string.Join(", ", distinction)}.");
        }

        return new GradeResult(UnitGrade.Distinction, [], [], "Distinction: every pass, merit and distinction criterion is met.");
    }
}
