// Load (issue 15, "Measure it"): two identical app instances on one PostgreSQL database (a centre grown by
// `bench/Scale --db postgres --keep`) and one shared data folder, driven by wrk (from apt) with --connections
// connections split between them, every connection a signed-in learner or member of staff on a mix of reads and writes,
// while a third wrk reads /health; prints each instance's throughput, p50, p99 and errors beside /health's.
//
//   dotnet build -c Release src/Attest.Web
//   dotnet run -c Release --project bench/Scale -- --learners 10000 --db postgres --keep
//   dotnet run -c Release --project bench/Load -- --postgres "Host=127.0.0.1;Port=55490;Username=postgres;Database=attest_bench_10000"
//       [--connections 500] [--seconds 60] [--learners 500] [--dir /tmp/attest-bench-load]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using static Bench;

var options = Arguments(args);
if (!options.TryGetValue("--postgres", out var postgres) || !postgres.Contains("Database=", StringComparison.Ordinal))
{
    Console.Error.WriteLine("need --postgres with the Database= of a centre grown by bench/Scale --db postgres --keep");
    return 2;
}

var connections = int.Parse(options.GetValueOrDefault("--connections", "500"), CultureInfo.InvariantCulture);
var seconds = int.Parse(options.GetValueOrDefault("--seconds", "60"), CultureInfo.InvariantCulture);
var learners = int.Parse(options.GetValueOrDefault("--learners", "500"), CultureInfo.InvariantCulture);
var dir = Path.GetFullPath(options.GetValueOrDefault("--dir", Path.Combine(Path.GetTempPath(), "attest-bench-load")));
var web = Path.GetFullPath(options.GetValueOrDefault("--web", Path.Combine("src", "Attest.Web", "bin", "Release", "net10.0", "Attest.Web.dll")));
if (Directory.Exists(dir))
{
    Directory.Delete(dir, recursive: true);
}

Directory.CreateDirectory(dir);
Machine(dir);
var data = Path.Combine(dir, "data");
const string WritePath = "/Candidate/Evidence/Add?kind=ReflectiveAccount";
var environment = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = postgres };
int[] ports = [FreePort(), FreePort()];
var apps = new List<App>();
try
{
    foreach (var (port, i) in ports.Select((p, i) => (p, i)))
    {
        apps.Add(await App.StartAsync(web, data, port, Path.Combine(dir, $"app-{i + 1}.log"), environment: environment));
    }

    // Sessions: learners signed in on alternate instances (a cookie from one is read by the other), with a form token
    // each for the write; the first twelve assessors of the grown centre, and the demo's administrator.
    var write = new Dictionary<string, string>
    {
        ["Input.Title"] = "Reflection on a complaint", ["Input.Context"] = "RealWork",
        ["Input.Body"] = "A customer rang about a late delivery. I listened, checked the order, apologised and arranged a new slot the same day.",
        ["Input.ActivityFrom"] = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
    var learnerSessions = new List<(string Cookie, string Body)>();
    for (var n = 0; n < learners; n++)
    {
        var (client, cookies, baseUri) = Client(ports[n % 2]);
        await SignInAsync(client, $"learner{n + 2}@scale.example");
        var fields = new Dictionary<string, string>(write) { ["__RequestVerificationToken"] = Token(await client.GetStringAsync(WritePath)) };
        var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        if (n == 0)
        {
            // The write must be accepted (a redirect to the new item) before a run that would only count it refused.
            using var check = await client.PostAsync(WritePath, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
            if (check.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"the learner's write answered {(int)check.StatusCode}: {Regex.Match(await check.Content.ReadAsStringAsync(), "govuk-error-summary__list\">(.{0,400})", RegexOptions.Singleline).Groups[1].Value}");
            }
        }

        learnerSessions.Add((cookies.GetCookieHeader(baseUri), body));
    }

    var staffSessions = new List<(string Cookie, string Path)>();
    for (var a = 1; a <= 12; a++)
    {
        var (client, cookies, baseUri) = Client(ports[a % 2]);
        await SignInAsync(client, $"assessor{a}@scale.example");
        staffSessions.Add((cookies.GetCookieHeader(baseUri), "/Assessor"));
    }

    {
        var (client, cookies, baseUri) = Client(ports[0]);
        await SignInAsync(client, "admin@demo.attest.test");
        staffSessions.Add((cookies.GetCookieHeader(baseUri), "/Admin/Dashboard"));
    }

    var script = Path.Combine(dir, "mix.lua");
    await File.WriteAllTextAsync(script, Mix(learnerSessions, staffSessions));
    await AloneAsync(learnerSessions, staffSessions);
    var before = await CountWrittenAsync();

    // Two wrk runs, one per instance, and a third on /health, all at once for the same seconds.
    var cpuBefore = apps.Select(a => App.CpuTime(a.Pid)).ToList();
    var runs = ports.Select(port => Wrk($"-t1 -c{connections / 2} -d{seconds}s --timeout 30s --latency -s {script} http://127.0.0.1:{port}")).ToList();
    runs.Add(Wrk($"-t1 -c10 -d{seconds}s --timeout 30s --latency http://127.0.0.1:{ports[0]}/health"));
    var results = await Task.WhenAll(runs);
    var cpu = apps.Select((a, i) => (App.CpuTime(a.Pid) - cpuBefore[i]).TotalSeconds).ToList();
    // A write wrk sent just before it stopped may still be committing (and be counted in rows but not as accepted).
    await Task.Delay(TimeSpan.FromSeconds(5));
    var written = await CountWrittenAsync() - before;

    Console.WriteLine($"\n{connections} connections for {seconds} s, {learners} learners and {staffSessions.Count} staff signed in; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; CPU time of the instances during the run {cpu[0]:F0} s and {cpu[1]:F0} s");
    Console.WriteLine("\n| target | requests | per second | p50 | p99 | errors (socket; non-2xx/3xx; refused: a redirect elsewhere or a form with errors) |\n| --- | --- | --- | --- | --- | --- |");
    foreach (var (result, name) in results.Zip(Targets))
    {
        Console.WriteLine($"| {name} | {result.Requests:N0} | {result.PerSecond:N0} | {result.P50} | {result.P99} | {result.SocketErrors}{(result.SocketErrors > 0 ? $" ({result.SocketDetail})" : "")}; {result.BadStatus}; {result.Refused} |");
    }

    var accepted = results.Sum(r => r.Written);
    Console.WriteLine($"\nReflective accounts accepted (a redirect to the new item): {accepted:N0}; new rows in EvidenceItems: {written:N0}. Mix: learners' home 35%, evidence list 25%, a written account 10%; assessors' caseload 20%, caseload filtered by standing 8%; the dashboard 2%.");
    return results.Any(r => r.SocketErrors + r.BadStatus + r.Refused > 0) || written < accepted ? 1 : 0;
}
finally
{
    foreach (var app in apps)
    {
        app.Kill();
    }
}

