using System.Net;
using AngleSharp.Html.Parser;
using Attest.Core.Data;
using Attest.Tests.Data;

namespace Attest.Tests.Features;

/// <summary>
/// A link shown to someone who cannot follow it is a broken page: each person of centre A starts at their home page and
/// follows every same-site link breadth-first, and every link must answer with a page, a file or a redirect, never 403,
/// 404 or 5xx. The portfolio is far enough along (a unit decided, signed off, countersigned and reviewed by the IQA, and a
/// progress review recorded) that the pages show the links they exist to show.
/// </summary>
public class LinkCrawlTests
{
    /// <summary>Pages per person at most: the seeded centre has a few dozen per role, so this bounds a runaway, not the crawl.</summary>
    private const int PageCap = 150;

    /// <summary>Query-string variants of one path followed at most (filters and sort orders of a list are the same page).</summary>
    private const int VariantCap = 3;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_link_each_person_is_shown_opens_for_them(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        await C3Portfolio.CountersignAsync(app, app.A);
        using (var iqa = await app.SignedInAsync(app.A.Iqa))
        {
            var review = await iqa.PostFormAsync($"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3",
                IqaReviewTests.Review(null, "C3: every criterion is justified from E002-E005 with the page named; the feedback tells the candidate where each is shown.", null));
            Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        }

        await ReviewLinkTests.RecordReviewAsync(app, assessor);
        assessor.Dispose();

        var broken = new List<string>();
        foreach (var person in new[] { app.A.Admin, app.A.Assessor, app.A.Iqa, app.A.Eqa, app.A.Candidate, app.A.Employer })
        {
            using var client = await app.SignedInAsync(person);
            broken.AddRange(await CrawlAsync(client, "/", person));
        }

        // The witness has no account: their home is the single-use link the assessor sent.
        using (var witness = app.Anonymous())
        {
            broken.AddRange(await CrawlAsync(witness, $"/Witness/{app.A.WitnessToken}", "the witness"));
        }

        Assert.True(broken.Count == 0, $"{broken.Count} broken links:\n" + string.Join("\n", broken));
    }

    /// <summary>
    /// The demo centre has data at every stage the seeded one lacks (an EQA visit, a sampling plan, claims, a gateway under
    /// way, a framework apprentice with an overdue review): everyone it prints a sign-in for follows every link from home.
    /// </summary>
    [Fact]
    public async Task Every_link_each_demo_person_is_shown_opens_for_them()
    {
        using var app = new AttestFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Demo:Seed"] = "true" });
        var broken = new List<string>();
        foreach (var person in new[] { "admin", "assessor", "iqa", "eqa", "candidate1", "candidate2", "candidate3", "candidate4", "linemanager" })
        {
            using var client = await app.SignedInAsync($"{person}@demo.attest.test", Attest.Web.Infrastructure.DemoOptions.Password);
            broken.AddRange(await CrawlAsync(client, "/", person));
        }

        Assert.True(broken.Count == 0, $"{broken.Count} broken links:\n" + string.Join("\n", broken));
    }

    /// <summary>Follows same-site links from <paramref name="home"/>; returns each broken one with the page it was found on.</summary>
    private static async Task<List<string>> CrawlAsync(HttpClient client, string home, string who)
    {
        var parser = new HtmlParser();
        var broken = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { home };
        var variants = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string FoundOn)>([(home, "(home)")]);
        var fetched = 0;
        while (queue.TryDequeue(out var next) && fetched++ < PageCap)
        {
            using var response = await client.GetAsync(next.Url);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                var location = response.Headers.Location;
                var target = location is null ? null : SameSite(next.Url, location.OriginalString);
                if (target is not null && target.StartsWith("/Account/SignIn", StringComparison.Ordinal) && who != "the witness")
                {
                    broken.Add($"{who}: {next.Url} (on {next.FoundOn}) sends a signed-in person to sign in");
                }
                else if (target is not null)
                {
                    Enqueue(target, next.Url);
                }

                continue;
            }

            if (status is < 200 or >= 300)
            {
                broken.Add($"{who}: {next.Url} (on {next.FoundOn}) answers {status}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue; // a file: its status is all there is to check
            }

            using var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var anchor in document.QuerySelectorAll("a[href]"))
            {
                if (SameSite(next.Url, anchor.GetAttribute("href")!) is { } target)
                {
                    Enqueue(target, next.Url);
                }
            }
        }

        return broken;

        void Enqueue(string url, string foundOn)
        {
            if (url.Contains("SignOut", StringComparison.OrdinalIgnoreCase) || !seen.Add(url))
            {
                return;
            }

            var path = url.Split('?')[0];
            if (path != url && (variants[path] = variants.GetValueOrDefault(path) + 1) > VariantCap)
            {
                return;
            }

            queue.Enqueue((url, foundOn));
        }
    }

    private static readonly Uri Site = new("http://localhost/");

    /// <summary>
    /// The path and query of a link to this site as a page at <paramref name="page"/> would resolve it, without its fragment;
    /// null for other sites, mail, phone and in-page links.
    /// </summary>
    private static string? SameSite(string page, string href)
    {
        if (href.StartsWith('#') || !Uri.TryCreate(new Uri(Site, page), href, out var url) || url.Scheme != Site.Scheme || url.Authority != Site.Authority)
        {
            return null;
        }

        return url.PathAndQuery;
    }
}
