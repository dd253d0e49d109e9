using System.Net;
using AngleSharp.Html.Parser;
using Attest.Core.Data;
using Attest.Tests.Data;

namespace Attest.Tests.Features;

/// <summary>Issue 17, item 4: an apprenticeship standard's catalogue page, for every signed-in person like the other catalogue pages.</summary>
public class StandardPageTests
{
    private const string Url = "/Catalogue/Standards/SAMPLE-CS3";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_standard_page_lists_its_KSBs_by_knowledge_skills_and_behaviours_and_explains_each_gateway_item(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();

        foreach (var user in new[] { app.A.Candidate, app.B.Assessor })
        {
            using var client = await app.SignedInAsync(user);
            var page = new HtmlParser().ParseDocument(await client.GetStringAsync(Url));

            Assert.Equal("Sample customer service standard (not an IfATE standard)", page.QuerySelector("h1")!.TextContent);
            Assert.Equal(["Knowledge (6)", "Skills (6)", "Behaviours (4)"], page.QuerySelectorAll("h3").Select(h => h.TextContent));
            var skills = page.QuerySelectorAll("#ksbs-skill-list [data-ksb]").Select(r => r.GetAttribute("data-ksb")).ToList();
            Assert.Equal(["S1", "S2", "S3", "S4", "S5", "S6"], skills);
            Assert.Contains("Takes ownership of a customer's request", page.QuerySelector("[data-ksb=B1] dd")!.TextContent, StringComparison.Ordinal);
            var gateway = page.QuerySelectorAll("[data-gateway]").ToList();
            Assert.Equal(5, gateway.Count);
            Assert.Contains("Employer agrees the apprentice is ready", gateway[^1].TextContent, StringComparison.Ordinal);
            Assert.Contains("confirms that the apprentice works consistently at the level of the standard", gateway[^1].TextContent, StringComparison.Ordinal);
            Assert.Equal("/Catalogue/03456", page.QuerySelector("#mandatory-qualifications a")!.GetAttribute("href"));
            Assert.Contains("OCR 03456", page.QuerySelector("#mandatory-qualifications a")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_standard_is_listed_in_the_catalogue_linked_from_its_qualification_and_downloads_as_its_file(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var client = await app.SignedInAsync(app.A.Candidate);

        var index = new HtmlParser().ParseDocument(await client.GetStringAsync("/Catalogue"));
        Assert.Equal(Url, index.QuerySelector("#standards a")!.GetAttribute("href"));
        var qualification = new HtmlParser().ParseDocument(await client.GetStringAsync("/Catalogue/03456"));
        Assert.Equal(Url, qualification.QuerySelector("#in-standards a")!.GetAttribute("href"));

        var download = await client.GetAsync(Url + "?handler=Yaml");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/yaml", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(ShippedCatalogue.Folder, "standards", "sample-cs3-customer-service.yaml")),
            await download.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Catalogue/Standards/ST9999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Catalogue/Standards/ST9999?handler=Yaml")).StatusCode);
    }
}
