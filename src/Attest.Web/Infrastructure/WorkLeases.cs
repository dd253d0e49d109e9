using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Takes and gives back <see cref="WorkLease"/>s with statements every database runs atomically: a conditional update of
/// a lease that ran out (or is already ours), else an insert that the primary key lets only one instance make (the
/// others' skipped by ON CONFLICT). No
/// in-process lock: two instances agree because the database decides.
/// </summary>
public static class WorkLeases
{
    /// <summary>Whether <paramref name="instance"/> now holds <paramref name="name"/> until <paramref name="now"/> plus <paramref name="length"/>.</summary>
    public static Task<bool> TryTakeAsync(AttestDbContext db, AppInstance instance, string name, DateTime now, TimeSpan length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return TryTakeAsync(db, instance.Name, name, now, length, cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="holder"/> now holds <paramref name="name"/> until <paramref name="now"/> plus
    /// <paramref name="length"/>; taking it again before then extends it. A holder finer than the instance (one request,
    /// say) is the instance's name and its own suffix.
    /// </summary>
    public static async Task<bool> TryTakeAsync(AttestDbContext db, string holder, string name, DateTime now, TimeSpan length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = now + length;
        if (await db.WorkLeases.Where(l => l.Name == name && (l.HeldUntil < now || l.HeldBy == holder))
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.HeldBy, holder).SetProperty(l => l.HeldUntil, until), cancellationToken) == 1)
        {
            return true;
        }

        // Both databases skip a conflicting insert quietly: another instance holding the lease is the normal case, not
        // an error to log (EF Core logs a failed SaveChanges as one, whoever catches it).
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"WorkLeases\" (\"Name\", \"HeldBy\", \"HeldUntil\") VALUES ({name}, {holder}, {until}) ON CONFLICT (\"Name\") DO NOTHING", cancellationToken) == 1;
    }

    /// <summary>Gives <paramref name="name"/> back if <paramref name="instance"/> holds it, so the next taker need not wait for it to run out.</summary>
    public static Task ReleaseAsync(AttestDbContext db, AppInstance instance, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ReleaseAsync(db, instance.Name, name, cancellationToken);
    }

    /// <summary>Gives <paramref name="name"/> back if <paramref name="holder"/> holds it.</summary>
    public static Task ReleaseAsync(AttestDbContext db, string holder, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WorkLeases.Where(l => l.Name == name && l.HeldBy == holder).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// This running app, as it signs its leases and claims (a singleton: one per app, not per process, so two apps in one
/// test process are two instances): the machine, the process, and a random part for a restarted process with the same id.
/// </summary>
public sealed class AppInstance
{
    public string Name { get; } = Last100($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    private static string Last100(string text) => text.Length > 100 ? text[^100..] : text;
}
