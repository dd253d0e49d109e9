namespace Attest.Core.Centres;

/// <summary>
/// A file of candidates from the college MIS, kept between upload, column mapping, preview and confirmation (so any app
/// instance can take the next step). Its content is dropped once imported; the row stays as a record of the import.
/// </summary>
public sealed class CandidateImport : ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public string FileName { get; init; } = string.Empty;

    public byte[]? Content { get; set; }

    public Guid UploadedBy { get; init; }

    public DateTime UploadedAt { get; init; }

    public Guid? ImportedBy { get; set; }

    public DateTime? ImportedAt { get; set; }

    /// <summary>What the import did, in words: "12 registered, 3 enrolled, 40 unchanged".</summary>
    public string? Summary { get; set; }
}
