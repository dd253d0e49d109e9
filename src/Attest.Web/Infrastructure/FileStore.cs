using System.Security.Cryptography;

namespace Attest.Web.Infrastructure;

/// <summary>A file kept by the store: server-made name, SHA-256, size, and its first bytes for type sniffing.</summary>
public sealed record StoredFile(string Name, string Sha256, long Size, byte[] Head);

public sealed class FileTooLargeException(long limit) : Exception($"The file is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>Where evidence files live. Names are made by the server; user file names are metadata only.</summary>
public interface IFileStore
{
    /// <summary>Streams to a staging file while hashing, fsyncs, then renames into place. Nothing is kept on failure.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    Stream OpenRead(string name);

    void Delete(string name);

    /// <summary>True when the store can be written to (health check).</summary>
    bool CanWrite();
}

/// <summary>The local-disk store: files/ab/abcdef... with staging/ beside it on the same volume, so rename is atomic.</summary>
public sealed class LocalFileStore : IFileStore
{
    private const int HeadLength = 64;
    private readonly string _files;
    private readonly string _staging;

    public LocalFileStore(string dataFolder)
    {
        _files = Path.Combine(dataFolder, "files");
        _staging = Path.Combine(dataFolder, "staging");
        Directory.CreateDirectory(_files);
        Directory.CreateDirectory(_staging);
    }

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Guid.NewGuid().ToString("N");
        var staged = Path.Combine(_staging, name + ".part");
        var head = new List<byte>(HeadLength);
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var output = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    if (head.Count < HeadLength)
                    {
                        head.AddRange(buffer.Take(Math.Min(read, HeadLength - head.Count)));
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                output.Flush(flushToDisk: true);
            }

            var final = PathOf(name);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(staged, final);
            return new StoredFile(name, Convert.ToHexStringLower(hash.GetHashAndReset()), size, [.. head]);
        }
        catch
        {
            File.Delete(staged);
            throw;
        }
    }

    public Stream OpenRead(string name) =>
        new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public void Delete(string name) => File.Delete(PathOf(name));

    public bool CanWrite()
    {
        try
        {
            var probe = Path.Combine(_staging, "health-" + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string PathOf(string name)
    {
        if (name.Length != 32 || !name.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a stored file name.", nameof(name));
        }

        return Path.Combine(_files, name[..2], name);
    }
}