// Each request of the mix alone, one at a time on instance 1 after three to warm up: its time and the app's CPU time per
// request, to read the run's throughput against.
async Task AloneAsync(List<(string Cookie, string Body)> learnerSessions, List<(string Cookie, string Path)> staffSessions)
{
    const int Requests = 20;
    var assessor = staffSessions.First(s => s.Path == "/Assessor").Cookie;
    var admin = staffSessions.Single(s => s.Path == "/Admin/Dashboard").Cookie;
    static HttpRequestMessage Get(string path, string? cookie)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            message.Headers.Add("Cookie", cookie);
        }

        return message;
    }

    (string Name, Func<int, HttpRequestMessage> Request)[] kinds =
    [
        ("learner's home `/Candidate`", i => Get("/Candidate", learnerSessions[i].Cookie)),
        ("learner's evidence `/Candidate/Evidence`", i => Get("/Candidate/Evidence", learnerSessions[i].Cookie)),
        ("write: POST a reflective account", i => new HttpRequestMessage(HttpMethod.Post, WritePath)
        {
            Headers = { { "Cookie", learnerSessions[i].Cookie } },
            Content = new StringContent(learnerSessions[i].Body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        }),
        ("caseload `/Assessor`", _ => Get("/Assessor", assessor)),
        ("caseload filtered `/Assessor?standing=green`", _ => Get("/Assessor?standing=green", assessor)),
        ("`/Admin/Dashboard`", _ => Get("/Admin/Dashboard", admin)),
        ("`/health`", _ => Get("/health", null)),
    ];
    using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}") };
    Console.WriteLine($"\n| request alone (median of {Requests} on instance 1, one at a time) | median | app CPU per request |\n| --- | --- | --- |");
    foreach (var (name, request) in kinds)
    {
        var times = new List<double>();
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < Requests + 3; i++)
        {
            using var message = request(i % learnerSessions.Count);
            var cpuBefore = App.CpuTime(apps[0].Pid);
            var timer = Stopwatch.StartNew();
            using var response = await client.SendAsync(message);
            await response.Content.ReadAsByteArrayAsync();
            if (i >= 3)
            {
                times.Add(timer.Elapsed.TotalMilliseconds);
                cpu += App.CpuTime(apps[0].Pid) - cpuBefore;
            }

            if ((int)response.StatusCode >= 400 || (response.StatusCode == HttpStatusCode.Redirect && message.Method == HttpMethod.Get))
            {
                throw new InvalidOperationException($"{name} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        times.Sort();
        Console.WriteLine($"| {name} | {times[times.Count / 2]:F1} ms | {cpu.TotalMilliseconds / Requests:F0} ms |");
    }
}

(HttpClient Client, CookieContainer Cookies, Uri Base) Client(int port)
{
    var cookies = new CookieContainer();
    var baseUri = new Uri($"http://127.0.0.1:{port}");
    return (new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) }, cookies, baseUri);
}

