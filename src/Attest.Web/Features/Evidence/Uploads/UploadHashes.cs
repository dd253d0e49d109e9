using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Attest.Web.Features.Evidence.Uploads;

/// <summary>
/// This instance's running SHA-256 of each upload whose every byte so far it received and kept (the usual case: a
/// client's PATCHes follow one another, mostly to one instance), so that joining the parts need not hash them again.
/// Only a speed-up: a request takes the hash while it writes and gives it back only if every byte it hashed was kept, so
/// a hash never misses or doubles a byte; when there is none, the join hashes the file itself.
/// </summary>
public sealed class UploadHashes
{
    private readonly ConcurrentDictionary<string, RunningHash> _running = new(StringComparer.Ordinal);

    /// <summary>
    /// The hash of the upload's first <paramref name="offset"/> bytes for this request alone (a new one at 0), or null
    /// when this instance did not hash them all or another request holds it.
    /// </summary>
    public RunningHash? Take(string uploadId, long offset, DateTime now)
    {
        _running.TryRemove(uploadId, out var running);
        if (offset == 0)
        {
            running?.Dispose();
            return new RunningHash(now);
        }

        if (running is { Intact: true } && running.Kept == offset)
        {
            running.UsedAt = now;
            return running;
        }

        running?.Dispose();
        return null;
    }

    /// <summary>Keeps the hash for the upload's next request here if every byte it took was kept; drops it otherwise.</summary>
    public void GiveBack(string uploadId, RunningHash running)
    {
        ArgumentNullException.ThrowIfNull(running);
        if (!running.Intact || !_running.TryAdd(uploadId, running))
        {
            running.Dispose();
        }
    }

    /// <summary>Drops the hashes of uploads not written to here since <paramref name="before"/> (finished or abandoned elsewhere).</summary>
    public void ForgetIdle(DateTime before)
    {
        foreach (var (id, running) in _running)
        {
            if (running.UsedAt < before && _running.TryRemove(KeyValuePair.Create(id, running)))
            {
                running.Dispose();
            }
        }
    }
}

/// <summary>A SHA-256 in progress: the bytes it has taken, and how many of them the upload kept.</summary>
public sealed class RunningHash(DateTime now) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _taken;

    /// <summary>Bytes of the upload, from its start, that were hashed and kept.</summary>
    public long Kept { get; set; }

    /// <summary>Whether the hash covers exactly the kept bytes (none hashed that were then not kept).</summary>
    public bool Intact => _taken == Kept;

    public DateTime UsedAt { get; set; } = now;

    public void Append(byte[] buffer, int count)
    {
        _hash.AppendData(buffer, 0, count);
        _taken += count;
    }

    /// <summary>The hash of the kept bytes, or null when it is not <see cref="Intact"/>.</summary>
    public string? Finish() => Intact ? Convert.ToHexStringLower(_hash.GetHashAndReset()) : null;

    public void Dispose() => _hash.Dispose();
}
