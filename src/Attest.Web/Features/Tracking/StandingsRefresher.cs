using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Tracking;

/// <summary>
/// Works out the kept standing of every learner still enrolled, in every centre, at start and again just after each
/// midnight (UTC, the day the pages keep standings for), so that the first filtered list of the day finds them current
/// instead of working out the whole centre's (issue 14). Of several instances, the one that takes the day's lease does it.
/// </summary>
public sealed class StandingsRefresher(IServiceScopeFactory scopes, Core.Qualifications.SpecificationLibrary library, TimeProvider clock, AppInstance instance, ILogger<StandingsRefresher> logger)
    : BackgroundService
{
    private const string LeasePrefix = "standings/";

    /// <summary>A minute into the day, so an instance whose clock is a little behind another's still counts the new day.</summary>
    private static readonly TimeSpan AfterMidnight = TimeSpan.FromMinutes(1);

    /// <summary>Longer than a pass takes; once it runs out, an instance starting later that day checks again (cheaply: only changed learners are stale).</summary>
    private static readonly TimeSpan LeaseLength = TimeSpan.FromHours(1);

    public static string LeaseFor(DateOnly day) => LeasePrefix + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One pass for today: the number of standings worked out, none when another instance holds today's lease.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await using var scope = scopes.CreateAsyncScope();
        var contextOptions = scope.ServiceProvider.GetRequiredService<DbContextOptions<AttestDbContext>>();
        List<Guid> centres;
        await using (var db = new AttestDbContext(contextOptions, NoCentre.Instance))
        {
            if (!await WorkLeases.TryTakeAsync(db, instance, LeaseFor(today), now, LeaseLength, cancellationToken))
            {
                return 0;
            }

            // Earlier days' leases have run out and are never asked for again.
            var current = LeaseFor(today);
            await db.WorkLeases.Where(l => l.Name.StartsWith(LeasePrefix) && l.Name != current && l.HeldUntil < now).ExecuteDeleteAsync(cancellationToken);
            centres = await db.Centres.Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var worked = 0;
        foreach (var centre in centres)
        {
            await using var db = new AttestDbContext(contextOptions, new FixedCentre(centre));
            var catalogue = library.CatalogueFor(contextOptions, new FixedCentre(centre));
            await catalogue.LoadAsync(cancellationToken);
            worked += await TrackedStandings.RefreshAsync(db, catalogue, db.Enrolments.Where(e => e.WithdrawnOn == null), today, cancellationToken);
        }

        return worked;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            try
            {
                var worked = await RefreshAsync(stoppingToken);
                logger.LogInformation("Worked out {Count} kept standings for {Day}", worked, day);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Until the next pass, the first filtered list of the day works them out, as it would anyway.
                logger.LogError(e, "Working out the kept standings for {Day} failed", day);
            }

            // From the day just done: a pass that ran past midnight is followed by the next at once.
            var due = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + AfterMidnight;
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
    }
}
