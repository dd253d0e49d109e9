using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Qualifications;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 13: words meant for the team, not for users, were on pages ("(seed 000)", "Source Seed 001", "only Unit 7 is given
/// by the seeds"). Where a page quotes or leans on the awarding body, it names the awarding body's document.
/// </summary>
public partial class AwardingBodyWordingTests
{
    private static readonly string[] ReadAttributes = ["title", "alt", "aria-label", "placeholder"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_that_rest_on_the_awarding_bodys_documents_name_them_and_never_a_seed(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var (learner, assessor) = await GradedUnitTests.HandInAsync(app); // unit 7's grading form, with its rework hint
        var candidate = await app.SignedInAsync(a.Candidate);
        var iqa = await app.SignedInAsync(a.Iqa);
        var catalogue = new Catalogue(app.Services.GetRequiredService<SpecificationLibrary>().Shipped);
        var pages = new List<(HttpClient Client, string Url)> { (assessor, "/Catalogue"), (app.Anonymous(), "/openapi/v1.json") };
        foreach (var qualification in catalogue.Qualifications)
        {
            pages.Add((assessor, $"/Catalogue/{qualification.Code}"));
            pages.AddRange(qualification.Units.Select(u => (assessor, $"/Catalogue/{qualification.Code}/Units/{u.Code}")));
        }

        await using (var db = app.Db(a.Id))
        {
            foreach (var enrolment in await db.Enrolments.Include(e => e.Units).ToListAsync())
            {
                var owner = enrolment.Id == a.GradedEnrolmentId ? learner : candidate;
                foreach (var unit in enrolment.Units.Select(u => u.UnitCode))
                {
                    pages.Add((assessor, Assess.UnitUrl(enrolment.Id, unit)));
                    pages.Add((iqa, $"/Iqa/Enrolments/{enrolment.Id}/Units/{unit}"));
                    pages.Add((owner, $"/Candidate/Enrolments/{enrolment.Id}/Units/{unit}"));
                }
            }
        }

        pages.AddRange(AssessorRecord.Kinds.Select(kind => (assessor, $"/Assessor/Enrolments/{a.EnrolmentId}/Records/New?kind={kind}")));

        var texts = new Dictionary<string, string>();
        foreach (var (client, url) in pages)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            texts[url] = AssertNoSeed(await response.Content.ReadAsStringAsync(), url);
        }

        Assert.Contains("OCR unit C3 specification, Resolve customer service problems", texts["/Catalogue/03456/Units/C3"], StringComparison.Ordinal);
        Assert.Contains("OCR's student guide gives only this unit's title, credits and level", texts[Assess.UnitUrl(a.EnrolmentId, "A13")], StringComparison.Ordinal);
        Assert.Contains("Units in this catalogue (OCR's Unit CS7 model assignment gives only Unit 7)", texts["/Catalogue/CTL2-CS"], StringComparison.Ordinal);
        Assert.Contains("At your discretion (OCR Unit CS7 model assignment, “Reworking the assignment”)", texts[Assess.UnitUrl(a.GradedEnrolmentId, "7")], StringComparison.Ordinal);
        Assert.Contains("(OCR Moderators' report 2019 series, Customer Service)", texts[$"/Assessor/Enrolments/{a.EnrolmentId}/Records/New?kind=ProfessionalDiscussion"], StringComparison.Ordinal);
    }

    /// <summary>Fails when the text a person reads on the page (or in a JSON document) says "seed"; returns that text.</summary>
    internal static string AssertNoSeed(string content, string where)
    {
        string text;
        if (content.TrimStart().StartsWith('{'))
        {
            text = content;
        }
        else
        {
            var document = new HtmlParser().ParseDocument(content);
            foreach (var hidden in document.QuerySelectorAll("script, style"))
            {
                hidden.Remove();
            }

            var read = document.All.SelectMany(e => ReadAttributes.Select(e.GetAttribute)).OfType<string>();
            text = string.Join("\n", [document.Title ?? string.Empty, document.Body?.TextContent ?? string.Empty, .. read]);
        }

        var found = Seed().Match(text);
        Assert.False(found.Success, $"{where} says \"{(found.Success ? text.Substring(Math.Max(0, found.Index - 60), Math.Min(text.Length - Math.Max(0, found.Index - 60), 120)) : "")}\"");
        return text;
    }

    [GeneratedRegex(@"\bseeds?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Seed();
}
