namespace Attest.Core.Qualifications;

/// <summary>
/// The qualifications a centre can use: the catalogue Attest ships (loaded and validated at start) and the centre's own
/// versions (issue 16), read when first asked. What the centre offers now is its latest version of each qualification, or
/// the shipped file; an enrolment is assessed against the version it was made on or moved to.
/// </summary>
public sealed class Catalogue
{
    private readonly Lazy<IReadOnlyList<QualificationSpec>> _versions;
    private readonly Lazy<IReadOnlyList<QualificationSpec>> _current;

    public Catalogue(IReadOnlyList<QualificationSpec> shipped)
        : this(shipped, static () => [])
    {
    }

    /// <param name="centreVersions">Reads the centre's versions, once, when first needed.</param>
    public Catalogue(IReadOnlyList<QualificationSpec> shipped, Func<IReadOnlyList<QualificationSpec>> centreVersions)
    {
        Shipped = shipped;
        _versions = new Lazy<IReadOnlyList<QualificationSpec>>(centreVersions);
        _current = new Lazy<IReadOnlyList<QualificationSpec>>(() =>
        {
            var latest = _versions.Value.GroupBy(v => v.Code, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(v => v.Version)!).ToList();
            return [.. Shipped.Where(q => !latest.Any(v => Same(v.Code, q.Code))).Concat(latest).OrderBy(q => q.Code, StringComparer.Ordinal)];
        });
    }

    public IReadOnlyList<QualificationSpec> Shipped { get; }

    /// <summary>What the centre offers now: its latest version of each qualification, else the shipped one.</summary>
    public IReadOnlyList<QualificationSpec> Qualifications => _current.Value;

    /// <summary>The qualification as the centre offers it now (new enrolments, the catalogue pages, names).</summary>
    public QualificationSpec? Find(string code) => Qualifications.FirstOrDefault(q => Same(q.Code, code));

    /// <summary>The specification an enrolment is assessed against: the centre's version it names, or the shipped file when it names none.</summary>
    public QualificationSpec? Find(string code, Guid? specificationId) => specificationId is Guid id
        ? _versions.Value.FirstOrDefault(v => v.SpecificationId == id && Same(v.Code, code))
        : Shipped.FirstOrDefault(q => Same(q.Code, code));

    /// <summary>The specification <paramref name="enrolment"/> is assessed against.</summary>
    public QualificationSpec? Of(Portfolios.Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return Find(enrolment.QualificationCode, enrolment.SpecificationId);
    }

    /// <summary>Every version of a qualification the centre can see, newest first, ending with the shipped file if there is one.</summary>
    public IReadOnlyList<QualificationSpec> Versions(string code) =>
        [.. _versions.Value.Where(v => Same(v.Code, code)).OrderByDescending(v => v.Version).Concat(Shipped.Where(q => Same(q.Code, code)))];

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
