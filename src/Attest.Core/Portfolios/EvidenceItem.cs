namespace Attest.Core.Portfolios;

/// <summary>A piece of evidence in a candidate's portfolio. Its reference (E001, ...) is stable for life.</summary>
public sealed class EvidenceItem : Centres.ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid CandidateId { get; init; }

    /// <summary>E001, E002, ... per candidate.</summary>
    public required string Reference { get; init; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The uploader's file name: shown, never used as a path.</summary>
    public required string OriginalFileName { get; init; }

    public required string ContentType { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Server-made name in the file store.</summary>
    public required string StoredName { get; init; }

    public Guid UploadedBy { get; init; }

    public DateTime UploadedAt { get; init; }

    public static string ReferenceFor(int sequence) => $"E{sequence:000}";
}

/// <summary>
/// The candidate's claim that an item shows a criterion of a unit they are enrolled on. A claim, not a
/// decision: the assessor decides separately.
/// </summary>
public sealed class EvidenceMapping : Centres.ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid EvidenceItemId { get; init; }

    public Guid EnrolmentId { get; init; }

    public required string UnitCode { get; init; }

    public required string CriterionRef { get; init; }

    /// <summary>Page numbers or timings where the criterion is shown (seed 000 evidence checklist).</summary>
    public string? Locator { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedAt { get; init; }
}
