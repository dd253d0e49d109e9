namespace Attest.Core.Data;

/// <summary>
/// A tus upload in progress, kept in the database so that every app instance answers for it: a PATCH may land on any
/// of them. Its bytes are <see cref="Parts"/> in the shared file store; <see cref="Offset"/> is where the committed
/// parts end. Not centre-owned (the sweeper removes expired uploads of every centre), so every query names the centre
/// and the user.
/// </summary>
public sealed class ResumableUpload
{
    /// <summary>Made by the server (32 lower-case hex digits), so an id can never become a path elsewhere.</summary>
    public required string Id { get; init; }

    public Guid CentreId { get; init; }

    public Guid UserId { get; init; }

    public long Length { get; init; }

    public long Offset { get; set; }

    public required string FileName { get; init; }

    public string? FileType { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The last committed write; the upload expires a set time after it.</summary>
    public DateTime WrittenAt { get; set; }

    /// <summary>The whole file's SHA-256, when the instance that received the last bytes had hashed every byte before them.</summary>
    public string? Sha256 { get; set; }

    public List<ResumableUploadPart> Parts { get; } = [];

    public bool IsComplete => Offset == Length;
}

/// <summary>A run of an upload's bytes from <see cref="Offset"/>, stored under <see cref="StoredName"/>.</summary>
public sealed class ResumableUploadPart
{
    public required string UploadId { get; init; }

    public long Offset { get; init; }

    public long Size { get; init; }

    public required string StoredName { get; init; }
}
