using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.ScaleOut;

/// <summary>
/// Issue 15, the database as instances start: kept statistics on SQLite (below), and migrated once. Instances started together (or a deployment's `attest db migrate` beside an instance migrating at start) must
/// migrate a database once. EF Core takes a database lock around migrating (a lock table on SQLite, a table lock on
/// PostgreSQL), so the second waits and then finds nothing to apply.
/// </summary>
public class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Three_migrations_started_at_once_on_an_empty_database_all_succeed_and_apply_each_migration_once(DatabaseProvider provider)
    {
        using var database = TestDatabase.CreateEmpty(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(), ["Database:ConnectionString"] = database.ConnectionString,
        }).Build();

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await Attest.Cli.AttestCli.RunAsync(["db", "migrate"], output, error, configuration);
            return (exit, Said: output.ToString() + error);
        }));

        Assert.All(runs, run => Assert.True(run.exit == 0, run.Said));
        await using var db = database.Context(NoCentre.Instance);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Centres.CountAsync());
    }

    [Fact]
    public async Task On_SQLite_the_planner_has_statistics_for_the_indexes_that_scope_a_learners_pages()
    {
        using var app = await new Features.AttestFactory(DatabaseProvider.Sqlite).SeedAsync();
        await app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Web.Infrastructure.SqliteStatistics>().Single().AnalyzeAsync(default);

        await using var db = app.Db(app.A.Id);
        var indexed = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT tbl AS \"Value\" FROM sqlite_stat1").ToListAsync();
        Assert.Contains("EvidenceItems", indexed);
        Assert.Contains("Enrolments", indexed);
    }
}
