using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;

namespace Attest.Web.Features.Evidence.Uploads;

/// <summary>Where a resumable upload stands, as HEAD reports it.</summary>
public sealed record UploadStatus(string Id, long Offset, long Length, string FileName, string? FileType, DateTime ExpiresAt)
{
    public bool IsComplete => Offset == Length;
}

public enum UploadOutcome
{
    Done,
    NotFound,

    /// <summary>
    /// Another request holds the upload: 423 Locked, as tusd answers. Usually it is the client's own earlier PATCH whose
    /// connection dropped before the server noticed; tus-js-client retries 423 after a delay, by when that request has
    /// ended. Not 409, which says the offset is wrong, when it may well be right.
    /// </summary>
    Locked,
    OffsetMismatch,
    PastLength,
    ChecksumMismatch,
}

public sealed record AppendResult(UploadOutcome Outcome, long Offset = 0, DateTime ExpiresAt = default);

/// <summary>
/// The storage behind the tus endpoints. An upload is two files in the staging area: <c>uploads/{id}.part</c>, whose
/// length is the offset, and <c>uploads/{id}.json</c>, its owner (centre and user), length, file name and, once complete,
/// SHA-256 and first bytes. Bytes are hashed as they arrive, with the hash state kept in memory between PATCHes, so a
/// file is read once; after a restart that state is gone and the prefix on disk is hashed again, once. One request at a
/// time may change an upload (a per-upload gate; this assumes one app process per data folder). A completed upload is
/// handed to the evidence page exactly once by <see cref="TakeCompletedAsync"/>; anything abandoned is removed by the
/// sweeper (<see cref="RemoveExpired"/> and the staging grace period).
/// </summary>
public sealed class ResumableUploads
{
    private const int BufferSize = 1024 * 1024;

    private readonly ConcurrentDictionary<string, Live> _live = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly ILogger<ResumableUploads> _logger;
    private readonly TimeSpan _expiry;

