// Candidate import benchmark (bench/README.md): a college MIS file of N candidates (default 5,000), each with a valid ULN, an
// email address of their own (so an account and an invitation) and an enrolment on 03456 with a valid choice of units, an
// assessor and a planned end date, imported into a real Attest process (dotnet Attest.Web.dll, SQLite, demo data) through
// its pages, as a browser would: upload, match columns, preview, confirm; then the same file again (every row unchanged).
// Reports each step's time, the app's CPU time and its peak resident memory (VmRSS sampled every 20 ms), the app's own
// account of where the import's time went (its log line), and how long the outbox took to deliver the invitations.
//
//   dotnet build -c Release src/Attest.Web
//   dotnet run -c Release --project bench/Import [-- --rows 5000] [--dir /tmp/attest-bench-import] [--web path/to/Attest.Web.dll] [--sql]
//
// --no-delivery does not wait for the outbox to deliver the invitations (about 17 minutes for 5,000: see docs/performance.md).
// --sql logs the app's SQL commands (EF Core's own log, with each command's time) and sums those run during the confirmed
// import by statement, to show where its time goes; the logging itself slows the import, so time it without --sql.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using static Bench;
using static MisImport;

const int MiB = 1024 * 1024;
var options = Arguments(args);
var rows = int.Parse(options.GetValueOrDefault("--rows", "5000"), CultureInfo.InvariantCulture);
var dir = Path.GetFullPath(options.GetValueOrDefault("--dir", Path.Combine(Path.GetTempPath(), "attest-bench-import")));
var web = Path.GetFullPath(options.GetValueOrDefault("--web", Path.Combine("src", "Attest.Web", "bin", "Release", "net10.0", "Attest.Web.dll")));
if (!File.Exists(web))
{
    Console.Error.WriteLine($"{web} not found: run dotnet build -c Release src/Attest.Web first, or pass --web.");
    return 2;
}

Directory.CreateDirectory(dir);
var data = Path.Combine(dir, "data");
if (Directory.Exists(data))
{
    Directory.Delete(data, recursive: true);
}

var log = Path.Combine(dir, "app.log");
File.Delete(log);
Machine(dir);
var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
var warmUpFile = Candidates(100, first: 300_000_000, "warm", today);
var file = Candidates(rows, first: 400_000_000, "bench", today);
Console.WriteLine($"file: {rows:N0} candidates, {file.Length / 1024.0:F0} KiB of CSV (UTF-8)");

