// Centre sizes (issue 15, "Measure it"): a centre of --learners learners generated in SQL from the demo centre (see
// Centre.cs), on SQLite or PostgreSQL, then every page the issue names timed on the real app (Release) signed in as the
// role that opens it: the median of --requests requests after a warm-up, the first request, and for each centre page
// the nearest raw SQL (RawSql.cs) run through the driver in the same run, with the page's ratio to it.
//
//   dotnet build -c Release src/Attest.Web
//   dotnet run -c Release --project bench/Scale -- --learners 10000 [--db sqlite|postgres] [--requests 20]
//       [--evidence-copies 5] [--postgres "Host=127.0.0.1;Port=55490;Username=postgres"] [--dir /tmp/attest-bench-scale] [--keep]
//       [--off-the-job-weeks 52 [--only off-the-job]]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Bench;

var options = Arguments(args);
var learners = int.Parse(options.GetValueOrDefault("--learners", "1000"), CultureInfo.InvariantCulture);
var provider = options.GetValueOrDefault("--db", "sqlite");
var evidenceCopies = int.Parse(options.GetValueOrDefault("--evidence-copies", "5"), CultureInfo.InvariantCulture);
var requests = int.Parse(options.GetValueOrDefault("--requests", "20"), CultureInfo.InvariantCulture);
// Every learner is an apprentice (the demo's Maya and Tom are): with weeks given, each gets that many weeks of off-the-job log.
var offTheJobWeeks = int.Parse(options.GetValueOrDefault("--off-the-job-weeks", "0"), CultureInfo.InvariantCulture);
var onlyOffTheJob = options.GetValueOrDefault("--only") == "off-the-job";
var server = options.GetValueOrDefault("--postgres", "Host=127.0.0.1;Port=55490;Username=postgres");
var dir = Path.GetFullPath(options.GetValueOrDefault("--dir", Path.Combine(Path.GetTempPath(), "attest-bench-scale")));
var web = Path.GetFullPath(options.GetValueOrDefault("--web", Path.Combine("src", "Attest.Web", "bin", "Release", "net10.0", "Attest.Web.dll")));
if (!File.Exists(web) || provider is not ("sqlite" or "postgres") || learners < 3 || offTheJobWeeks is < 0 or > 200 || (onlyOffTheJob && offTheJobWeeks == 0))
{
    Console.Error.WriteLine($"need {web} (dotnet build -c Release src/Attest.Web), --db sqlite|postgres, --learners 3 or more, and --off-the-job-weeks 1 to 200 with --only off-the-job.");
    return 2;
}

Directory.CreateDirectory(dir);
Machine(dir);
var data = Path.Combine(dir, $"data-{learners}-{provider}");
if (Directory.Exists(data))
{
    Directory.Delete(data, recursive: true);
}

var database = $"attest_bench_{learners}";
var postgres = $"{server};Database={database}";
var environment = provider == "postgres"
    ? new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = postgres }
    : new Dictionary<string, string>();
var log = Path.Combine(dir, $"app-{learners}-{provider}.log");
File.Delete(log);

// 1. The demo centre, as the app seeds it on SQLite, with its learners' standings kept (the app works them out at start).
var generation = Stopwatch.StartNew();
var app = await App.StartAsync(web, data, FreePort(), log);
await StandingsWorkedOutAsync(log, 0);
app.Kill();
var seeded = generation.Elapsed;

// 2. Grown in SQL; on PostgreSQL, copied into a database the app has migrated.
var file = Path.Combine(data, "attest.db");
Centre.Grow(file, learners, evidenceCopies);
if (offTheJobWeeks > 0)
{
    Centre.LogOffTheJob(file, offTheJobWeeks);
}

if (provider == "postgres")
{
    await using (var admin = new NpgsqlConnection($"{server};Database=postgres"))
    {
        await admin.OpenAsync();
        Centre.Execute(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database};");
    }

    app = await App.StartAsync(web, data, FreePort(), log, environment: environment);
    app.Kill();
    Centre.CopyToPostgres(file, postgres);
}

