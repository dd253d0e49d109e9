using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 14, "Mapping in one go": mapping one item to 11 criteria took 11 posts from a 63-option dropdown, and a mapping once
/// made could be neither corrected nor removed. The item's page is now one form of every criterion of the candidate's units,
/// each with where in the item, and a note once for all; a mapping is changed or removed until the assessor judges it.
/// </summary>
public class MappingInOneGoTests
{
    private static readonly string[] Eleven = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_item_is_mapped_to_11_criteria_with_their_pages_in_one_post(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var url = $"/Candidate/Evidence/{app.A.EvidenceId}";

        // The form as the page renders it, with 11 of C3's criteria ticked and a page typed beside each.
        var form = (IHtmlFormElement)new HtmlParser().ParseDocument(await candidate.GetStringAsync(url)).QuerySelector("#Input_Note")!.Closest("form")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var target in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name?.EndsWith(".Target", StringComparison.Ordinal) == true))
        {
            var row = target.Name![..^".Target".Length];
            fields.Add(KeyValuePair.Create(target.Name!, target.Value));
            var criterion = target.Value.Split('|');
            var page = Array.IndexOf(Eleven, criterion[2]) + 1;
            if (criterion[1] == "C3" && page > 0)
            {
                fields.Add(KeyValuePair.Create(row + ".Chosen", "true"));
                fields.Add(KeyValuePair.Create(row + ".Locator", $"{page}"));
            }
        }

        fields.Add(KeyValuePair.Create("Input.Note", "My problem log for the late delivery, from the call to the follow-up."));
        var response = await candidate.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = app.Db(app.A.Id);
        var mappings = await db.EvidenceMappings.Where(m => m.EvidenceItemId == app.A.EvidenceId).ToListAsync();
        Assert.Equal(Eleven, mappings.Where(m => m.UnitCode == "C3").Select(m => m.CriterionRef).Order(StringComparer.Ordinal));
        Assert.All(mappings, m => Assert.Equal($"page {Array.IndexOf(Eleven, m.CriterionRef) + 1}", m.Locator));
        Assert.All(mappings, m => Assert.Equal("My problem log for the late delivery, from the call to the follow-up.", m.Note));
        var page2 = await candidate.GetStringAsync(url);
        Assert.Contains("C3 2.5", page2, StringComparison.Ordinal);
        Assert.Contains("At page 10", page2, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_page_past_the_end_is_refused_beside_its_criterion_nothing_is_kept_and_everything_typed_stays(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var pdf = Portfolios.Hygiene.EvidenceTextExtractorTests.Pdf(["Problem log: the late delivery"], ["What the customer said afterwards"]);
        var upload = await JourneyTests.PostFileAsync(candidate, "/Candidate/Evidence/Add?kind=UploadedFile", "problem-log.pdf", pdf, ("Input.Title", "Problem log"));
        var url = upload.Headers.Location!.OriginalString;

        var refused = await candidate.PostFormAsync(url, EvidenceJudgementTests.MapFields(app.A.EnrolmentId, "C3", [("1.1", "1"), ("1.2", "14"), ("1.3", "2")], note: "The whole call"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var row = RowOf(page, "C3", "1.2");
        Assert.Equal("Error: C3 1.2: E002 has 2 pages, so it has no page 14 (\"14\"): give pages from 1 to 2", page.QuerySelector($"[id='{row}_Locator-error']")?.TextContent.Trim());
        Assert.Contains("C3 1.2: E002 has 2 pages", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll(".govuk-error-message"));
        Assert.Equal("14", ((IHtmlInputElement)page.QuerySelector($"[id='{row}_Locator']")!).Value);
        Assert.Equal("1", ((IHtmlInputElement)page.QuerySelector($"[id='{RowOf(page, "C3", "1.1")}_Locator']")!).Value);
        Assert.True(((IHtmlInputElement)page.QuerySelector($"[id='{RowOf(page, "C3", "1.3")}_Chosen']")!).IsChecked);
        Assert.Equal("The whole call", page.QuerySelector("#Input_Note")!.TextContent);

        await using var db = app.Db(app.A.Id);
        Assert.False(await db.EvidenceMappings.AnyAsync(m => m.EvidenceItemId != app.A.EvidenceId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mapping_is_changed_or_removed_until_the_assessor_judges_the_item_for_its_unit(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var candidate = await app.SignedInAsync(a.Candidate);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/Candidate/Evidence/{a.EvidenceId}", EvidenceJudgementTests.MapFields(a.EnrolmentId, "C3", [("1.1", "1"), ("1.2", "2")]))).StatusCode);
        Guid Mapping(AttestDbContext db, string criterion) => db.EvidenceMappings.Single(m => m.EvidenceItemId == a.EvidenceId && m.CriterionRef == criterion).Id;
        Guid first, second;
        await using (var db = app.Db(a.Id))
        {
            (first, second) = (Mapping(db, "1.1"), Mapping(db, "1.2"));
        }

        var firstUrl = $"/Candidate/Evidence/{a.EvidenceId}/Mappings/{first}";
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(firstUrl, new() { ["Input.Locator"] = "3-4", ["Input.Note"] = "The apology" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/Candidate/Evidence/{a.EvidenceId}/Mappings/{second}?handler=Remove", new Dictionary<string, string>())).StatusCode);
        await using (var db = app.Db(a.Id))
        {
            var kept = await db.EvidenceMappings.SingleAsync(m => m.EvidenceItemId == a.EvidenceId);
            Assert.Equal(("1.1", "pages 3-4", "The apology"), (kept.CriterionRef, kept.Locator, kept.Note));
        }

        var assessor = await app.SignedInAsync(a.Assessor);
        await Assess.AcceptAsync(assessor, a.EnrolmentId, "C3", a.EvidenceId, ["1.1"], ["4a"], "WorkProduct");
        Assert.Contains("Judged by your assessor", await candidate.GetStringAsync($"/Candidate/Evidence/{a.EvidenceId}"), StringComparison.Ordinal);
        var change = await candidate.PostFormAsync(firstUrl, new() { ["Input.Locator"] = "5" });
        var remove = await candidate.PostFormAsync(firstUrl + "?handler=Remove", new Dictionary<string, string>());
        foreach (var refused in new[] { change, remove })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Your assessor has judged E001 for unit C3, so its mapping to 1.1 can no longer be changed or removed", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await using (var db = app.Db(a.Id))
        {
            Assert.Equal("pages 3-4", (await db.EvidenceMappings.SingleAsync(m => m.EvidenceItemId == a.EvidenceId)).Locator);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_centre_gets_404_and_other_roles_403_for_a_mapping(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        await EvidenceJudgementTests.MapAsync(await app.SignedInAsync(a.Candidate), a.EvidenceId, a.EnrolmentId, "C3", "1.1", "1");
        Guid mappingId;
        await using (var db = app.Db(a.Id))
        {
            mappingId = (await db.EvidenceMappings.SingleAsync(m => m.EvidenceItemId == a.EvidenceId)).Id;
        }

        var url = $"/Candidate/Evidence/{a.EvidenceId}/Mappings/{mappingId}";
        foreach (var user in app.B.Everyone.Append(a.OtherCandidate))
        {
            using var client = await app.SignedInAsync(user);
            var expected = user == app.B.Candidate || user == app.B.OtherCandidate || user == a.OtherCandidate ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(expected, (await client.PostFormAsync(url, new() { ["Input.Locator"] = "2" }, tokenFrom: "/Catalogue")).StatusCode);
            Assert.Equal(expected, (await client.PostFormAsync(url + "?handler=Remove", new Dictionary<string, string>(), tokenFrom: "/Catalogue")).StatusCode);
            Assert.Equal(expected, (await client.PostFormAsync($"/Candidate/Evidence/{a.EvidenceId}", EvidenceJudgementTests.MapFields(a.EnrolmentId, "C3", [("1.2", null)]), tokenFrom: "/Catalogue")).StatusCode);
        }

        foreach (var user in new[] { a.Assessor, a.Iqa, a.Admin })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(url + "?handler=Remove", new Dictionary<string, string>(), tokenFrom: "/Catalogue")).StatusCode);
        }

        await using (var db = app.Db(a.Id))
        {
            var kept = await db.EvidenceMappings.SingleAsync(m => m.EvidenceItemId == a.EvidenceId);
            Assert.Equal(("1.1", "page 1"), (kept.CriterionRef, kept.Locator));
        }
    }

    /// <summary>The form row ("Input_Criteria[7]") whose hidden value names this criterion.</summary>
    private static string RowOf(AngleSharp.Html.Dom.IHtmlDocument page, string unit, string criterion) =>
        page.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Single(i => i.Name!.EndsWith(".Target", StringComparison.Ordinal) && i.Value.EndsWith($"|{unit}|{criterion}", StringComparison.Ordinal))
            .Name![..^".Target".Length].Replace('.', '_');
}
