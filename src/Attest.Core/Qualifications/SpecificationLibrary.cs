using System.Collections.Concurrent;
using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;

namespace Attest.Core.Qualifications;

/// <summary>
/// The shipped catalogue and the schema every specification is checked against, loaded once at start, and the centres'
/// versions as parsed: a version never changes once saved, so parsing it once per process is safe however many instances
/// run (each reads the same rows).
/// </summary>
public sealed class SpecificationLibrary(IReadOnlyList<QualificationSpec> shipped, JsonSchema schema, IReadOnlyList<StandardSpec> standards)
{
    private readonly ConcurrentDictionary<Guid, QualificationSpec> _parsed = new();

    public IReadOnlyList<QualificationSpec> Shipped { get; } = shipped;

    /// <summary>The shipped apprenticeship standards.</summary>
    public IReadOnlyList<StandardSpec> Standards { get; } = standards;

    /// <summary>Loads the catalogue folder; a bad file stops the app with every problem as file:line:column: reason.</summary>
    public static SpecificationLibrary LoadOrThrow(string directory)
    {
        var result = CatalogueLoader.Load(directory);
        return result.IsValid ? new SpecificationLibrary(result.Catalogue.Qualifications, result.Schema!, result.Catalogue.Standards) : throw new CatalogueException(result.Errors);
    }

    /// <summary>Checks a specification's text exactly as a catalogue file is checked: the one validator for files, forms and imports.</summary>
    public QualificationSpec? Check(string yaml, string displayName, List<CatalogueError> errors) => CatalogueLoader.Parse(yaml, displayName, schema, errors);

    /// <summary>The catalogue of one centre; its versions are read by <see cref="Catalogue.LoadAsync"/>, through a context of their own.</summary>
    public Catalogue CatalogueFor(DbContextOptions<AttestDbContext> options, Centres.ICurrentCentre centre)
    {
        ArgumentNullException.ThrowIfNull(centre);
        // Read when asked, not when made: an anonymous page (a witness link) learns its centre during the request. A context
        // of its own, so reading in the middle of another query's rows cannot collide with it.
        return new Catalogue(
            Shipped,
            () =>
            {
                if (centre.CentreId is not Guid centreId)
                {
                    return [];
                }

                using var db = new AttestDbContext(options, new FixedCentre(centreId));
                var versions = db.SpecificationVersions.AsNoTracking().Select(v => new Header(v.Id, v.QualificationCode, v.Version)).ToList();
                return Parsed(versions, missing => db.SpecificationVersions.AsNoTracking().Where(v => missing.Contains(v.Id)).ToList());
            },
            async cancellationToken =>
            {
                if (centre.CentreId is not Guid centreId)
                {
                    return [];
                }

                await using var db = new AttestDbContext(options, new FixedCentre(centreId));
                var versions = await db.SpecificationVersions.AsNoTracking().Select(v => new Header(v.Id, v.QualificationCode, v.Version)).ToListAsync(cancellationToken);
                var missing = versions.Where(v => !_parsed.ContainsKey(v.Id)).Select(v => v.Id).ToList();
                var stored = missing.Count == 0 ? [] : await db.SpecificationVersions.AsNoTracking().Where(v => missing.Contains(v.Id)).ToListAsync(cancellationToken);
                return Parsed(versions, _ => stored);
            }) { Standards = Standards };
    }

    private sealed record Header(Guid Id, string QualificationCode, int Version);

    /// <summary>The versions, parsing those not seen before from the rows <paramref name="read"/> gives for their ids.</summary>
    private List<QualificationSpec> Parsed(List<Header> versions, Func<List<Guid>, List<SpecificationVersion>> read)
    {
        var missing = versions.Where(v => !_parsed.ContainsKey(v.Id)).Select(v => v.Id).ToList();
        if (missing.Count > 0)
        {
            foreach (var stored in read(missing))
            {
                _parsed.TryAdd(stored.Id, Parsed(stored));
            }
        }

        return [.. versions.Select(v => _parsed[v.Id])];
    }

    private QualificationSpec Parsed(SpecificationVersion stored)
    {
        var errors = new List<CatalogueError>();
        var spec = Check(stored.Yaml, $"{stored.QualificationCode} version {stored.Version}", errors)
            ?? throw new CatalogueException(errors); // it passed the same check when saved: only a schema made stricter since can refuse it
        return spec with { SpecificationId = stored.Id, Version = stored.Version, SourceFile = $"{stored.Origin} (version {stored.Version})" };
    }
}
