using Attest.Core.Data;
using Attest.Web.Features.Evidence.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure.Storage;

/// <summary><c>Sweeper</c>: how often leftovers are removed, and how old they must be.</summary>
public sealed class SweeperOptions
{
    public const string Section = "Sweeper";

    public int IntervalMinutes { get; set; } = 15;

    /// <summary>
    /// A staged or stored file younger than this is never removed, so a file promoted a moment before its row commits,
    /// or a form upload still arriving, is safe.
    /// </summary>
    public int GraceMinutes { get; set; } = 60;
}

/// <summary>What one sweep removed.</summary>
public sealed record SweepReport(int ExpiredUploads, int StagedFiles, int StoredOrphans);

/// <summary>
/// Removes what a crash, a dropped client or an abandoned upload leaves behind (security.md: write order that cannot
/// lose data): expired resumable uploads, staging files older than the grace period, and
/// stored files and upload files older than the grace period that no row refers to. Runs at start and then every interval.
/// </summary>
public sealed class StorageSweeper(
    IServiceScopeFactory scopes, IFileStore store, StagingArea staging, UploadHashes hashes, IOptions<SweeperOptions> options, TimeProvider clock, AppInstance instance, ILogger<StorageSweeper> logger)
    : BackgroundService
{
    public const string StoreSweepLease = "sweep/store";

    public async Task<SweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - TimeSpan.FromMinutes(options.Value.GraceMinutes);
        var staged = staging.RemoveStale(before);
        hashes.ForgetIdle(before);

        // Staging is this instance's own; uploads and the store are shared, so one instance at a time sweeps them, each
        // sweep holding the lease for an interval: of several instances, one sweeps per interval.
        var (expired, orphans, orphanFiles) = (0, new List<string>(), 0);
        await using var scope = scopes.CreateAsyncScope();
        await using (var db = new AttestDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AttestDbContext>>(), NoCentre.Instance))
        {
            if (await WorkLeases.TryTakeAsync(db, instance, StoreSweepLease, now, TimeSpan.FromMinutes(options.Value.IntervalMinutes), cancellationToken))
            {
                var uploads = ActivatorUtilities.CreateInstance<ResumableUploads>(scope.ServiceProvider, db, clock);
                expired = await uploads.RemoveExpiredAsync(now, cancellationToken);
                orphanFiles = await uploads.RemoveOrphanFilesAsync(before, cancellationToken);

                // Names are read before the store is listed: a file promoted after this point is younger than the grace period.
                var referenced = await ReferencedNamesAsync(cancellationToken);
                await foreach (var entry in store.ListAsync(cancellationToken))
                {
                    if (entry.WrittenAt < before && !referenced.Contains(entry.Name))
                    {
                        orphans.Add(entry.Name);
                    }
                }

                foreach (var name in orphans)
                {
                    await store.DeleteAsync(name, cancellationToken);
                }
            }
        }

        var report = new SweepReport(expired, staged, orphans.Count + orphanFiles);
        if (report != new SweepReport(0, 0, 0))
        {
            logger.LogInformation("Storage sweep removed {Expired} expired uploads, {Staged} staged files and {Orphans} unreferenced stored or upload files", expired, staged, report.StoredOrphans);
        }

        return report;
    }

    /// <summary>
    /// Every stored name a row refers to, in every centre: one context per centre, as the query filters require. Add here
    /// any new entity that holds a stored name, or the sweeper will remove its files.
    /// </summary>
    public async Task<HashSet<string>> ReferencedNamesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var contextOptions = scope.ServiceProvider.GetRequiredService<DbContextOptions<AttestDbContext>>();
        List<Guid> centres;
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using (var db = new AttestDbContext(contextOptions, NoCentre.Instance))
        {
            centres = await db.Centres.Select(c => c.Id).ToListAsync(cancellationToken);
            names.UnionWith(await db.ResumableUploadParts.Select(p => p.StoredName).ToListAsync(cancellationToken));
        }

        foreach (var centre in centres)
        {
            await using var db = new AttestDbContext(contextOptions, new FixedCentre(centre));
            names.UnionWith(await db.EvidenceItems.Where(i => i.StoredName != null).Select(i => i.StoredName!).ToListAsync(cancellationToken));
            names.UnionWith(await db.EvidenceItems.Where(i => i.PreviewStoredName != null).Select(i => i.PreviewStoredName!).ToListAsync(cancellationToken));
        }

        return names;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep (database down, say) is retried at the next tick; leftovers only wait longer.
                logger.LogError(e, "Storage sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class StorageSweeperRegistration
{
    public static IServiceCollection AddStorageSweeper(this IServiceCollection services)
    {
        services.AddOptions<SweeperOptions>().BindConfiguration(SweeperOptions.Section);
        return services.AddHostedService<StorageSweeper>();
    }
}