async Task<long> CountWrittenAsync()
{
    await using var db = new Npgsql.NpgsqlConnection(postgres);
    await db.OpenAsync();
    await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM \"EvidenceItems\" WHERE \"Title\" = 'Reflection on a complaint'", db);
    return (long)(await command.ExecuteScalarAsync())!;
}

// The wrk script: each request picks a session and a page by the mix's weights.
static string Mix(List<(string Cookie, string Body)> learners, List<(string Cookie, string Path)> staff)
{
    static string Lua(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    var script = new StringBuilder();
    script.AppendLine("local learners = {");
    foreach (var (cookie, body) in learners)
    {
        script.AppendLine(CultureInfo.InvariantCulture, $"  {{ {Lua(cookie)}, {Lua(body)} }},");
    }

    script.AppendLine("}\nlocal assessors, admin = {}, nil");
    foreach (var (cookie, path) in staff)
    {
        script.AppendLine(path == "/Assessor" ? $"table.insert(assessors, {Lua(cookie)})" : $"admin = {Lua(cookie)}");
    }

    // Every answer is tallied, because wrk counts any 2xx or 3xx as a success: a write is accepted only when it redirects
    // to the new item; a redirect anywhere else (to the sign-in page: a session one instance did not accept) or a form
    // shown again with its error summary (a write refused) is an error.
    script.AppendLine("""
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        function init(args) ok, written, refused = 0, 0, 0 end
        function response(status, headers, body)
          if status == 200 and body:find('class="govuk-error-summary"', 1, true) then refused = refused + 1
          elseif status == 200 then ok = ok + 1
          elseif status == 302 and (headers["Location"] or ""):find("^/Candidate/Evidence/") then written = written + 1
          elseif status >= 300 and status < 400 then refused = refused + 1 end
        end
        function done(summary, latency, requests)
          for _, t in ipairs(threads) do
            io.write(string.format("tally: ok %d, written %d, refused %d\n", t:get("ok"), t:get("written"), t:get("refused")))
          end
        end
        math.randomseed(os.time())
        request = function()
          local r = math.random(100)
          if r <= 70 then
            local s = learners[math.random(#learners)]
            if r <= 35 then return wrk.format("GET", "/Candidate", { Cookie = s[1] }) end
            if r <= 60 then return wrk.format("GET", "/Candidate/Evidence", { Cookie = s[1] }) end
            return wrk.format("POST", "/Candidate/Evidence/Add?kind=ReflectiveAccount", { Cookie = s[1], ["Content-Type"] = "application/x-www-form-urlencoded" }, s[2])
          end
          if r <= 98 then
            local c = assessors[math.random(#assessors)]
            if r <= 90 then return wrk.format("GET", "/Assessor", { Cookie = c }) end
            return wrk.format("GET", "/Assessor?standing=green", { Cookie = c })
          end
          return wrk.format("GET", "/Admin/Dashboard", { Cookie = admin })
        end
        """);
    return script.ToString();
}

static async Task<WrkResult> Wrk(string arguments)
{
    var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    string Find(string pattern) => Regex.Match(output, pattern, RegexOptions.Multiline).Groups[1].Value;
    int Number(string pattern) => int.TryParse(Find(pattern), CultureInfo.InvariantCulture, out var n) ? n : 0;
    var socket = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
    return new WrkResult(
        Number(@"^\s*(\d+) requests in"), double.Parse(Find(@"^Requests/sec:\s+([\d.]+)") is { Length: > 0 } rate ? rate : "0", CultureInfo.InvariantCulture),
        Find(@"^\s+50%\s+(\S+)"), Find(@"^\s+99%\s+(\S+)"),
        socket.Success ? Enumerable.Range(1, 4).Sum(i => int.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture)) : 0,
        socket.Success ? $"connect {socket.Groups[1]}, read {socket.Groups[2]}, write {socket.Groups[3]}, timeout {socket.Groups[4]}" : "",
        Number(@"Non-2xx or 3xx responses: (\d+)"), Number(@"^tally: ok \d+, written (\d+)"), Number(@"^tally: .*refused (\d+)"));
}

internal sealed partial class Program
{
    private static readonly string[] Targets = ["instance 1, the mix", "instance 2, the mix", "instance 1, /health"];
}

/// <param name="Written">Writes accepted (a redirect to the new item), from the script's tally.</param>
/// <param name="Refused">Redirects anywhere else (e.g. to the sign-in page) and forms shown again with errors: errors that wrk counts as successes.</param>
internal sealed record WrkResult(int Requests, double PerSecond, string P50, string P99, int SocketErrors, string SocketDetail, int BadStatus, int Written, int Refused);