    public ResumableUploads(StagingArea staging, IOptions<UploadOptions> options, TimeProvider clock, ILogger<ResumableUploads> logger)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(options);
        Folder = Path.Combine(staging.Root, "uploads");
        Directory.CreateDirectory(Folder);
        _clock = clock;
        _logger = logger;
        _expiry = TimeSpan.FromHours(options.Value.ResumableExpiryHours);
    }

    public string Folder { get; }

    /// <summary>Ids are made by the server (32 lower-case hex digits), so an id can never become a path elsewhere.</summary>
    public static bool IsValidId(string? id) => id is not null && StoredNames.IsValid(id);

    public UploadStatus Create(Guid centreId, Guid userId, long length, string fileName, string? fileType)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var id = StoredNames.New();
        var now = _clock.GetUtcNow().UtcDateTime;

        // The part file first: a record always has its bytes, and a part left without a record is swept as stale staging.
        File.Create(PartPath(id)).Dispose();
        var record = new UploadRecord(centreId, userId, length, fileName, fileType, now, null, null);
        WriteRecord(id, record);
        return new UploadStatus(id, 0, length, fileName, fileType, now + _expiry);
    }

    /// <summary>The upload if it exists, has not expired and belongs to this user in this centre; otherwise null (404).</summary>
    public UploadStatus? Find(string uploadId, Guid userId, Guid centreId)
    {
        if (!IsValidId(uploadId) || Load(uploadId, userId, centreId, _clock.GetUtcNow().UtcDateTime) is not { } loaded)
        {
            return null;
        }

        var (record, part) = loaded;

        return new UploadStatus(uploadId, part.Length, record.Length, record.FileName, record.FileType, ExpiresAt(record, part));
    }

    /// <summary>Bytes reserved by a centre's uploads in progress (their full lengths), for the quota.</summary>
    public long ReservedBytes(Guid centreId)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        long total = 0;
        foreach (var id in Ids())
        {
            if (ReadRecord(id) is { } record && record.CentreId == centreId && new FileInfo(PartPath(id)) is { Exists: true } part && ExpiresAt(record, part) > now)
            {
                total += record.Length;
            }
        }

        return total;
    }

    /// <summary>
    /// Appends a PATCH body at <paramref name="offset"/>, streaming it to disk through a 1 MiB buffer and hashing it on the
    /// way, then fsyncs. If the client goes away midway, the bytes received are kept and reported by the next HEAD, unless
    /// a checksum was sent, which can then not be checked, so the chunk is dropped.
    /// </summary>
    public async Task<AppendResult> AppendAsync(string uploadId, Guid userId, Guid centreId, long offset, Stream body, long? contentLength, byte[]? expectedSha1, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!IsValidId(uploadId))
        {
            return new(UploadOutcome.NotFound);
        }

        var live = _live.GetOrAdd(uploadId, _ => new Live());
        if (!live.Gate.Wait(0, CancellationToken.None))
        {
            return new(UploadOutcome.Locked);
        }

        try
        {
            if (Load(uploadId, userId, centreId, _clock.GetUtcNow().UtcDateTime) is not { } loaded)
            {
                Forget(uploadId, live);
                return new(UploadOutcome.NotFound);
            }

            var (record, part) = loaded;

            var start = part.Length;
            if (offset != start)
            {
                return new(UploadOutcome.OffsetMismatch, start);
            }

            if (start + (contentLength ?? 0) > record.Length)
            {
                return new(UploadOutcome.PastLength, start);
            }

            if (record.Sha256 is null)
            {
                var end = await WriteAsync(uploadId, live, record, start, body, expectedSha1, cancellationToken);
                if (end.Outcome != UploadOutcome.Done)
                {
                    return end;
                }

                if (end.Offset == record.Length)
                {
                    await CompleteAsync(uploadId, record, live, cancellationToken);
                }
            }
            else if (await body.ReadAsync(new byte[1], cancellationToken) > 0)
            {
                return new(UploadOutcome.PastLength, start);
            }

            part.Refresh();
            return new(UploadOutcome.Done, part.Length, ExpiresAt(record, part));
        }
        finally
        {
            live.Gate.Release();
        }
    }

    /// <summary>tus termination: removes the upload and its bytes.</summary>
    public UploadOutcome Terminate(string uploadId, Guid userId, Guid centreId)
    {
        if (!IsValidId(uploadId))
        {
            return UploadOutcome.NotFound;
        }

        var live = _live.GetOrAdd(uploadId, _ => new Live());
        if (!live.Gate.Wait(0))
        {
            return UploadOutcome.Locked;
        }

        try
        {
            var found = Load(uploadId, userId, centreId, _clock.GetUtcNow().UtcDateTime) is not null;
            if (found)
            {
                Remove(uploadId);
            }

            Forget(uploadId, live);
            return found ? UploadOutcome.Done : UploadOutcome.NotFound;
        }
        finally
        {
            live.Gate.Release();
        }
    }

    /// <summary>
    /// Hands a completed upload of this user in this centre to the caller exactly once: its record is removed, so a second
    /// call (or HEAD, PATCH, DELETE) finds nothing. The caller checks and promotes the staged file; if it fails before
    /// promoting, the file is left to the sweeper, whose grace period starts now.
    /// </summary>
    public async Task<IncomingFile?> TakeCompletedAsync(string uploadId, Guid userId, Guid centreId, CancellationToken cancellationToken)
    {
        if (!IsValidId(uploadId))
        {
            return null;
        }

        var live = _live.GetOrAdd(uploadId, _ => new Live());
        await live.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            if (Load(uploadId, userId, centreId, now) is not { } loaded)
            {
                Forget(uploadId, live);
                return null;
            }

            var (record, part) = loaded;

            if (part.Length != record.Length)
            {
                return null;
            }

            record = record.Sha256 is null ? await CompleteAsync(uploadId, record, live, cancellationToken) : record;

            // A rename keeps the file's time, and the store's sweeper judges a file's age by it: restart the clock here so a
            // file that finished long ago is not taken for an old orphan between its promotion and its row's commit.
            File.SetLastWriteTimeUtc(part.FullName, now);
            File.Delete(RecordPath(uploadId));
            Forget(uploadId, live);
            return new IncomingFile(new StagedFile(part.FullName, record.Sha256!, record.Length, record.Head ?? []), record.FileName);
        }
        finally
        {
            live.Gate.Release();
        }
    }

    /// <summary>Removes uploads not written to within the expiry period (the sweeper calls this with its clock).</summary>
    public int RemoveExpired(DateTime now)
    {
        var removed = 0;
        foreach (var id in Ids())
        {
            var live = _live.GetOrAdd(id, _ => new Live());
            if (!live.Gate.Wait(0))
            {
                continue; // being written to, so not idle
            }

            try
            {
                var record = ReadRecord(id);
                var part = new FileInfo(PartPath(id));
                if (record is not null && (!part.Exists || ExpiresAt(record, part) <= now))
                {
                    Remove(id);
                    Forget(id, live);
                    removed++;
                }
            }
            finally
            {
                live.Gate.Release();
            }
        }

        return removed;
    }

    /// <summary>Whether a staging file belongs to an upload that still has its record, so the sweeper keeps it.</summary>
    public bool IsLive(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var id = name.Split('.')[0];
        return string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), Path.GetFullPath(Folder), StringComparison.Ordinal)
            && IsValidId(id) && (name == id + ".part" || name == id + ".json") && File.Exists(RecordPath(id));
    }

    /// <summary>
    /// Receiving, writing and hashing overlap: while one buffer is written (on a thread-pool thread) and hashed, the next
    /// is received into the other, so neither a slow disk nor the hash holds up the socket.
    /// </summary>
    private async Task<AppendResult> WriteAsync(string id, Live live, UploadRecord record, long start, Stream body, byte[]? expectedSha1, CancellationToken cancellationToken)
    {
        await EnsureHashAsync(id, live, start, cancellationToken);
        using var sha1 = expectedSha1 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(BufferSize), ArrayPool<byte>.Shared.Rent(BufferSize)];
        var pending = Task.CompletedTask;
        try
        {
            using var file = File.OpenHandle(PartPath(id), FileMode.Open, FileAccess.Write, FileShare.Read);
            var position = start;
            var interrupted = false;
            for (var turn = 0; ; turn++)
            {
                var buffer = buffers[turn % 2];
                var (filled, ended, cut) = await FillAsync(body, buffer);
                interrupted |= cut;
                await pending; // the other buffer is stored; a failed write surfaces here
                if (position + filled > record.Length)
                {
                    Truncate(file, live, start);
                    return new(UploadOutcome.PastLength, start);
                }

                if (filled > 0)
                {
                    pending = StoreAsync(file, live, sha1, buffer, filled, position);
                    position += filled;
                }

                if (ended)
                {
                    break;
                }
            }

            await pending;
            if (sha1 is not null && (interrupted || !CryptographicOperations.FixedTimeEquals(sha1.GetHashAndReset(), expectedSha1)))
            {
                Truncate(file, live, start);
                return new(interrupted ? UploadOutcome.Done : UploadOutcome.ChecksumMismatch, start);
            }

            RandomAccess.FlushToDisk(file);
            if (interrupted)
            {
                _logger.LogInformation("Upload {Id}: request ended early; kept {Bytes} bytes, now at {Offset} of {Length}", id, position - start, position, record.Length);
            }

            return new(UploadOutcome.Done, position);
        }
        finally
        {
            await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // no buffer goes back while in use
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }

    /// <summary>Fills the buffer from the request body; <c>Cut</c> when the client went away, with what had arrived kept.</summary>
    private static async Task<(int Filled, bool Ended, bool Cut)> FillAsync(Stream body, byte[] buffer)
    {
        var filled = 0;
        try
        {
            while (filled < BufferSize)
            {
                // Not cancelled by the request's abort token: when a client goes away, the bytes it sent before are still
                // to be read, and the read itself then fails.
                var read = await body.ReadAsync(buffer.AsMemory(filled, BufferSize - filled), CancellationToken.None);
                if (read == 0)
                {
                    return (filled, true, false);
                }

                filled += read;
            }

            return (filled, false, false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return (filled, true, true);
        }
    }

    /// <summary>Writes a buffer at its offset and hashes it, side by side. A failed write leaves the hash ahead of the file, which the next PATCH notices and rebuilds.</summary>
    private static Task StoreAsync(SafeFileHandle file, Live live, IncrementalHash? sha1, byte[] buffer, int count, long offset)
    {
        var write = RandomAccess.WriteAsync(file, buffer.AsMemory(0, count), offset).AsTask();
        var hash = Task.Run(() =>
        {
            live.Hash!.AppendData(buffer, 0, count);
            live.Hashed += count;
            sha1?.AppendData(buffer, 0, count);
        });
        return Task.WhenAll(write, hash);
    }

    /// <summary>Makes the in-memory hash cover exactly the bytes on disk, re-reading them only when it does not (after a restart).</summary>
    private async Task EnsureHashAsync(string id, Live live, long length, CancellationToken cancellationToken)
    {
        if (live.Hash is not null && live.Hashed == length)
        {
            return;
        }

        live.StartHash();
        if (length > 0)
        {
            _logger.LogInformation("Upload {Id}: hashing the {Bytes} bytes already on disk (first write since a restart)", id, length);
            await using var file = new FileStream(PartPath(id), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize, FileOptions.SequentialScan);
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                long left = length;
                while (left > 0)
                {
                    var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BufferSize, left)), cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    live.Hash!.AppendData(buffer, 0, read);
                    left -= read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        live.Hashed = length;
    }

    /// <summary>Records the hash and first bytes of a complete upload, so HEAD and the hand-over need not read it again.</summary>
    private async Task<UploadRecord> CompleteAsync(string id, UploadRecord record, Live live, CancellationToken cancellationToken)
    {
        await EnsureHashAsync(id, live, record.Length, cancellationToken);
        var completed = record with { Sha256 = Convert.ToHexStringLower(live.Hash!.GetHashAndReset()), Head = StagingArea.ReadHead(PartPath(id)) };
        live.DropHash();
        WriteRecord(id, completed);
        return completed;
    }

    private static void Truncate(SafeFileHandle file, Live live, long length)
    {
        RandomAccess.SetLength(file, length);
        RandomAccess.FlushToDisk(file);
        live.DropHash(); // it has taken bytes that are gone; the next PATCH rebuilds it from disk
    }

    private (UploadRecord Record, FileInfo Part)? Load(string id, Guid userId, Guid centreId, DateTime now)
    {
        var record = ReadRecord(id);
        var part = new FileInfo(PartPath(id));
        return record is not null && record.UserId == userId && record.CentreId == centreId && part.Exists && ExpiresAt(record, part) > now
            ? (record, part)
            : null;
    }

    /// <summary>Expiry runs from the last write, which the part file's time records without rewriting the record each PATCH.</summary>
    private DateTime ExpiresAt(UploadRecord record, FileInfo part) =>
        (part.LastWriteTimeUtc > record.CreatedAt ? part.LastWriteTimeUtc : record.CreatedAt) + _expiry;

    private void Remove(string id)
    {
        File.Delete(RecordPath(id)); // the record first: without it the upload no longer exists
        File.Delete(PartPath(id));
    }

    private void Forget(string id, Live live)
    {
        if (_live.TryRemove(KeyValuePair.Create(id, live)))
        {
            live.DropHash();
        }
    }

    private IEnumerable<string> Ids() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(IsValidId);

    private string PartPath(string id) => Path.Combine(Folder, id + ".part");

    private string RecordPath(string id) => Path.Combine(Folder, id + ".json");

    private UploadRecord? ReadRecord(string id)
    {
        try
        {
            return JsonSerializer.Deserialize<UploadRecord>(File.ReadAllBytes(RecordPath(id)));
        }
        catch (Exception e) when (e is FileNotFoundException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Written to a temporary file, fsynced and renamed, so a crash leaves the old record or the new, never half of one.</summary>
    private void WriteRecord(string id, UploadRecord record)
    {
        var temporary = RecordPath(id) + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, record);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, RecordPath(id), overwrite: true);
    }

    private sealed record UploadRecord(Guid CentreId, Guid UserId, long Length, string FileName, string? FileType, DateTime CreatedAt, string? Sha256, byte[]? Head);

    /// <summary>What one process knows of an upload between requests: its gate and the running hash of the bytes on disk.</summary>
    private sealed class Live
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public IncrementalHash? Hash { get; private set; }

        public long Hashed { get; set; }

        public void StartHash()
        {
            Hash?.Dispose();
            Hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Hashed = 0;
        }

        public void DropHash()
        {
            Hash?.Dispose();
            Hash = null;
        }
    }
}
