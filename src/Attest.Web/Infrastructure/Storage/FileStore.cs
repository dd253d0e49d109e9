namespace Attest.Web.Infrastructure.Storage;

/// <summary>A file kept by the store under a server-made name.</summary>
public sealed record StoredFile(string Name, string Sha256, long Size, byte[] Head);

/// <summary>A name in the store and when it was written, for the sweeper.</summary>
public sealed record StoredEntry(string Name, DateTime WrittenAt);

/// <summary>
/// Where evidence files live. Names are made by the server; user file names are metadata only. Bytes always
/// arrive through the <see cref="StagingArea"/> and are promoted here complete, so a store never holds a
/// partial file under a real name.
/// </summary>
public interface IFileStore
{
    /// <summary>Moves a complete staged file into the store; the staged file is gone afterwards.</summary>
    Task<StoredFile> PromoteAsync(StagedFile staged, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken);

    Task DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every stored name, for the orphan sweeper.</summary>
    IAsyncEnumerable<StoredEntry> ListAsync(CancellationToken cancellationToken);

    /// <summary>True when the store can be written to (health check).</summary>
    Task<bool> CanWriteAsync(CancellationToken cancellationToken);
}

public static class StoredNames
{
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Only names the server made are accepted, so a name can never become a path elsewhere.</summary>
    public static bool IsValid(string name) => name is { Length: 32 } && name.All(char.IsAsciiHexDigitLower);

    public static string Check(string name) =>
        IsValid(name) ? name : throw new ArgumentException("Not a stored file name.", nameof(name));
}

public static class FileStoreExtensions
{
    /// <summary>Stages a stream (hashing, size limit, fsync) and promotes it: the one way a form upload is kept.</summary>
    public static async Task<StoredFile> SaveAsync(this IFileStore store, StagingArea staging, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(staging);
        var staged = await staging.WriteAsync(content, maxBytes, cancellationToken);
        try
        {
            return await store.PromoteAsync(staged, cancellationToken);
        }
        finally
        {
            File.Delete(staged.Path);
        }
    }
}
