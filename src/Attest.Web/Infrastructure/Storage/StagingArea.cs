using System.Security.Cryptography;

namespace Attest.Web.Infrastructure.Storage;

/// <summary>A complete file in the staging area, hashed on the way in, not yet evidence.</summary>
public sealed record StagedFile(string Path, string Sha256, long Size, byte[] Head)
{
    /// <summary>The hash of a file that is only a part of one (a resumable upload's), hashed when the parts are joined.</summary>
    public const string Unhashed = "";
}

public sealed class FileTooLargeException(long limit) : Exception($"The file is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// Local disk where incoming bytes land before they become evidence: form uploads, resumable uploads and
/// split recordings are written, fsynced and checked here, then promoted into the file store. Anything left
/// here by a crash is removed by the sweeper, so nothing half-written is ever counted as evidence.
/// </summary>
public sealed class StagingArea
{
    public const int HeadLength = 64;
    private const int BufferSize = 1024 * 1024;

    public StagingArea(string dataFolder)
    {
        Root = System.IO.Path.Combine(dataFolder, "staging");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A new server-made path in the staging area; the caller creates the file.</summary>
    public string NewPath(string extension = ".part") => System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N") + extension);

    /// <summary>
    /// Streams content to a new staged file while hashing it, then fsyncs. Nothing is left on failure. With
    /// <paramref name="knownSha256"/> (worked out as the same bytes arrived earlier) the bytes are not hashed again.
    /// </summary>
    public async Task<StagedFile> WriteAsync(Stream content, long maxBytes, CancellationToken cancellationToken, string? knownSha256 = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = NewPath();
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[HeadLength];
            var headLength = 0;
            long size = 0;
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    var headPart = Math.Min(read, HeadLength - headLength);
                    buffer.AsSpan(0, headPart).CopyTo(head.AsSpan(headLength));
                    headLength += headPart;
                    if (knownSha256 is null)
                    {
                        hash.AppendData(buffer, 0, read);
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                output.Flush(flushToDisk: true);
            }

            return new StagedFile(path, knownSha256 ?? Convert.ToHexStringLower(hash.GetHashAndReset()), size, head[..headLength]);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Hashes a file the server wrote into the staging area itself (such as a cut part of a recording).</summary>
    public static async Task<StagedFile> DescribeAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        return new StagedFile(path, sha256, file.Length, ReadHead(path));
    }

    /// <summary>Reads the first bytes of a staged file for type sniffing.</summary>
    public static byte[] ReadHead(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[HeadLength];
        var length = file.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
        return head[..length];
    }

    /// <summary>Removes staged files not written to since <paramref name="before"/> (crash leftovers).</summary>
    public int RemoveStale(DateTime before)
    {
        var removed = 0;
        foreach (var file in new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.LastWriteTimeUtc < before)
            {
                file.Delete();
                removed++;
            }
        }

        return removed;
    }
}
