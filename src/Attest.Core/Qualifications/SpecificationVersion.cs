using Attest.Core.Ledger;

namespace Attest.Core.Qualifications;

/// <summary>
/// A centre's own version of a qualification's specification (issue 16), kept as the YAML text it was checked from:
/// append-only and signed, so what a learner is or was assessed against can always be shown and exported again. Versions
/// count from 1 per qualification code within a centre; the catalogue Attest ships is version 0 ("as shipped").
/// </summary>
public sealed class SpecificationVersion : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "specification-version";

    /// <summary>A long qualification (59 units with every criterion) is about 200 KB of YAML; this leaves room and stops abuse.</summary>
    public const int MaxYamlLength = 2_000_000;

    public const int MaxNoteLength = 1000;

    private SpecificationVersion()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public string QualificationCode { get; private init; } = string.Empty;

    public int Version { get; private init; }

    public string Yaml { get; private init; } = string.Empty;

    /// <summary>The file name it came in as, or "form" for a unit added or corrected on the page.</summary>
    public string Origin { get; private init; } = string.Empty;

    /// <summary>What the person said the version changes (optional); the changes themselves are worked out on moving learners.</summary>
    public string Note { get; private init; } = string.Empty;

    public Guid CreatedBy { get; private init; }

    public string CreatedByName { get; private init; } = string.Empty;

    public DateTime CreatedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>
    /// The next version of <paramref name="spec"/> (already checked by <see cref="CatalogueLoader"/>, the one validator),
    /// refusing a file identical in meaning to the version in force, so every version changes something.
    /// </summary>
    /// <param name="current">The specification the centre runs now for this code (its latest version or the shipped file), or null for a new qualification.</param>
    public static SpecificationVersion Create(
        Guid centreId, QualificationSpec spec, string yaml, string origin, string? note, QualificationSpec? current, Guid by, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<(string Field, string Message)>();
        if (yaml.Length > MaxYamlLength)
        {
            errors.Add(("File", $"The specification is {yaml.Length:N0} characters; at most {MaxYamlLength:N0} are kept."));
        }

        if ((note?.Length ?? 0) > MaxNoteLength)
        {
            errors.Add(("Note", $"The note can be at most {MaxNoteLength} characters."));
        }

        if (current is not null && SpecificationChanges.Between(current, spec).IsEmpty)
        {
            errors.Add(("File", $"This is the same as {current.DisplayName} {current.VersionName}: nothing to save."));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        return new SpecificationVersion
        {
            CentreId = centreId,
            QualificationCode = spec.Code,
            Version = (current?.Version ?? 0) + 1,
            Yaml = yaml,
            Origin = origin,
            Note = note?.Trim() ?? string.Empty,
            CreatedBy = by,
            CreatedByName = byName,
            CreatedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("qualification", QualificationCode)
        .Add("specificationVersion", Version)
        .Add("yamlSha256", LedgerEntry.Hash(Yaml))
        .Add("origin", Origin)
        .Add("note", Note)
        .Add("createdBy", CreatedBy)
        .Add("createdByName", CreatedByName)
        .Add("createdAt", CreatedAt)
        .ToString();
}
