// Lists that scale (issue 14): each list page's time with 1,000 learners against the same page with 10, on the real app
// (Release, SQLite, demo data) filled through the MIS import. Each page is timed as the median of many requests after a
// warm-up, and reported also as a ratio to the sign-in page (which reads no learner) measured in the same run, so a busy machine shifts both alike.
//
//   dotnet build -c Release src/Attest.Web
//   dotnet run -c Release --project bench/Lists [-- --learners 10,1000] [--requests 40] [--dir /tmp/attest-bench-lists]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using static Bench;
using static MisImport;

var options = Arguments(args);
var sizes = options.GetValueOrDefault("--learners", "10,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var requests = int.Parse(options.GetValueOrDefault("--requests", "40"), CultureInfo.InvariantCulture);
var dir = Path.GetFullPath(options.GetValueOrDefault("--dir", Path.Combine(Path.GetTempPath(), "attest-bench-lists")));
var web = Path.GetFullPath(options.GetValueOrDefault("--web", Path.Combine("src", "Attest.Web", "bin", "Release", "net10.0", "Attest.Web.dll")));
if (!File.Exists(web))
{
    Console.Error.WriteLine($"{web} not found: run dotnet build -c Release src/Attest.Web first, or pass --web.");
    return 2;
}

Directory.CreateDirectory(dir);
Machine(dir);

// Who opens which list: the assessor's caseload (the demo assessor has every imported learner), the IQA's portfolios, the
// administrator's candidates. "Learner7" matches Learner7, Learner70-79 and Learner700-799 among 1,000.
(string User, string Page)[] pages =
[
    ("assessor", "/Assessor"),
    ("assessor", "/Assessor?q=Learner7"),
    ("assessor", "/Assessor?sort=end-desc&page=3"),
    ("assessor", "/Assessor?standing=green"),
    ("assessor", "/Assessor?status=none-signed-off"),
    ("iqa", "/Iqa/Portfolios"),
    ("iqa", "/Iqa/Portfolios?q=Family3&qualification=03456"),
    ("admin", "/Admin/Candidates?q=Learner7"),
    ("admin", "/Admin/Dashboard"),
    ("admin", "/Admin/Dashboard?handler=Csv"),
];
var results = new Dictionary<int, (double Floor, List<(double First, double Median)> Pages)>();
foreach (var learners in sizes)
{
    var data = Path.Combine(dir, $"data-{learners}");
    if (Directory.Exists(data))
    {
        Directory.Delete(data, recursive: true);
    }

    var port = FreePort();
    var app = await App.StartAsync(web, data, port, Path.Combine(dir, $"app-{learners}.log"));
    try
    {
        HttpClient Client() => new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        var clients = new Dictionary<string, HttpClient> { ["admin"] = Client(), ["assessor"] = Client(), ["iqa"] = Client() };
        foreach (var (role, client) in clients)
        {
            await SignInAsync(client, $"{role}@demo.attest.test");
        }

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var import = await UploadAsync(clients["admin"], "learners.csv", Candidates(learners, first: 400_000_000, "bench", today));
        await ConfirmAsync(clients["admin"], import, Columns(await clients["admin"].GetStringAsync(import)));

        // The first request is timed on its own: a standing or unit-status filter works out the standings first (once a day and
        // after changes), every later request reads them.
        async Task<(double First, double Median)> TimeMs(HttpClient client, string page)
        {
            var first = Stopwatch.StartNew();
            await Fetch(client, page);
            var firstMs = first.Elapsed.TotalMilliseconds;
            for (var i = 0; i < 4; i++)
            {
                await Fetch(client, page);
            }

            var times = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                var timer = Stopwatch.StartNew();
                await Fetch(client, page);
                times.Add(timer.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            return (firstMs, times[times.Count / 2]);
        }

        var floor = (await TimeMs(Client(), "/Account/SignIn")).Median; // a page that reads no learner: the floor
        var measured = new List<(double First, double Median)>();
        foreach (var (user, page) in pages)
        {
            measured.Add(await TimeMs(clients[user], page));
        }

        results[learners] = (floor, measured);
        Console.WriteLine($"{learners:N0} learners imported: sign-in page {floor:F1} ms; pages measured.");
    }
    finally
    {
        app.Kill();
    }
}

var (small, large) = (sizes.Min(), sizes.Max());
Console.WriteLine();
Console.WriteLine($"| page (median of {requests}) | {small:N0} learners | {large:N0} learners | {large:N0} vs {small:N0} | same, each to its floor | first request, {small:N0} / {large:N0} |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
Console.WriteLine($"| floor: `/Account/SignIn` | {results[small].Floor:F1} ms | {results[large].Floor:F1} ms | {results[large].Floor / results[small].Floor:F2}x | 1.00x | |");
for (var i = 0; i < pages.Length; i++)
{
    var (a, b) = (results[small].Pages[i].Median, results[large].Pages[i].Median);
    var (fa, fb) = (a / results[small].Floor, b / results[large].Floor);
    Console.WriteLine($"| {pages[i].User} `{pages[i].Page}` | {a:F1} ms ({fa:F1}x floor) | {b:F1} ms ({fb:F1}x floor) | {b / a:F2}x | {fb / fa:F2}x | {results[small].Pages[i].First:F0} / {results[large].Pages[i].First:F0} ms |");
}

return 0;

static async Task Fetch(HttpClient client, string page)
{
    using var response = await client.GetAsync(page);
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}");
    }

    await response.Content.ReadAsByteArrayAsync();
}
