using System.Data.Common;
using System.Net;
using System.Text;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Tests.Features.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// security.md test 9: the database failing mid-request, or the disk filling up, gives a clear retryable error, no half
/// rows, and the retry works without a restart.
/// </summary>
public class FailureTests
{
    /// <summary>Fails the next save, as a database that went away at the moment of commit would.</summary>
    private sealed class FailNextSave : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                Armed = false;
                throw new DatabaseWentAway();
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private sealed class DatabaseWentAway() : DbException("connection to the database was lost");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_upload_whose_commit_fails_leaves_no_row_and_no_file_and_the_retry_succeeds(DatabaseProvider provider)
    {
        var fault = new FailNextSave();
        using var app = await new AttestFactory(provider, services: s => s.ConfigureDbContext<AttestDbContext>(o => o.AddInterceptors(fault))).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var filesBefore = Directory.EnumerateFiles(Path.Combine(app.DataFolder, "files"), "*", SearchOption.AllDirectories).Count();

        fault.Armed = true;
        var failed = await EvidenceTests.PostRawFileAsync(candidate, "log.pdf", "%PDF-1.4 case log"u8.ToArray(), "Case log");
        var page = await failed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("Nothing was saved", page, StringComparison.Ordinal);
        Assert.DoesNotContain("DatabaseWentAway", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Attest.", page, StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(1, await db.EvidenceItems.CountAsync(i => i.CandidateId == app.A.CandidateId));
            Assert.Equal(0, await db.EvidenceWarnings.CountAsync());
        }

        Assert.Equal(filesBefore, Directory.EnumerateFiles(Path.Combine(app.DataFolder, "files"), "*", SearchOption.AllDirectories).Count());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "staging"), "*", SearchOption.AllDirectories));

        var retried = await EvidenceTests.PostRawFileAsync(candidate, "log.pdf", "%PDF-1.4 case log"u8.ToArray(), "Case log");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(["E001", "E002"], await db.EvidenceItems.Where(i => i.CandidateId == app.A.CandidateId).OrderBy(i => i.Reference).Select(i => i.Reference).ToListAsync());
        }
    }

    /// <summary>A small filesystem of its own (CI mounts a tmpfs) that a test may fill; null when none is given.</summary>
    private static string? SmallDisk => Environment.GetEnvironmentVariable("ATTEST_TEST_SMALL_DISK") is { Length: > 0 } path ? path : null;

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task When_the_disk_fills_an_upload_gets_a_retryable_error_keeps_nothing_half_written_and_works_once_there_is_room(DatabaseProvider provider)
    {
        Skip.If(SmallDisk is null, "The disk-full test needs ATTEST_TEST_SMALL_DISK: a folder on a small filesystem of its own that it may fill (.ci/run mounts a tmpfs).");
        var folder = Directory.CreateDirectory(Path.Combine(SmallDisk!, Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var app = await new AttestFactory(provider, new Dictionary<string, string> { ["Data:Folder"] = folder }).SeedAsync();
            var candidate = await app.SignedInAsync(app.A.Candidate);
            var video = Tus.Mp4(600_000);
            var url = await Tus.CreateAsync(candidate, video.Length);
            using (var first = await Tus.PatchAsync(candidate, url, 0, video.AsMemory(0, 200_000)))
            {
                Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
            }

            var filler = Path.Combine(folder, "filler");
            FillDisk(filler);

            var refused = await EvidenceTests.PostRawFileAsync(candidate, "log.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 " + new string('x', 300_000)), "Case log");
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("Nothing was saved", page, StringComparison.Ordinal);
            Assert.DoesNotContain("No space left", page, StringComparison.Ordinal);
            Assert.DoesNotContain(" at Attest.", page, StringComparison.Ordinal);
            using (var patch = await Tus.PatchAsync(candidate, url, 200_000, video.AsMemory(200_000)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, patch.StatusCode);
                Assert.Equal("30", patch.Headers.RetryAfter!.ToString());
            }

            await using (var db = app.Db(app.A.Id))
            {
                Assert.Equal(1, await db.EvidenceItems.CountAsync(i => i.CandidateId == app.A.CandidateId));
            }

            // Nothing half-written in staging, of the refused form upload, nor in the upload's file, of the refused PATCH:
            // the file holds the first PATCH's bytes, waiting to be resumed.
            var uploadId = url["/uploads/".Length..];
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder, "staging"), "*", SearchOption.AllDirectories));
            Assert.Equal(200_000, new FileInfo(Path.Combine(folder, "uploads", uploadId)).Length);

            File.Delete(filler);
            var offset = await Tus.OffsetAsync(candidate, url) ?? throw new InvalidOperationException("the upload was lost");
            Assert.InRange(offset, 0, 600_000);
            using (var resumed = await Tus.PatchAsync(candidate, url, offset, video.AsMemory((int)offset)))
            {
                Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
            }

            Assert.Equal(HttpStatusCode.Redirect, (await Tus.AddEvidenceAsync(candidate, url, "Phone video of the handover")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await EvidenceTests.PostRawFileAsync(candidate, "log.pdf", "%PDF-1.4 case log"u8.ToArray(), "Case log")).StatusCode);
            await using (var db = app.Db(app.A.Id))
            {
                Assert.Equal(Tus.Sha256(video), await db.EvidenceItems.Where(i => i.Title == "Phone video of the handover").Select(i => i.Sha256).SingleAsync());
                Assert.Equal(["E001", "E002", "E003"], await db.EvidenceItems.Where(i => i.CandidateId == app.A.CandidateId).OrderBy(i => i.Reference).Select(i => i.Reference).ToListAsync());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes to the file until the filesystem refuses another byte.</summary>
    private static void FillDisk(string path)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // Full: now try single bytes, so not even a small write fits.
        }

        try
        {
            while (true)
            {
                file.Write(block.AsSpan(0, 1));
            }
        }
        catch (IOException)
        {
        }
    }
}
