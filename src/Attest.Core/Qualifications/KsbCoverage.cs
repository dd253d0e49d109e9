namespace Attest.Core.Qualifications;

/// <summary>One record (evidence, an off-the-job activity, a review, ...) mapped to one KSB of a standard.</summary>
public sealed record KsbMapping(string KsbCode, Guid RecordId);

/// <summary>A KSB and the records mapped to it: covered when there is at least one.</summary>
public sealed record KsbCoverageLine(KsbSpec Ksb, IReadOnlyList<Guid> Records)
{
    public bool IsCovered => Records.Count > 0;
}

/// <param name="Lines">Every KSB of the standard, in its order.</param>
/// <param name="UnknownCodes">Mapped codes the standard does not define (a mapping made against another standard or version): never counted.</param>
public sealed record KsbCoverageResult(IReadOnlyList<KsbCoverageLine> Lines, IReadOnlyList<string> UnknownCodes)
{
    public int Covered => Lines.Count(l => l.IsCovered);

    public int Total => Lines.Count;

    public bool IsComplete => Lines.All(l => l.IsCovered);

    public IEnumerable<KsbSpec> NotCovered => Lines.Where(l => !l.IsCovered).Select(l => l.Ksb);
}

/// <summary>Which KSBs of a standard the mapped records cover (issue 17, item 4). Pure: the caller reads the mappings.</summary>
public static class KsbCoverage
{
    public static KsbCoverageResult Of(StandardSpec standard, IEnumerable<KsbMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(mappings);
        var byCode = mappings.GroupBy(m => m.KsbCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(m => m.RecordId).Distinct().ToList(), StringComparer.OrdinalIgnoreCase);
        var lines = standard.Ksbs.Select(k => new KsbCoverageLine(k, byCode.GetValueOrDefault(k.Code) ?? [])).ToList();
        var unknown = byCode.Keys.Where(code => standard.FindKsb(code) is null).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new KsbCoverageResult(lines, unknown);
    }
}
