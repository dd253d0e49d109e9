using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attest.Tests.Data;

/// <summary>
/// A fresh, migrated database per test on a real server: a SQLite file always, and PostgreSQL when
/// ATTEST_TEST_POSTGRES holds a connection string (CI always gives one). The migrations run once per test run into a
/// template that each test's database copies (a file copy; PostgreSQL's CREATE DATABASE … TEMPLATE), so a test pays
/// for a copy, not for the whole migration history.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "ATTEST_TEST_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, TestDatabase? template = null)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            _sqliteFolder = Directory.CreateTempSubdirectory("attest-test-").FullName;
            var file = Path.Combine(_sqliteFolder, "attest.db");
            if (template is not null)
            {
                File.Copy(Path.Combine(template._sqliteFolder!, "attest.db"), file);
            }

            // No pool: a pooled connection would keep the file open after the test and its folder undeletable.
            ConnectionString = $"Data Source={file};Pooling=False";
        }
        else
        {
            _postgresName = "attest_test_" + Guid.NewGuid().ToString("N");
            using (var admin = new NpgsqlConnection(PostgresServer))
            {
                admin.Open();
                var copy = template is null ? "" : $" TEMPLATE \"{template._postgresName}\"";
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresName}\"{copy}", admin);
                create.ExecuteNonQuery();
            }

            // Pooled, as the app is in production: a new PostgreSQL connection is a new server process, and opening one
            // per query made each test several times slower. Idle connections close within seconds, and dropping the
            // database ends any left open, so a run of a thousand databases stays far under the server's connection limit.
            // The template is not pooled (it is copied only while nobody is connected to it), nor are migration tests' empty ones.
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer)
            {
                Database = _postgresName, Pooling = template is not null, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5,
            }.ConnectionString;
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>The providers this run can test: every test that takes a provider runs once per entry.</summary>
    public static TheoryData<DatabaseProvider> Providers
    {
        get
        {
            var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (PostgresServer is not null)
            {
                data.Add(DatabaseProvider.Postgres);
            }

            return data;
        }
    }

    /// <summary>A database with nothing in it, not even the migrations: for tests of migrating.</summary>
    public static TestDatabase CreateEmpty(DatabaseProvider provider) => new(provider);

    public static TestDatabase Create(DatabaseProvider provider) =>
        new(provider, (provider == DatabaseProvider.Sqlite ? SqliteTemplate : PostgresTemplate).Value);

    private static readonly Lazy<TestDatabase> SqliteTemplate = new(() => Migrated(DatabaseProvider.Sqlite));

    private static readonly Lazy<TestDatabase> PostgresTemplate = new(() => Migrated(DatabaseProvider.Postgres));

    /// <summary>The template: migrated once, never opened again (PostgreSQL copies only a database nobody is connected to).</summary>
    private static TestDatabase Migrated(DatabaseProvider provider)
    {
        var template = new TestDatabase(provider);
        using (var db = template.Context(NoCentre.Instance))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        return template;
    }

    public AttestDbContext Context(Core.Centres.ICurrentCentre centre)
    {
        var options = new DbContextOptionsBuilder<AttestDbContext>();
        DatabaseOptions.Configure(options, Provider, ConnectionString);
        return new AttestDbContext(options.Options, centre);
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_sqliteFolder is not null)
        {
            Directory.Delete(_sqliteFolder, recursive: true);
        }

        if (_postgresName is not null)
        {
            using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            using var admin = new NpgsqlConnection(PostgresServer);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }
}