var port = FreePort();
var sql = options.ContainsKey("--sql");
var app = await App.StartAsync(web, data, port, log, sql);
var steps = new List<(string Name, TimeSpan Time, TimeSpan Cpu, long Before, long Peak)>();
var overallBefore = RssSampler.Read(app.Pid);
try
{
    using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Timeout.InfiniteTimeSpan };
    await SignInAsync(client, "admin@demo.attest.test");

    // Warm-up: the whole journey with 100 candidates, so the measured runs use compiled, not first-tier, code.
    var warm = await UploadAsync(client, "warm-up.csv", warmUpFile);
    var warmColumns = Columns(await client.GetStringAsync(warm));
    await client.GetStringAsync($"{warm}?{warmColumns}");
    await ConfirmAsync(client, warm, warmColumns);

    async Task<T> Step<T>(string name, Func<Task<T>> work)
    {
        var sampler = RssSampler.Start(app.Pid);
        var cpu = App.CpuTime(app.Pid);
        var timer = Stopwatch.StartNew();
        var result = await work();
        timer.Stop();
        steps.Add((name, timer.Elapsed, App.CpuTime(app.Pid) - cpu, sampler.Before, sampler.Stop()));
        sampler.Dispose();
        return result;
    }

    var import = await Step("upload (read and keep the file)", () => UploadAsync(client, "candidates.csv", file));
    var columns = Columns(await Step("match columns page", () => client.GetStringAsync(import)));
    var preview = await Step("preview (check every row)", () => client.GetStringAsync($"{import}?{columns}"));
    Expect(preview, "To register", $"{rows:N0} ({rows:N0} invited to sign in)");
    Expect(preview, "To enrol", $"{rows:N0}");
    var logBefore = File.ReadLines(log).Count();

    // Meanwhile another user's requests: /health reads the database every 250 ms while the import's transaction is open.
    using var probeStop = new CancellationTokenSource();
    var probe = Task.Run(async () =>
    {
        using var other = new HttpClient { BaseAddress = client.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var results = new List<(TimeSpan Time, HttpStatusCode Status)>();
        while (!probeStop.IsCancellationRequested)
        {
            var timer = Stopwatch.StartNew();
            try
            {
                using var response = await other.GetAsync("/health");
                results.Add((timer.Elapsed, response.StatusCode));
            }
            catch (HttpRequestException)
            {
                results.Add((timer.Elapsed, 0));
            }

            await Task.Delay(250);
        }

        return results;
    });
    await Step("confirm: import (write every row)", () => ConfirmAsync(client, import, columns));
    await probeStop.CancelAsync();
    var probes = await probe;
    var importLog = File.ReadLines(log).Skip(logBefore).ToList();
    var mailFolder = Path.Combine(data, "mail");
    if (!options.ContainsKey("--no-delivery"))
    {
        await Step("outbox: every invitation delivered (.eml files)", async () =>
    {
        while (Directory.Exists(mailFolder) ? Directory.EnumerateFiles(mailFolder, "*.eml").Count() < rows + 100 : true)
        {
            await Task.Delay(200);
        }

        return true;
        });
    }

    var again = await Step("upload the same file again", () => UploadAsync(client, "candidates.csv", file));
    var preview2 = await Step("preview again (every row unchanged)", () => client.GetStringAsync($"{again}?{columns}"));
    Expect(preview2, "Unchanged", $"{rows:N0}");
    await Step("confirm again (nothing to write)", () => ConfirmAsync(client, again, columns));

    var overallPeak = steps.Max(s => s.Peak);
    Console.WriteLine();
    Console.WriteLine($"| step ({rows:N0} candidates) | time | app CPU | app RSS before | app RSS peak |");
    Console.WriteLine("| --- | --- | --- | --- | --- |");
    foreach (var (name, time, cpu, before, peak) in steps)
    {
        Console.WriteLine($"| {name} | {time.TotalSeconds:F2} s | {cpu.TotalSeconds:F2} s | {before / MiB} MiB | {peak / MiB} MiB |");
    }

    Console.WriteLine($"| app RSS after start-up, and its peak over all steps | | | {overallBefore / MiB} MiB | {overallPeak / MiB} MiB |");
    Console.WriteLine();
    Console.WriteLine($"Another client's GET /health (reads the database) every 250 ms during the confirmed import: {probes.Count} requests, "
        + $"{probes.Count(p => p.Status == HttpStatusCode.OK)} answered 200, slowest {(probes.Count == 0 ? 0 : probes.Max(p => p.Time.TotalSeconds)):F2} s, "
        + $"median {(probes.Count == 0 ? 0 : probes.Select(p => p.Time.TotalSeconds).Order().ElementAt(probes.Count / 2)):F3} s; others: {string.Join(", ", probes.Where(p => p.Status != HttpStatusCode.OK).GroupBy(p => (int)p.Status).Select(g => $"{g.Count()} x {g.Key}"))}");
    await Task.Delay(500);
    Console.WriteLine();
    Console.WriteLine("The app's own account (its log line for each confirmed import):");
    foreach (var line in File.ReadLines(log).Where(l => l.Contains("Candidate import", StringComparison.Ordinal)))
    {
        Console.WriteLine("    " + line.Trim());
    }

    if (sql)
    {
        SummariseSql(importLog, rows);
    }

    return 0;
}
finally
{
    app.Kill();
    if (!options.ContainsKey("--keep"))
    {
        Directory.Delete(data, recursive: true);
    }
}

// EF Core's "Executed DbCommand (3ms) [...]" lines, each followed by the statement: count and time by statement.
static void SummariseSql(List<string> lines, int rows)
{
    var commands = new List<(string Statement, int Ms)>();
    for (var i = 0; i < lines.Count; i++)
    {
        var match = Regex.Match(lines[i], @"Executed DbCommand \((\d+)ms\)");
        if (match.Success)
        {
            var statement = lines.Skip(i + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
            statement = Regex.Replace(statement, @"@\w+|'[^']*'|\d+", "?");
            commands.Add((statement.Length > 90 ? statement[..90] : statement, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)));
        }
    }

    Console.WriteLine();
    Console.WriteLine($"SQL during the confirmed import: {commands.Count:N0} commands ({commands.Count / (double)rows:F1} a row), {commands.Sum(c => c.Ms) / 1000.0:F1} s by EF Core's own timing");
    Console.WriteLine("| statement (start) | commands | a row | total ms |");
    Console.WriteLine("| --- | --- | --- | --- |");
    foreach (var group in commands.GroupBy(c => c.Statement).OrderByDescending(g => g.Sum(c => c.Ms)).ThenByDescending(g => g.Count()).Take(20))
    {
        Console.WriteLine($"| `{group.Key.Replace("|", "\\|", StringComparison.Ordinal)}` | {group.Count():N0} | {group.Count() / (double)rows:F1} | {group.Sum(c => c.Ms):N0} |");
    }
}

static void Expect(string page, string key, string value)
{
    var match = Regex.Match(page, $"<dt class=\"govuk-summary-list__key\">{Regex.Escape(key)}</dt><dd class=\"govuk-summary-list__value\">([^<]*)</dd>");
    if (!match.Success || WebUtility.HtmlDecode(match.Groups[1].Value) != value)
    {
        throw new InvalidOperationException($"preview says {key}: \"{(match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "(missing)")}\", expected \"{value}\"");
    }
}

