namespace Attest.Core.Qualifications;

/// <summary>
/// The qualifications a centre can use: the catalogue Attest ships (loaded and validated at start) and the centre's own
/// versions (issue 16). What the centre offers now is its latest version of each qualification, or the shipped file; an
/// enrolment is assessed against the version it was made on or moved to.
/// </summary>
/// <remarks>
/// The centre's versions are read once per request by <see cref="LoadAsync"/>, which the web app calls as soon as the
/// request's centre is known. Reading them without it (a page that learns its centre late, a background pass that forgot)
/// still gives the right answer through a synchronous read, which under load would hold a thread per request: call
/// <see cref="LoadAsync"/> first.
/// </remarks>
public sealed class Catalogue
{
    private readonly Func<IReadOnlyList<QualificationSpec>> _read;
    private readonly Func<CancellationToken, Task<IReadOnlyList<QualificationSpec>>> _readAsync;
    private IReadOnlyList<QualificationSpec>? _versions;
    private IReadOnlyList<QualificationSpec>? _current;

    public Catalogue(IReadOnlyList<QualificationSpec> shipped)
        : this(shipped, static () => [], static _ => Task.FromResult<IReadOnlyList<QualificationSpec>>([]))
    {
    }

    /// <param name="read">Reads the centre's versions, when they are needed before <see cref="LoadAsync"/>.</param>
    /// <param name="readAsync">Reads the centre's versions.</param>
    public Catalogue(IReadOnlyList<QualificationSpec> shipped, Func<IReadOnlyList<QualificationSpec>> read, Func<CancellationToken, Task<IReadOnlyList<QualificationSpec>>> readAsync)
    {
        Shipped = shipped;
        _read = read;
        _readAsync = readAsync;
    }

    public IReadOnlyList<QualificationSpec> Shipped { get; }

    /// <summary>Every version of every apprenticeship standard the catalogue ships (a centre has no standards of its own yet).</summary>
    public IReadOnlyList<StandardSpec> Standards { get; init; } = [];

    /// <summary>The latest version of each standard.</summary>
    public IEnumerable<StandardSpec> CurrentStandards =>
        Standards.GroupBy(s => s.Reference, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(s => s.VersionNumber)!).OrderBy(s => s.Reference, StringComparer.Ordinal);

    /// <summary>The standard's latest version.</summary>
    public StandardSpec? FindStandard(string reference) => StandardVersions(reference) is [var latest, ..] ? latest : null;

    /// <summary>One version of a standard: an apprentice stays on the version they started.</summary>
    public StandardSpec? FindStandard(string reference, string version) => StandardVersions(reference).FirstOrDefault(s => s.Version == version);

    /// <summary>The standard's versions, newest first.</summary>
    public IReadOnlyList<StandardSpec> StandardVersions(string reference) =>
        [.. Standards.Where(s => Same(s.Reference, reference)).OrderByDescending(s => s.VersionNumber)];

    /// <summary>The current standards that make the qualification mandatory.</summary>
    public IEnumerable<StandardSpec> StandardsRequiring(string qualificationCode) =>
        CurrentStandards.Where(s => s.Qualifications.Any(q => Same(q, qualificationCode)));

    /// <summary>What the centre offers now: its latest version of each qualification, else the shipped one.</summary>
    public IReadOnlyList<QualificationSpec> Qualifications => _current ??= Current(CentreVersions);

    private IReadOnlyList<QualificationSpec> CentreVersions => _versions ??= _read();

    /// <summary>Reads the centre's versions, if not read yet; the centre must be known by now.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _versions ??= await _readAsync(cancellationToken);
    }

    /// <summary>The qualification as the centre offers it now (new enrolments, the catalogue pages, names).</summary>
    public QualificationSpec? Find(string code) => Qualifications.FirstOrDefault(q => Same(q.Code, code));

    /// <summary>The specification an enrolment is assessed against: the centre's version it names, or the shipped file when it names none.</summary>
    public QualificationSpec? Find(string code, Guid? specificationId) => specificationId is Guid id
        ? CentreVersions.FirstOrDefault(v => v.SpecificationId == id && Same(v.Code, code))
        : Shipped.FirstOrDefault(q => Same(q.Code, code));

    /// <summary>The specification <paramref name="enrolment"/> is assessed against.</summary>
    public QualificationSpec? Of(Portfolios.Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return Find(enrolment.QualificationCode, enrolment.SpecificationId);
    }

    /// <summary>Every version of a qualification the centre can see, newest first, ending with the shipped file if there is one.</summary>
    public IReadOnlyList<QualificationSpec> Versions(string code) =>
        [.. CentreVersions.Where(v => Same(v.Code, code)).OrderByDescending(v => v.Version).Concat(Shipped.Where(q => Same(q.Code, code)))];

    private IReadOnlyList<QualificationSpec> Current(IReadOnlyList<QualificationSpec> versions)
    {
        var latest = versions.GroupBy(v => v.Code, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(v => v.Version)!).ToList();
        return [.. Shipped.Where(q => !latest.Any(v => Same(v.Code, q.Code))).Concat(latest).OrderBy(q => q.Code, StringComparer.Ordinal)];
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
