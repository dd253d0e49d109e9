using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Tests.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Attest.Tests.ScaleOut;

/// <summary>
/// Issue 15: the backup and restore docs/operations.md describes, done as written: pg_dump of a centre with signed work,
/// pg_restore into an empty database, and `attest ledger verify` on what was restored.
/// </summary>
public class BackupTests
{
    [SkippableFact]
    public async Task A_database_dumped_and_restored_as_documented_keeps_every_signed_record_and_its_ledger_verifies()
    {
        Skip.If(TestDatabase.PostgresServer is null, $"Backups are of PostgreSQL: this test needs {TestDatabase.PostgresVariable}; .ci/run starts one.");
        ExternalTool.Require("pg_dump", "postgresql-client");
        ExternalTool.Require("pg_restore", "postgresql-client");
        using var app = await new AttestFactory(DatabaseProvider.Postgres).SeedAsync();
        await C3Portfolio.BuildAsync(app, C3Portfolio.Complete()); // every C3 criterion decided: signed records in the ledger
        using var restored = TestDatabase.CreateEmpty(DatabaseProvider.Postgres);
        var dump = Path.Combine(app.DataFolder, "attest.dump");

        var (dumped, dumpSaid) = await ExternalTool.RunAsync("pg_dump", [.. Connection(app.Database.ConnectionString), "--format=custom", "--file", dump]);
        Assert.True(dumped == 0, dumpSaid);
        var (restoredExit, restoreSaid) = await ExternalTool.RunAsync("pg_restore", [.. Connection(restored.ConnectionString), "--no-owner", "--exit-on-error", dump]);
        Assert.True(restoredExit == 0, restoreSaid);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = restored.ConnectionString,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await Attest.Cli.AttestCli.RunAsync(["ledger", "verify"], output, error, configuration));
        Assert.Contains("chain intact, every signed record as signed", output.ToString(), StringComparison.Ordinal);

        await using var before = app.Db(app.A.Id);
        await using var after = restored.Context(new FixedCentre(app.A.Id));
        Assert.Equal(await before.CriterionDecisions.CountAsync(), await after.CriterionDecisions.CountAsync());
        Assert.Equal(await before.LedgerEntries.CountAsync(), await after.LedgerEntries.CountAsync());
        Assert.True(await after.CriterionDecisions.CountAsync() >= C3Portfolio.Unit.Criteria.Count());
    }

    /// <summary>The connection options pg_dump and pg_restore take, from a connection string.</summary>
    private static string[] Connection(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return ["--host", c.Host!, "--port", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", c.Username!, "--dbname", c.Database!];
    }
}
