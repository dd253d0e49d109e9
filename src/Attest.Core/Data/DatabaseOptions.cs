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

    /// <summary>The configured connection string, or for SQLite attest.db in the data folder (created if missing).</summary>
    public string ResolveConnectionString(DataOptions data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is empty.");
        }

        Directory.CreateDirectory(data.FullPath);
        return $"Data Source={Path.Combine(data.FullPath, "attest.db")}";
    }

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

/// <summary><c>Data</c>: where the embedded database and the file store live.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Folder for attest.db, files/ and staging/; relative paths are from the working directory.</summary>
    public string Folder { get; set; } = "attest-data";

    public string FullPath => Path.GetFullPath(Folder);
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