Console.WriteLine($"generated in {generation.Elapsed.TotalSeconds:F0} s (demo centre {seeded.TotalSeconds:F0} s)");

// 3. Timed.
var port = FreePort();
var passes = await PassesAsync(log);
app = await App.StartAsync(web, data, port, log, environment: environment);
try
{
    await StandingsWorkedOutAsync(log, passes);
    using var raw = new RawSql(provider == "postgres" ? new NpgsqlConnection(postgres) : new SqliteConnection($"Data Source={file};Mode=ReadOnly"));
    var kept = raw.KeptStandings();
    Console.WriteLine($"kept standings current: {kept.Current:N0} of {kept.Enrolments:N0} enrolments; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

    HttpClient Client() => new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
    var clients = new Dictionary<string, HttpClient> { ["admin"] = Client(), ["iqa"] = Client(), ["assessor"] = Client(), ["candidate"] = Client() };
    foreach (var (role, client) in clients)
    {
        await SignInAsync(client, role == "candidate" ? "candidate3@demo.attest.test" : $"{role}@demo.attest.test");
    }

    var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
    var maya = raw.MayasEnrolment();
    var floor = await TimeAsync(Client(), "/Account/SignIn");
    Console.WriteLine();
    Console.WriteLine($"{learners:N0} learners, {(provider == "postgres" ? "PostgreSQL" : "SQLite")}");
    Console.WriteLine();
    Console.WriteLine($"| page (median of {requests}) | median | first request | raw SQL (median) | page / raw SQL |");
    Console.WriteLine("| --- | --- | --- | --- | --- |");
    Console.WriteLine($"| floor: `/Account/SignIn` | {floor.Median:F1} ms | {floor.First:F0} ms | | |");
    async Task RowAsync(string role, string page, Func<double>? sql, string shown)
    {
        var (first, median) = await TimeAsync(clients[role], page);
        var sqlMs = sql is null ? (double?)null : Median(sql);
        Console.WriteLine($"| {role} `{shown}` | {median:F1} ms | {first:F0} ms | {(sqlMs is { } s ? $"{s:F1} ms" : "")} | {(sqlMs is { } r ? $"{median / r:F1}x" : "")} |");
    }

    if (offTheJobWeeks > 0)
    {
        await RowAsync("admin", "/Admin/OffTheJob", raw.OffTheJob, "/Admin/OffTheJob");
        await RowAsync("admin", "/Admin/OffTheJob?handler=Csv", raw.OffTheJob, "/Admin/OffTheJob?handler=Csv");
        if (onlyOffTheJob)
        {
            return 0;
        }
    }

    await RowAsync("admin", "/Admin/Dashboard", raw.Dashboard, "/Admin/Dashboard");
    await RowAsync("admin", "/Admin/Dashboard?handler=Csv", raw.DashboardCsv, "/Admin/Dashboard?handler=Csv");
    await RowAsync("admin", "/Admin/Claims", raw.Claims, "/Admin/Claims");

    // One sampling plan of the last year, made through the page. Its picks are saved with their enrolments' ids, which
    // moves those enrolments' progress stamps: the next dashboard works their standings out again (timed too).
    var from = today.AddYears(-1);
    var making = Stopwatch.StartNew();
    Guid? plan = null;
    try
    {
        plan = Guid.Parse((await PostAsync(clients["iqa"], "/Iqa/Sampling", new()
        {
            ["Input.QualificationCode"] = "03456", ["Input.From"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.To"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).Split('/')[^1]);
    }
    catch (InvalidOperationException refused)
    {
        // Reported in the table (the app's log says why); the pages that do not need the plan are still timed.
        Console.WriteLine($"| iqa POST `/Iqa/Sampling` (make a plan, once) | | failed after {making.Elapsed.TotalMilliseconds:F0} ms: {refused.Message.Split(':')[0]} | | |");
    }

    if (plan is { } planId)
    {
        var madeMs = making.Elapsed.TotalMilliseconds;
        var stale = raw.KeptStandings();
        var after = Stopwatch.StartNew();
        await FetchAsync(clients["admin"], "/Admin/Dashboard");
        Console.WriteLine($"| iqa POST `/Iqa/Sampling` (make a plan, once) | | {madeMs:F0} ms | | |");
        Console.WriteLine($"| admin `/Admin/Dashboard` just after (once; {stale.Enrolments - stale.Current:N0} standings to work out again) | | {after.Elapsed.TotalMilliseconds:F0} ms | | |");
        await RowAsync("iqa", $"/Iqa/Sampling/{planId}", () => raw.SamplingPlan(planId, from), "/Iqa/Sampling/{plan}");
    }

    await RowAsync("iqa", "/Iqa/Standardisation?qualification=03456&unit=C3", raw.Standardisation, "/Iqa/Standardisation?qualification=03456&unit=C3");
    await RowAsync("assessor", "/Assessor", null, "/Assessor");
    await RowAsync("assessor", $"/Tracking/Enrolments/{maya}", null, "/Tracking/Enrolments/{Maya}");
    await RowAsync("candidate", "/Candidate", null, "/Candidate");
    await RowAsync("candidate", "/Candidate/Evidence", null, "/Candidate/Evidence");
}
finally
{
    app.Kill();
    if (!options.ContainsKey("--keep"))
    {
        Directory.Delete(data, recursive: true);
        if (provider == "postgres")
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection($"{server};Database=postgres");
            await admin.OpenAsync();
            Centre.Execute(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE);");
        }
    }
}

return 0;

async Task<(double First, double Median)> TimeAsync(HttpClient client, string page)
{
    var first = Stopwatch.StartNew();
    await FetchAsync(client, page);
    var firstMs = first.Elapsed.TotalMilliseconds;
    // A page of seconds gets one warm-up and five requests, so a run at 50,000 stays within minutes.
    var slow = firstMs > 2000;
    for (var i = 0; i < (slow ? 1 : 3); i++)
    {
        await FetchAsync(client, page);
    }

    var times = new List<double>();
    for (var i = 0; i < (slow ? Math.Min(5, requests) : requests); i++)
    {
        var timer = Stopwatch.StartNew();
        await FetchAsync(client, page);
        times.Add(timer.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return (firstMs, times[times.Count / 2]);
}

double Median(Func<double> run)
{
    var slow = run() > 2000;
    for (var i = 0; i < (slow ? 0 : 2); i++)
    {
        run();
    }

    var times = Enumerable.Range(0, slow ? Math.Min(5, requests) : requests).Select(_ => run()).Order().ToList();
    return times[times.Count / 2];
}

// The app logs "Worked out N kept standings for DAY" after each pass; the start-up pass is done when the log has one more.
static async Task<int> PassesAsync(string log)
{
    if (!File.Exists(log))
    {
        return 0;
    }

    using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    return (await new StreamReader(stream).ReadToEndAsync()).Split("kept standings for").Length - 1;
}

static async Task StandingsWorkedOutAsync(string log, int before)
{
    for (var waited = 0; waited < 1200; waited++)
    {
        if (await PassesAsync(log) > before)
        {
            return;
        }

        await Task.Delay(500);
    }

    throw new InvalidOperationException($"the app did not work out the kept standings in 10 minutes; see {log}");
}

static async Task FetchAsync(HttpClient client, string page)
{
    using var response = await client.GetAsync(page);
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}");
    }

    await response.Content.ReadAsByteArrayAsync();
}

static async Task<string> PostAsync(HttpClient client, string page, Dictionary<string, string> fields)
{
    fields["__RequestVerificationToken"] = Token(await client.GetStringAsync(page));
    using var form = new FormUrlEncodedContent(fields);
    using var response = await client.PostAsync(page, form);
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    return response.Headers.Location!.OriginalString;
}
