using System.Security.Cryptography;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
    /// Another request is writing to the upload: 423 Locked, as tusd answers. Usually it is the client's own earlier PATCH
    /// whose connection dropped before the server noticed; tus-js-client retries 423 after a delay, by when that request
    /// has ended. Not 409, which says the offset is wrong, when it may well be right.
    /// </summary>
    Locked,
    OffsetMismatch,
    PastLength,
    ChecksumMismatch,
}

public sealed record AppendResult(UploadOutcome Outcome, long Offset = 0, DateTime ExpiresAt = default);

/// <summary>
/// The storage behind the tus endpoints, shared by every app instance (decision 0020): an upload is a
/// <see cref="ResumableUpload"/> row, and a PATCH is committed part by part (each at most
/// <see cref="UploadOptions.ResumablePartBytes"/>), so a PATCH may land on any instance and a long PATCH keeps its progress.
/// With the local store the bytes are appended to one file per upload in the shared data folder (<see cref="UploadFiles"/>)
/// and taken with a rename; with S3, whose instances share no disk, each part is staged, fsynced and promoted into the
/// store, and the parts are joined when taken. One request at a time writes to an upload, holding a lease on it in the
/// database ("upload/{id}", renewed while it writes, so a dead instance's runs out in half a minute); others get 423. A
/// part is committed with a compare-and-set on the upload's offset, so even a request whose lease ran out cannot keep
/// bytes at an offset that has moved on (409, which tus clients resume from). The SHA-256 is worked out as bytes arrive
/// when one instance receives them all (<see cref="UploadHashes"/>), or else when <see cref="TakeCompletedAsync"/> hands
/// the upload to the evidence page, exactly once. A crash leaves uncommitted bytes at the end of an upload's file (cut off
/// by the next request), a staged part (swept as stale staging) or a promoted part with no row (swept as a stored
/// orphan), never a committed offset without its bytes.
/// </summary>
public sealed class ResumableUploads(
    AttestDbContext db, IFileStore store, StagingArea staging, UploadFiles files, UploadHashes hashes, IOptions<UploadOptions> options, TimeProvider clock, ILogger<ResumableUploads> logger)
{
    private const int BufferSize = 1024 * 1024;
    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(10);

    private TimeSpan Expiry => TimeSpan.FromHours(options.Value.ResumableExpiryHours);

    /// <summary>Whether uploads are kept as one file each: with the local store, whose data folder every instance shares.</summary>
    private bool InOneFile => store is LocalFileStore;

    /// <summary>Ids are made by the server (32 lower-case hex digits), so an id can never become a path elsewhere.</summary>
    public static bool IsValidId(string? id) => id is not null && StoredNames.IsValid(id);

    public async Task<UploadStatus> CreateAsync(Guid centreId, Guid userId, long length, string fileName, string? fileType, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var now = clock.GetUtcNow().UtcDateTime;
        var upload = new ResumableUpload
        {
            Id = StoredNames.New(), CentreId = centreId, UserId = userId, Length = length, FileName = fileName, FileType = fileType, CreatedAt = now, WrittenAt = now,
        };
        db.ResumableUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return Status(upload);
    }

    /// <summary>The upload if it exists, has not expired and belongs to this user in this centre; otherwise null (404).</summary>
    public async Task<UploadStatus?> FindAsync(string uploadId, Guid userId, Guid centreId, CancellationToken cancellationToken) =>
        await Owned(uploadId, userId, centreId).AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } upload ? Status(upload) : null;

    /// <summary>Bytes reserved by a centre's uploads in progress (their full lengths), for the quota.</summary>
    public Task<long> ReservedBytesAsync(Guid centreId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - Expiry;
        return db.ResumableUploads.Where(u => u.CentreId == centreId && u.WrittenAt > since).SumAsync(u => u.Length, cancellationToken);
    }

    /// <summary>
    /// Appends a PATCH body at <paramref name="offset"/>, committing it part by part. If the client goes away midway, the
    /// bytes received are kept and reported by the next HEAD, unless a checksum was sent: then the body is one part, kept
    /// only when the whole of it arrived and matches.
    /// </summary>
    public async Task<AppendResult> AppendAsync(string uploadId, Guid userId, Guid centreId, long offset, Stream body, long? contentLength, byte[]? expectedSha1, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!await Owned(uploadId, userId, centreId).AnyAsync(cancellationToken))
        {
            return new(UploadOutcome.NotFound);
        }

        var writer = new Writer(db, uploadId, clock);
        if (!await writer.TryTakeAsync())
        {
            return new(UploadOutcome.Locked);
        }

        try
        {
            // The upload's file is held before the offset is read: a request whose lease ran out may still hold it, and
            // commits only while it does, so the offset read next stands until this request lets go.
            await using PartSink? sink = InOneFile ? files.TryHold(uploadId) is { } file ? new OneFile(file) : null : new StoredParts(staging, store);
            if (sink is null)
            {
                return new(UploadOutcome.Locked);
            }

            // Read again under the lease: a request that held it a moment ago may have moved the offset.
            var current = await Owned(uploadId, userId, centreId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                return new(UploadOutcome.NotFound);
            }

            var sha256 = hashes.Take(uploadId, offset, clock.GetUtcNow().UtcDateTime);
            AppendResult result;
            try
            {
                result = await AppendAsync(current, writer, sink, sha256, offset, body, contentLength, expectedSha1, cancellationToken);
            }
            catch
            {
                sha256?.Dispose();
                throw;
            }

            await KeepHashAsync(current, sha256, result);
            return result;
        }
        finally
        {
            await writer.ReleaseAsync();
        }
    }

    /// <summary>
    /// Records the upload's SHA-256 once the last bytes are in and this request's hash took every byte from the start and
    /// no other; gives an unfinished intact hash back for the next request here; drops any other.
    /// </summary>
    private async Task KeepHashAsync(ResumableUpload upload, RunningHash? sha256, AppendResult result)
    {
        if (sha256 is null)
        {
            return;
        }

        if (result.Outcome == UploadOutcome.Done && result.Offset < upload.Length)
        {
            hashes.GiveBack(upload.Id, sha256);
            return;
        }

        using (sha256)
        {
            if (result.Outcome == UploadOutcome.Done && sha256.Kept == upload.Length && sha256.Finish() is { } finished)
            {
                await db.ResumableUploads.Where(u => u.Id == upload.Id && u.Offset == upload.Length).ExecuteUpdateAsync(set => set.SetProperty(u => u.Sha256, finished), CancellationToken.None);
            }
        }
    }

    private async Task<AppendResult> AppendAsync(
        ResumableUpload upload, Writer writer, PartSink sink, RunningHash? sha256, long offset, Stream body, long? contentLength, byte[]? expectedSha1, CancellationToken cancellationToken)
    {
        var uploadId = upload.Id;
        if (offset != upload.Offset)
        {
            return new(UploadOutcome.OffsetMismatch, upload.Offset);
        }

        if (offset + (contentLength ?? 0) > upload.Length || (upload.IsComplete && await body.ReadAsync(new byte[1], cancellationToken) > 0))
        {
            return new(UploadOutcome.PastLength, offset);
        }

        using var sha1 = expectedSha1 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        var partBytes = sha1 is null ? options.Value.ResumablePartBytes : long.MaxValue;
        var (position, expires) = (offset, ExpiresAt(upload.WrittenAt));
        var buffer = new byte[BufferSize];
        sink.Begin(position);
        while (position < upload.Length)
        {
            var left = upload.Length - position;
            (long Written, bool Ended, bool Cut, bool PastLength) received;
            try
            {
                received = await ReceiveAsync(body, sink, buffer, Math.Min(partBytes, left), left, sha1, sha256, writer);
            }
            catch
            {
                // A write that failed (the disk full, say) leaves no half-written part; the committed parts stand.
                await sink.DropAsync();
                throw;
            }

            var (written, ended, cut, pastLength) = received;
            if (pastLength || (sha1 is not null && (cut || !CryptographicOperations.FixedTimeEquals(sha1.GetHashAndReset(), expectedSha1))))
            {
                await sink.DropAsync();
                // An interrupted body with a checksum cannot be checked, so it is dropped; the client resends from HEAD's offset.
                return new(pastLength ? UploadOutcome.PastLength : cut ? UploadOutcome.Done : UploadOutcome.ChecksumMismatch, position, expires);
            }

            if (written == 0)
            {
                await sink.DropAsync();
                break;
            }

            var committed = await CommitPartAsync(upload.Id, sink, position, written, cancellationToken);
            if (committed.Outcome != UploadOutcome.Done)
            {
                return committed;
            }

            if (sha256 is not null)
            {
                sha256.Kept += written;
            }

            (position, expires) = (committed.Offset, committed.ExpiresAt);
            if (cut)
            {
                logger.LogInformation("Upload {Id}: request ended early; kept {Bytes} bytes, now at {Offset} of {Length}", uploadId, position - offset, position, upload.Length);
            }

            if (ended)
            {
                break;
            }
        }

        return new(UploadOutcome.Done, position, expires);
    }

    /// <summary>tus termination: removes the upload and its bytes.</summary>
    public async Task<UploadOutcome> TerminateAsync(string uploadId, Guid userId, Guid centreId, CancellationToken cancellationToken)
    {
        if (!await Owned(uploadId, userId, centreId).AnyAsync(cancellationToken))
        {
            return UploadOutcome.NotFound;
        }

        var writer = new Writer(db, uploadId, clock);
        if (!await writer.TryTakeAsync())
        {
            return UploadOutcome.Locked;
        }

        try
        {
            await RemoveAsync(uploadId, DateTime.MaxValue, cancellationToken);
            return UploadOutcome.Done;
        }
        finally
        {
            await writer.ReleaseAsync();
        }
    }

    /// <summary>
    /// Hands a completed upload of this user in this centre to the caller exactly once, as one staged file (hashed now if
    /// no instance hashed every byte as it arrived), then removes its row, so a second call (or HEAD, PATCH, DELETE) finds
    /// nothing. The caller checks and promotes the staged file; if it fails before promoting, the sweeper removes it.
    /// </summary>
    public async Task<IncomingFile?> TakeCompletedAsync(string uploadId, Guid userId, Guid centreId, CancellationToken cancellationToken)
    {
        if (await Owned(uploadId, userId, centreId).AsNoTracking().Include(u => u.Parts).SingleOrDefaultAsync(cancellationToken) is not { IsComplete: true } upload)
        {
            return null;
        }

        return InOneFile ? await TakeFileAsync(upload, cancellationToken) : await TakePartsAsync(upload, cancellationToken);
    }

    /// <summary>The upload's file is renamed into staging (of two takes at once, one rename finds it), so its bytes are not written again.</summary>
    private async Task<IncomingFile?> TakeFileAsync(ResumableUpload upload, CancellationToken cancellationToken)
    {
        var path = staging.NewPath();
        if (!files.TryMoveOut(upload.Id, path))
        {
            return null;
        }

        StagedFile staged;
        bool taken;
        try
        {
            // The sweepers judge staged and stored files by their last write: this one is new here, however long ago its bytes came.
            File.SetLastWriteTimeUtc(path, clock.GetUtcNow().UtcDateTime);
            staged = upload.Sha256 is { } sha256 ? new StagedFile(path, sha256, new FileInfo(path).Length, StagingArea.ReadHead(path)) : await StagingArea.DescribeAsync(path, cancellationToken);
            if (staged.Size != upload.Length)
            {
                throw new IOException($"Upload {upload.Id}: its file holds {staged.Size} bytes, not {upload.Length}");
            }

            taken = await db.ResumableUploads.Where(u => u.Id == upload.Id && u.Offset == upload.Length).ExecuteDeleteAsync(cancellationToken) == 1;
        }
        catch
        {
            files.MoveBack(path, upload.Id);
            throw;
        }

        if (!taken)
        {
            // The row went (expired or cancelled) while the file was moved: its bytes go with it.
            File.Delete(path);
            return null;
        }

        await ForgetLeaseAsync(upload.Id);
        return new IncomingFile(staged, upload.FileName);
    }

    private async Task<IncomingFile?> TakePartsAsync(ResumableUpload upload, CancellationToken cancellationToken)
    {
        var parts = upload.Parts.OrderBy(p => p.Offset).ToList();
        StagedFile joined;
        await using (var content = new JoinedParts(store, parts.Select(p => p.StoredName).ToList()))
        {
            joined = await staging.WriteAsync(content, upload.Length, cancellationToken, knownSha256: upload.Sha256);
        }

        // Only the caller whose delete removed the row has the file: a second take at the same moment gets nothing.
        var taken = joined.Size == upload.Length && await db.ResumableUploads.Where(u => u.Id == upload.Id && u.Offset == upload.Length).ExecuteDeleteAsync(cancellationToken) == 1;
        if (!taken)
        {
            File.Delete(joined.Path);
            if (joined.Size != upload.Length)
            {
                logger.LogError("Upload {Id}: its parts hold {Bytes} bytes, not {Length}", upload.Id, joined.Size, upload.Length);
            }

            return null;
        }

        await DeleteStoredAsync(parts.Select(p => p.StoredName), cancellationToken);
        await ForgetLeaseAsync(upload.Id);
        return new IncomingFile(joined, upload.FileName);
    }

    /// <summary>Removes uploads not written to within the expiry period (the sweeper calls this with its clock).</summary>
    public async Task<int> RemoveExpiredAsync(DateTime now, CancellationToken cancellationToken)
    {
        var before = now - Expiry;
        var expired = await db.ResumableUploads.Where(u => u.WrittenAt <= before).Select(u => u.Id).ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var id in expired)
        {
            removed += await RemoveAsync(id, before, cancellationToken) ? 1 : 0;
        }

        return removed;
    }

    /// <summary>
    /// Receives one part of the body into <paramref name="sink"/>: at most <paramref name="partBytes"/>, fsynced.
    /// <c>PastLength</c> when the body holds more than <paramref name="left"/>; <c>Cut</c> when the client went away, with
    /// what had arrived kept.
    /// </summary>
    private static async Task<(long Written, bool Ended, bool Cut, bool PastLength)> ReceiveAsync(
        Stream body, PartSink sink, byte[] buffer, long partBytes, long left, IncrementalHash? sha1, RunningHash? sha256, Writer writer)
    {
        long written = 0;
        while (written < partBytes)
        {
            int read;
            try
            {
                // Not cancelled by the request's abort token: when a client goes away, the bytes it sent before are still
                // to be read, and the read itself then fails.
                read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, partBytes - written)), CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                sink.FlushToDisk();
                return (written, true, true, false);
            }

            if (read == 0)
            {
                sink.FlushToDisk();
                return (written, true, false, false);
            }

            await sink.WriteAsync(buffer.AsMemory(0, read));
            sha1?.AppendData(buffer, 0, read);
            sha256?.Append(buffer, read);
            written += read;
            await writer.KeepAsync();
        }

        sink.FlushToDisk();

        // A part that reaches the upload's length: any byte more is past it.
        return (written, false, false, written == left && await PeekAsync(body, buffer));
    }

    private static async Task<bool> PeekAsync(Stream body, byte[] buffer)
    {
        try
        {
            return await body.ReadAsync(buffer.AsMemory(0, 1), CancellationToken.None) > 0;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Keeps a received part and commits it if the upload is still where this PATCH found it; otherwise a stored part is removed.</summary>
    private async Task<AppendResult> CommitPartAsync(string uploadId, PartSink sink, long at, long size, CancellationToken cancellationToken)
    {
        var stored = await sink.KeepAsync(size);
        var now = clock.GetUtcNow().UtcDateTime;
        var next = at + size;
        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            if (await db.ResumableUploads.Where(u => u.Id == uploadId && u.Offset == at)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.Offset, next).SetProperty(u => u.WrittenAt, now), CancellationToken.None) == 1)
            {
                if (stored is not null)
                {
                    var part = new ResumableUploadPart { UploadId = uploadId, Offset = at, Size = size, StoredName = stored };
                    db.ResumableUploadParts.Add(part);
                    await db.SaveChangesAsync(CancellationToken.None);
                    db.Entry(part).State = EntityState.Detached;
                }

                await transaction.CommitAsync(CancellationToken.None);
                return new(UploadOutcome.Done, next, ExpiresAt(now));
            }
        }

        // Another PATCH moved the upload on (or it was removed) while these bytes arrived.
        await DeleteStoredAsync(stored is null ? [] : [stored], CancellationToken.None);
        var current = await db.ResumableUploads.Where(u => u.Id == uploadId).Select(u => (long?)u.Offset).SingleOrDefaultAsync(cancellationToken);
        return current is long moved ? new(UploadOutcome.OffsetMismatch, moved) : new(UploadOutcome.NotFound);
    }

    /// <summary>Removes the upload's row (if written to no later than <paramref name="notWrittenAfter"/>), then its parts' files.</summary>
    private async Task<bool> RemoveAsync(string uploadId, DateTime notWrittenAfter, CancellationToken cancellationToken)
    {
        var names = await db.ResumableUploadParts.Where(p => p.UploadId == uploadId).Select(p => p.StoredName).ToListAsync(cancellationToken);
        if (await db.ResumableUploads.Where(u => u.Id == uploadId && u.WrittenAt <= notWrittenAfter).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }

        // A part committed between the read and the delete lost its row with the upload; the store's sweep removes its file.
        await DeleteStoredAsync(names, cancellationToken);
        DeleteFile(uploadId);
        await ForgetLeaseAsync(uploadId);
        return true;
    }

    /// <summary>Removes upload files older than <paramref name="before"/> that no upload row names (left by a crash between the two), for the sweeper.</summary>
    public async Task<int> RemoveOrphanFilesAsync(DateTime before, CancellationToken cancellationToken)
    {
        var old = files.NotWrittenSince(before).ToList();
        var live = await db.ResumableUploads.Where(u => old.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        var orphans = old.Except(live, StringComparer.Ordinal).ToList();
        orphans.ForEach(DeleteFile);
        return orphans.Count;
    }

    private void DeleteFile(string uploadId)
    {
        try
        {
            files.Delete(uploadId);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Upload file {Id} was not removed; the sweep will remove it", uploadId);
        }
    }

    /// <summary>Removes the lease row a crashed request left on an upload that is gone (a live holder's commit fails on the missing row anyway).</summary>
    private Task<int> ForgetLeaseAsync(string uploadId) => db.WorkLeases.Where(l => l.Name == Writer.LeaseName(uploadId)).ExecuteDeleteAsync(CancellationToken.None);

    private async Task DeleteStoredAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            try
            {
                await store.DeleteAsync(name, cancellationToken);
            }
            catch (Exception e) when (e is IOException or Amazon.Runtime.AmazonServiceException)
            {
                logger.LogWarning(e, "Upload part {Name} was not removed; the store's sweep will remove it", name);
            }
        }
    }

    private IQueryable<ResumableUpload> Owned(string uploadId, Guid userId, Guid centreId)
    {
        var since = clock.GetUtcNow().UtcDateTime - Expiry;
        return IsValidId(uploadId)
            ? db.ResumableUploads.Where(u => u.Id == uploadId && u.UserId == userId && u.CentreId == centreId && u.WrittenAt > since)
            : db.ResumableUploads.Where(_ => false);
    }

    private DateTime ExpiresAt(DateTime writtenAt) => writtenAt + Expiry;

    private UploadStatus Status(ResumableUpload upload) => new(upload.Id, upload.Offset, upload.Length, upload.FileName, upload.FileType, ExpiresAt(upload.WrittenAt));

    /// <summary>One request's hold on an upload: its lease, taken, renewed while bytes arrive, and given back.</summary>
    private sealed class Writer(AttestDbContext db, string uploadId, TimeProvider clock)
    {
        private readonly string _holder = Guid.NewGuid().ToString("N");
        private readonly string _lease = LeaseName(uploadId);
        private DateTime _taken;

        public static string LeaseName(string uploadId) => $"upload/{uploadId}";

        public async Task<bool> TryTakeAsync()
        {
            _taken = clock.GetUtcNow().UtcDateTime;
            return await WorkLeases.TryTakeAsync(db, _holder, _lease, _taken, LeaseLength, CancellationToken.None);
        }

        /// <summary>Renews the lease every <see cref="LeaseRenewal"/>; if it was lost meanwhile, the offset's compare-and-set still guards the upload.</summary>
        public async Task KeepAsync()
        {
            if (clock.GetUtcNow().UtcDateTime - _taken >= LeaseRenewal)
            {
                await TryTakeAsync();
            }
        }

        public Task ReleaseAsync() => WorkLeases.ReleaseAsync(db, _holder, _lease, CancellationToken.None);
    }

    /// <summary>Where one request puts the bytes it receives, part by part, until each is committed.</summary>
    private abstract class PartSink : IAsyncDisposable
    {
        /// <summary>Starts at the upload's committed offset, read while this request holds the upload.</summary>
        public virtual void Begin(long committed)
        {
        }

        public abstract ValueTask WriteAsync(ReadOnlyMemory<byte> bytes);

        public abstract void FlushToDisk();

        /// <summary>Makes the part received ready to commit: its name in the store, or null when its bytes are already in place.</summary>
        public abstract Task<string?> KeepAsync(long size);

        /// <summary>Drops what was received of the part since the last one kept.</summary>
        public abstract ValueTask DropAsync();

        public abstract ValueTask DisposeAsync();
    }

    /// <summary>
    /// The upload's one file, held by this request alone: parts are appended to it, and committing moves only the offset.
    /// Bytes past the committed offset (a request cut off before its commit) are cut off first.
    /// </summary>
    private sealed class OneFile(FileStream file) : PartSink
    {
        private long _partStart;

        public override void Begin(long committed)
        {
            if (file.Length < committed)
            {
                throw new IOException($"The upload's file holds {file.Length} bytes, fewer than the {committed} committed.");
            }

            file.SetLength(committed);
            file.Position = _partStart = committed;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> bytes) => file.WriteAsync(bytes, CancellationToken.None);

        public override void FlushToDisk() => file.Flush(flushToDisk: true);

        public override Task<string?> KeepAsync(long size)
        {
            _partStart += size;
            return Task.FromResult<string?>(null);
        }

        public override ValueTask DropAsync()
        {
            file.SetLength(_partStart);
            file.Position = _partStart;
            return ValueTask.CompletedTask;
        }

        public override ValueTask DisposeAsync() => file.DisposeAsync();
    }

    /// <summary>
    /// Each part a staged file of its own, promoted into the store when kept (for S3, where instances share no disk). The
    /// file is made with the first byte, so a PATCH waiting for bytes leaves nothing behind if the app is killed.
    /// </summary>
    private sealed class StoredParts(StagingArea staging, IFileStore store) : PartSink
    {
        private string? _path;
        private FileStream? _file;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes)
        {
            if (_file is null)
            {
                _path = staging.NewPath();
                _file = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            }

            await _file.WriteAsync(bytes, CancellationToken.None);
        }

        public override void FlushToDisk() => _file?.Flush(flushToDisk: true);

        public override async Task<string?> KeepAsync(long size)
        {
            var path = _path!;
            await CloseAsync();
            return (await store.PromoteAsync(new StagedFile(path, StagedFile.Unhashed, size, []), CancellationToken.None)).Name;
        }

        public override async ValueTask DropAsync()
        {
            var path = _path;
            await CloseAsync();
            if (path is not null)
            {
                File.Delete(path);
            }
        }

        public override ValueTask DisposeAsync() => DropAsync();

        private async ValueTask CloseAsync()
        {
            if (_file is not null)
            {
                await _file.DisposeAsync();
            }

            (_file, _path) = (null, null);
        }
    }

    /// <summary>An upload's parts read one after another from the store, as one stream.</summary>
    private sealed class JoinedParts(IFileStore store, IReadOnlyList<string> names) : Stream
    {
        private int _next;
        private Stream? _current;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (true)
            {
                if (_current is null)
                {
                    if (_next == names.Count)
                    {
                        return 0;
                    }

                    _current = await store.OpenReadAsync(names[_next++], cancellationToken);
                }

                var read = await _current.ReadAsync(buffer, cancellationToken);
                if (read > 0)
                {
                    return read;
                }

                await _current.DisposeAsync();
                _current = null;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            if (_current is not null)
            {
                await _current.DisposeAsync();
            }

            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _current?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
