using Microsoft.EntityFrameworkCore;

namespace Attest.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>ADO.NET connection string. For Sqlite, empty means attest.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start (default true).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public const string SqliteMigrationsAssembly = "Attest.Migrations.Sqlite";

    public const string PostgresMigrationsAssembly = "Attest.Migrations.Postgres";

    /// <summary>Points EF Core at the provider and its own migrations assembly.</summary>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
        }
    }
}

/// <summary>For design time, the CLI and start-up work that is not on behalf of a centre.</summary>
public sealed class NoCentre : Centres.ICurrentCentre
{
    public static readonly NoCentre Instance = new();

    public Guid? CentreId => null;
}

/// <summary>Acts for one centre outside a web request (seeding, CLI).</summary>
public sealed class FixedCentre(Guid centreId) : Centres.ICurrentCentre
{
    public Guid? CentreId { get; } = centreId;
}
