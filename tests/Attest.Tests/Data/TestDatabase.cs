using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attest.Tests.Data;

/// <summary>
/// A fresh, migrated database per test on a real server: a SQLite file always, and PostgreSQL when
/// ATTEST_TEST_POSTGRES holds a connection string (CI always gives one).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "ATTEST_TEST_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            _sqliteFolder = Directory.CreateTempSubdirectory("attest-test-").FullName;
            ConnectionString = $"Data Source={Path.Combine(_sqliteFolder, "attest.db")};Pooling=False";
        }
        else
        {
            _postgresName = "attest_test_" + Guid.NewGuid().ToString("N");
            using (var admin = new NpgsqlConnection(PostgresServer))
            {
                admin.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresName}\"", admin);
                create.ExecuteNonQuery();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresName, Pooling = false }.ConnectionString;
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

    public static TestDatabase Create(DatabaseProvider provider)
    {
        var database = new TestDatabase(provider);
        using var db = database.Context(NoCentre.Instance);
        db.Database.Migrate();
        return database;
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
            using var admin = new NpgsqlConnection(PostgresServer);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }
}
