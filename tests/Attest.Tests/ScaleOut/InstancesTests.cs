using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Tests.Features;
using Attest.Tests.Features.Uploads;
using Attest.Tests.Scanning;
using Attest.Tests.Storage;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Tracking;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Attest.Tests.ScaleOut;

/// <summary>
/// Issue 15: several identical app instances behind a load balancer on one PostgreSQL. Whatever one instance issues (a
/// sign-in cookie, a form's antiforgery token) the other reads, because the data-protection keys are in the database;
/// background work that both run (virus scans, the store's sweep, the day's standings) is done once, under leases the
/// database hands out; what both sign joins one ledger chain.
/// </summary>
public class InstancesTests
{
    private const string NeedsPostgres = $"Several instances share one PostgreSQL: these tests need {TestDatabase.PostgresVariable}; .ci/run starts one.";

    [SkippableFact]
    public async Task A_sign_in_made_on_one_instance_is_read_by_the_other_and_a_form_fetched_from_one_posts_to_the_other()
    {
        Skip.If(TestDatabase.PostgresServer is null, NeedsPostgres);
        using var first = await new AttestFactory(DatabaseProvider.Postgres).SeedAsync();
        using var second = first.AnotherInstance();
        var cookies = new CookieContainer();
        HttpClient On(AttestFactory instance) => instance.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        using var viaFirst = On(first);
        using var viaSecond = On(second);

        // The sign-in form (and its antiforgery cookie and token) from the first; the post that signs in, to the second.
        var token = await viaFirst.AntiforgeryTokenAsync("/Account/SignIn");
        var signIn = await viaSecond.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = first.A.Assessor, ["Input.Password"] = AttestFactory.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/Account/SignIn", signIn.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);

        // The cookie the second issued opens the caseload on both.
        foreach (var client in new[] { viaFirst, viaSecond })
        {
            var caseload = await client.GetAsync("/Assessor");
            Assert.Equal(HttpStatusCode.OK, caseload.StatusCode);
        }

        // Signed out on the first: the second, with the same cookies, no longer lets them in.
        var signOut = await viaFirst.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await viaSecond.AntiforgeryTokenAsync("/Assessor") }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viaSecond.GetAsync("/Assessor")).StatusCode);
    }

    [SkippableFact]
    public async Task Decisions_signed_at_once_through_both_instances_all_join_one_chain_that_verifies()
    {
        Skip.If(TestDatabase.PostgresServer is null, NeedsPostgres);
        using var first = await new AttestFactory(DatabaseProvider.Postgres).SeedAsync();
        using var second = first.AnotherInstance();
        var url = Assess.UnitUrl(first.A.EnrolmentId, "C3");
        var viaFirst = await first.SignedInAsync(first.A.Assessor);
        var viaSecond = await second.SignedInAsync(first.A.Assessor);
        var tokens = new Dictionary<HttpClient, string> { [viaFirst] = await viaFirst.AntiforgeryTokenAsync(url), [viaSecond] = await viaSecond.AntiforgeryTokenAsync(url) };
        long before;
        await using (var db = first.Db(first.A.Id))
        {
            before = await db.LedgerEntries.CountAsync();
        }

        // Every criterion of C3, each decided in its own post, turn about through the two instances, all at once.
        string[] criteria = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1", "4.2", "4.3", "4.4", "4.5"];
        var responses = await Task.WhenAll(criteria.Select((c, i) =>
        {
            var client = i % 2 == 0 ? viaFirst : viaSecond;
            return client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(Assess.DecisionFields(
                [new(c, "NotYetMet", "Observed at the counter: nothing yet shows this criterion.", $"Criterion {c}: none of the evidence so far shows this; we agreed to look for it at your next observation at the counter.")]))
            {
                ["__RequestVerificationToken"] = tokens[client],
            }));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var check = first.Db(first.A.Id);
        // One entry per decision after the ones already there: none lost, none doubled, no gap and no fork.
        Assert.Equal(Enumerable.Range(1, (int)before + criteria.Length).Select(i => (long)i), await check.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        var decisions = await check.CriterionDecisions.Select(d => new { d.Id, d.CriterionRef }).ToListAsync();
        Assert.Equal(criteria.Order(StringComparer.Ordinal), decisions.Select(d => d.CriterionRef).Order(StringComparer.Ordinal));
        Assert.Equal(decisions.Select(d => d.Id).Order(), (await check.LedgerEntries.Where(e => e.Kind == Attest.Core.Assessment.CriterionDecision.Kind).Select(e => e.SubjectId).ToListAsync()).Order());
        var (exit, output) = await first.CliAsync("ledger", "verify", "--centre", first.A.Number);
        Assert.True(exit == 0, output);
        Assert.Contains($"{before + criteria.Length} entries, chain intact", output, StringComparison.Ordinal);
    }

    /// <summary>With S3 the instances share the bucket; with the local store, the data folder (and so the upload's one file).</summary>
    [SkippableTheory]
    [InlineData(StorageProvider.S3)]
    [InlineData(StorageProvider.Local)]
    public async Task A_resumable_upload_whose_patches_alternate_between_instances_becomes_evidence_with_the_hash_of_its_bytes(StorageProvider storage)
    {
        Skip.If(TestDatabase.PostgresServer is null, NeedsPostgres);
        Skip.If(storage == StorageProvider.S3 && TestS3.Settings is null, TestS3.SkipReason);
        var shared = Directory.CreateTempSubdirectory("attest-shared-").FullName;
        try
        {
            await AlternateAsync(storage == StorageProvider.S3 ? TestS3.AppSettings($"tus-{Guid.NewGuid():N}/") : new() { ["Data:Folder"] = shared });
            if (storage == StorageProvider.Local)
            {
                // Taken by a rename: no upload file and no staged copy is left beside the two stored files.
                Assert.Empty(Directory.EnumerateFiles(Path.Combine(shared, "uploads")));
                Assert.Empty(Directory.EnumerateFiles(Path.Combine(shared, "staging")));
            }
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    private static async Task AlternateAsync(Dictionary<string, string> settings)
    {
        settings["Uploads:ResumablePartBytes"] = "100000"; // a 240,000-byte PATCH is committed in three parts
        using var first = await new AttestFactory(DatabaseProvider.Postgres, settings).SeedAsync();
        using var second = first.AnotherInstance();
        var cookies = new CookieContainer();
        using var viaFirst = first.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        using var viaSecond = second.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await viaFirst.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = first.A.Candidate, ["Input.Password"] = AttestFactory.Password })).StatusCode);

        var bytes = Tus.Mp4(1_000_000);
        var url = await Tus.CreateAsync(viaFirst, bytes.Length);
        var clients = new[] { viaSecond, viaFirst };
        var offset = 0;
        for (var turn = 0; offset < bytes.Length; turn++)
        {
            // Each PATCH goes to the other instance from the last, and asks it where the upload stands first.
            var client = clients[turn % 2];
            Assert.Equal(offset, await Tus.OffsetAsync(client, url));
            var length = Math.Min(240_000, bytes.Length - offset);
            using var patch = await Tus.PatchAsync(client, url, offset, bytes.AsMemory(offset, length));
            Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
            offset += length;
        }

        // Two PATCHes of the same bytes at one offset, one to each instance at once (a client's retry): exactly one is kept.
        var again = await Tus.CreateAsync(viaSecond, 300_000);
        var racing = await Task.WhenAll(clients.Select(c => Tus.PatchAsync(c, again, 0, bytes.AsMemory(0, 300_000))));
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(racing, r => Assert.True(r.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Locked or HttpStatusCode.Conflict, $"{r.StatusCode}"));
        Assert.Equal(300_000, await Tus.OffsetAsync(viaFirst, again));

        Assert.Equal(HttpStatusCode.Redirect, (await Tus.AddEvidenceAsync(viaSecond, url, "Clip sent through both instances")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Tus.AddEvidenceAsync(viaFirst, again, "Clip sent twice at once")).StatusCode);
        await using var db = first.Db(first.A.Id);
        var items = await db.EvidenceItems.Where(i => i.Title.StartsWith("Clip ")).ToDictionaryAsync(i => i.Title, i => (i.Sha256, i.SizeBytes));
        Assert.Equal((Tus.Sha256(bytes), 1_000_000L), items["Clip sent through both instances"]);
        Assert.Equal((Tus.Sha256(bytes[..300_000]), 300_000L), items["Clip sent twice at once"]);
        Assert.Empty(await db.ResumableUploadParts.ToListAsync()); // S3's parts were joined and removed; the local store makes none
    }

    [SkippableFact]
    public async Task Two_instances_scanning_at_once_scan_each_waiting_file_once()
    {
        Skip.If(TestDatabase.PostgresServer is null, NeedsPostgres);
        TestClamd.Scanner(TestClamd.Variable); // skips (locally) or fails (CI) without clamd
        Skip.If(TestS3.Settings is null, TestS3.SkipReason);
        var address = Environment.GetEnvironmentVariable(TestClamd.Variable)!;
        // Instances share the S3 store as well as the database: each reads back the files the other was sent.
        var settings = TestS3.AppSettings($"scan-{Guid.NewGuid():N}/");
        settings["Scanning:ClamdHost"] = address[..address.LastIndexOf(':')];
        settings["Scanning:ClamdPort"] = address[(address.LastIndexOf(':') + 1)..];
        settings["Scanning:PollSeconds"] = "3600"; // the test drives the workers itself
        using var first = await new AttestFactory(DatabaseProvider.Postgres, settings).SeedAsync();
        using var second = first.AnotherInstance();
        var candidate = await first.SignedInAsync(first.A.Candidate);
        const int Files = 6;
        for (var i = 0; i < Files; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await EvidenceTests.PostRawFileAsync(candidate, $"letter{i}.pdf", System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4 letter {i}"), $"Letter {i}")).StatusCode);
        }

        var counts = await Task.WhenAll(new[] { first, second }.Select(app => app.Services.GetRequiredService<VirusScanWorker>().ScanPendingAsync(default)));

        Assert.Equal(Files, counts.Sum());
        await using var db = first.Db(first.A.Id);
        Assert.Equal(Files, await db.EvidenceItems.CountAsync(i => i.Title.StartsWith("Letter ") && i.Scan == Attest.Core.Portfolios.ScanStatus.Clean));
        Assert.Empty(await db.WorkLeases.Where(l => l.Name.StartsWith("scan/")).ToListAsync()); // each scan's lease given back once its verdict was saved
    }

    [SkippableFact]
    public async Task Two_instances_sweeping_one_shared_store_at_once_remove_each_orphan_once()
    {
        Skip.If(TestDatabase.PostgresServer is null, NeedsPostgres);
        Skip.If(TestS3.Settings is null, TestS3.SkipReason);
        using var first = await new AttestFactory(DatabaseProvider.Postgres, TestS3.AppSettings($"sweep-{Guid.NewGuid():N}/")).SeedAsync();
        using var second = first.AnotherInstance();
        var store = first.Services.GetRequiredService<IFileStore>();
        var staging = first.Services.GetRequiredService<StagingArea>();
        var orphans = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            orphans.Add((await store.SaveAsync(staging, new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4 crashed before its row {i}")), 1000, default)).Name);
        }

        // A day on, past the grace period, both instances sweep at the same moment.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(25));
        var sweepers = new[] { first, second }.Select(app => ActivatorUtilities.CreateInstance<StorageSweeper>(app.Services, (TimeProvider)clock)).ToList();
        var reports = await Task.WhenAll(sweepers.Select(s => s.SweepAsync(default)));

        Assert.Equal(orphans.Count, reports.Sum(r => r.StoredOrphans));
        Assert.Contains(reports, r => r.StoredOrphans == 0);
        var left = new List<string>();
        await foreach (var entry in store.ListAsync(default))
        {
            left.Add(entry.Name);
        }

        Assert.Empty(left.Intersect(orphans));
    }

    [SkippableFact]
    public async Task Two_instances_working_out_the_new_days_standings_at_once_do_it_once()
    {
        Skip.If(TestDatabase.PostgresServer is null, NeedsPostgres);
        // The instances' own refreshers are left out: the test runs the passes itself, both at the same moment.
        static void WithoutRefresher(IServiceCollection services) => services.Remove(services.Single(d => d.ImplementationType == typeof(StandingsRefresher)));
        using var first = await new AttestFactory(DatabaseProvider.Postgres, services: WithoutRefresher).SeedAsync();
        using var second = first.AnotherInstance();
        await CaseloadTests.AddLearnersAsync(first, first.A.AssessorUserId, 30);
        var clock = new FakeTimeProvider(new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(1).AddMinutes(1), TimeSpan.Zero));
        var newDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var refreshers = new[] { first, second }.Select(app => ActivatorUtilities.CreateInstance<StandingsRefresher>(app.Services, (TimeProvider)clock)).ToList();

        var worked = await Task.WhenAll(refreshers.Select(r => r.RefreshAsync(default)));

        Assert.Contains(0, worked);
        Assert.Equal(await StandingsRefresherTests.EnrolledAsync(first, first.A.Id) + await StandingsRefresherTests.EnrolledAsync(first, first.B.Id), worked.Sum());
        Assert.Equal(0, await StandingsRefresherTests.WithoutCurrentStandingAsync(first, first.A.Id, newDay) + await StandingsRefresherTests.WithoutCurrentStandingAsync(first, first.B.Id, newDay));
    }

    [SkippableFact]
    public async Task A_rate_limit_counts_the_requests_of_every_instance_together()
    {
        Skip.If(TestDatabase.PostgresServer is null, NeedsPostgres);
        using var first = await new AttestFactory(DatabaseProvider.Postgres).SeedAsync();
        using var second = first.AnotherInstance();
        using var toFirst = first.CreateClient(new() { AllowAutoRedirect = false });
        using var toSecond = second.CreateClient(new() { AllowAutoRedirect = false });

        // The limit counts in fixed windows of a minute: begin early in one, so that all forty requests fall in it.
        var second0 = first.Services.GetRequiredService<TimeProvider>().GetUtcNow().Second;
        if (second0 > 30)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - second0));
        }

        // Witness links guessed from one address, turn about through the two instances: 30 a minute between them, not each.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            var client = i % 2 == 0 ? toFirst : toSecond;
            statuses.Add((await client.GetAsync($"/Witness/{first.A.Id:N}.{Guid.NewGuid():N}{Guid.NewGuid():N}"[..76])).StatusCode);
        }

        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.All(statuses.Skip(30), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }
}
