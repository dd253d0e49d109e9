using Microsoft.EntityFrameworkCore;

namespace Attest.Core.Data;

/// <summary>
/// Migrates the database once however many instances (and `attest db migrate` runs) start together. On PostgreSQL a
/// session advisory lock is held around reading what is pending and applying it: EF Core's own lock there does not keep
/// a second migrator from reading the pending list before the first has finished, which then applies a migration twice
/// ("column already exists"; MigrationTests). SQLite's writers are already one at a time, and EF Core locks it too.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>Any fixed number: the lock's name among the database's advisory locks.</summary>
    private const long LockKey = 0x417474657374; // "Attest"

    /// <summary>Applies what is pending; returns the migrations this call applied (none when another got there first).</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return await ApplyAsync(db, cancellationToken);
        }

        // One connection throughout: the lock belongs to the session that took it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            try
            {
                return await ApplyAsync(db, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<IReadOnlyList<string>> ApplyAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
