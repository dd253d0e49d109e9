using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Scanning;
using Attest.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Scans files waiting for their virus scan, centre by centre, reading them back from the store, so a
/// large upload does not hold its request open while clamd reads it. Until a file is clean it is not
/// served; a scan that cannot finish leaves it Failed, never Clean.
/// </summary>
public sealed class VirusScanWorker(IServiceScopeFactory scopes, IVirusScanner scanner, IOptions<ScanningOptions> options, TimeProvider clock, AppInstance instance, AttestMetrics metrics, ILogger<VirusScanWorker> logger) : BackgroundService
{
    /// <summary>Longer than any scan takes (clamd's own timeout is far shorter): an instance that dies mid-scan holds the file this long.</summary>
    private static readonly TimeSpan ScanLease = TimeSpan.FromMinutes(15);

    public async Task<int> ScanPendingAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<IFileStore>();
        var centres = await services.GetRequiredService<AttestDbContext>().Centres.Select(c => c.Id).ToListAsync(cancellationToken);
        var scanned = 0;
        long waiting = 0;
        foreach (var centre in centres)
        {
            await using var counting = new AttestDbContext(services.GetRequiredService<DbContextOptions<AttestDbContext>>(), new FixedCentre(centre));
            waiting += await counting.EvidenceItems.CountAsync(i => i.Scan == ScanStatus.Pending, cancellationToken);
        }

        metrics.ScansWaiting(waiting);
        foreach (var centre in centres)
        {
            await using var db = new AttestDbContext(services.GetRequiredService<DbContextOptions<AttestDbContext>>(), new FixedCentre(centre));
            foreach (var item in await db.EvidenceItems.Where(i => i.Scan == ScanStatus.Pending).OrderBy(i => i.UploadedAt).ToListAsync(cancellationToken))
            {
                // Of several instances, one scans each file: the lease is taken first, and the item read again under it
                // in case another instance scanned it between the list and the lease.
                var lease = $"scan/{item.Id}";
                if (!await WorkLeases.TryTakeAsync(db, instance, lease, clock.GetUtcNow().UtcDateTime, ScanLease, cancellationToken))
                {
                    continue;
                }

                await db.Entry(item).ReloadAsync(cancellationToken);
                // Scanned by another instance meanwhile, or gone (its learner erased): nothing to scan.
                if (db.Entry(item).State == EntityState.Detached || item.Scan != ScanStatus.Pending)
                {
                    await WorkLeases.ReleaseAsync(db, instance, lease, cancellationToken);
                    continue;
                }

                ScanResult result;
                await using (var content = await store.OpenReadAsync(item.StoredName!, cancellationToken))
                {
                    result = await scanner.ScanAsync(content, cancellationToken);
                }

                (item.Scan, item.ScanDetail) = result switch
                {
                    ScanResult.Clean => (ScanStatus.Clean, (string?)null),
                    ScanResult.Infected infected => (ScanStatus.Infected, $"The virus scanner found {infected.Signature}"),
                    ScanResult.Failed failed => (ScanStatus.Failed, $"The virus scan could not finish: {failed.Reason}"),
                    _ => (ScanStatus.Failed, "The virus scan gave no verdict"),
                };
                if (item.Scan != ScanStatus.Clean)
                {
                    logger.LogWarning("Evidence {EvidenceId} of centre {CentreId} is {Scan}: {Detail}", item.Id, centre, item.Scan, item.ScanDetail);
                }

                await db.SaveChangesAsync(cancellationToken);
                await WorkLeases.ReleaseAsync(db, instance, lease, cancellationToken);
                scanned++;
            }
        }

        return scanned;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!scanner.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await ScanPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Scanning pending evidence failed; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
