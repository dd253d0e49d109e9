using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Attest.Tests.Features.Uploads;

/// <summary>The sweeper with a moved clock, on the real app's store, staging area and database (security.md tests 8-9).</summary>
public class StorageSweeperTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sweep_removes_old_orphans_expired_uploads_and_stale_staging_and_keeps_everything_else(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var store = app.Services.GetRequiredService<IFileStore>();
        var staging = app.Services.GetRequiredService<StagingArea>();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(25)); // past the 24 h expiry and the 60 min grace
        var now = clock.GetUtcNow().UtcDateTime;
        var sweeper = ActivatorUtilities.CreateInstance<StorageSweeper>(app.Services, (TimeProvider)clock);

        string referenced;
        await using (var db = app.Db(app.A.Id))
        {
            referenced = (await db.EvidenceItems.SingleAsync(i => i.Id == app.A.EvidenceId)).StoredName!;
        }

        var oldOrphan = (await store.SaveAsync(staging, new MemoryStream("%PDF-1.4 crashed before its row"u8.ToArray()), 1000, default)).Name;
        var freshOrphan = (await store.SaveAsync(staging, new MemoryStream("%PDF-1.4 row about to commit"u8.ToArray()), 1000, default)).Name;
        File.SetLastWriteTimeUtc(StorePath(app, freshOrphan), now.AddMinutes(-1));

        var oldStaged = staging.NewPath();
        var freshStaged = staging.NewPath();
        await File.WriteAllTextAsync(oldStaged, "left by a crash mid-upload");
        await File.WriteAllTextAsync(freshStaged, "a form upload still arriving");
        File.SetLastWriteTimeUtc(freshStaged, now.AddMinutes(-1));

        using var client = await app.SignedInAsync(app.A.Candidate);
        var expired = (await Tus.CreateAsync(client, 100)).Split('/')[^1];
        var idle = (await Tus.CreateAsync(client, 100)).Split('/')[^1];
        foreach (var id in new[] { expired, idle })
        {
            using var patch = await Tus.PatchAsync(client, $"/uploads/{id}", 0, Tus.Mp4(50));
            Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        }

        // Idle for an hour by the moved clock: its file is older than the grace period, but the upload has not expired.
        await using (var db = app.Db(app.A.Id))
        {
            await db.ResumableUploads.Where(u => u.Id == idle).ExecuteUpdateAsync(set => set.SetProperty(u => u.WrittenAt, now.AddHours(-1)));
        }

        File.SetLastWriteTimeUtc(UploadPath(app, idle), now.AddHours(-1));

        // Upload files whose row is gone (a crash between removing the two): one old, one younger than the grace period.
        var (oldUploadOrphan, freshUploadOrphan) = (UploadPath(app, StoredNames.New()), UploadPath(app, StoredNames.New()));
        await File.WriteAllTextAsync(oldUploadOrphan, "an upload removed by a crash");
        await File.WriteAllTextAsync(freshUploadOrphan, "an upload removed a moment ago");
        File.SetLastWriteTimeUtc(freshUploadOrphan, now.AddMinutes(-1));

        var report = await sweeper.SweepAsync(default);

        Assert.Equal(new SweepReport(ExpiredUploads: 1, StagedFiles: 1, StoredOrphans: 2), report);
        Assert.True(File.Exists(StorePath(app, referenced)));
        Assert.False(File.Exists(StorePath(app, oldOrphan)));
        Assert.True(File.Exists(StorePath(app, freshOrphan)));
        Assert.False(File.Exists(oldStaged));
        Assert.True(File.Exists(freshStaged));
        Assert.Null(await Tus.OffsetAsync(client, $"/uploads/{expired}"));
        Assert.False(File.Exists(UploadPath(app, expired)));
        Assert.Equal(50, await Tus.OffsetAsync(client, $"/uploads/{idle}"));
        Assert.True(File.Exists(UploadPath(app, idle)));
        Assert.False(File.Exists(oldUploadOrphan));
        Assert.True(File.Exists(freshUploadOrphan));
        Assert.Equal(new SweepReport(0, 0, 0), await sweeper.SweepAsync(default));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_finished_upload_taken_long_after_it_finished_is_not_swept_between_its_promotion_and_its_row(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var client = await app.SignedInAsync(app.A.Candidate);
        var bytes = Tus.Mp4(5000);
        var url = await Tus.CreateAsync(client, bytes.Length);
        using (var patch = await Tus.PatchAsync(client, url, 0, bytes))
        {
            Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        }

        var id = url.Split('/')[^1];
        File.SetLastWriteTimeUtc(UploadPath(app, id), DateTime.UnixEpoch.AddYears(50)); // finished long ago (but not expired: expiry counts from the last write's row)

        using var scope = app.Services.CreateScope();
        var uploads = scope.ServiceProvider.GetRequiredService<Web.Features.Evidence.Uploads.ResumableUploads>();
        var users = await UserIdAsync(app, app.A.Candidate);
        var taken = await uploads.TakeCompletedAsync(id, users, app.A.Id, default);
        Assert.NotNull(taken);
        var stored = await app.Services.GetRequiredService<IFileStore>().PromoteAsync(taken.Staged, default);

        var sweeper = ActivatorUtilities.CreateInstance<StorageSweeper>(app.Services);
        Assert.Equal(new SweepReport(0, 0, 0), await sweeper.SweepAsync(default));
        Assert.True(File.Exists(StorePath(app, stored.Name)));
    }

    private static string StorePath(AttestFactory app, string name) => Path.Combine(app.DataFolder, "files", name[..2], name);

    private static string UploadPath(AttestFactory app, string uploadId) => Path.Combine(app.DataFolder, "uploads", uploadId);

    private static async Task<Guid> UserIdAsync(AttestFactory app, string email)
    {
        await using var db = app.Db(app.A.Id);
        return (await db.Users.SingleAsync(u => u.Email == email)).Id;
    }
}
