using System.Net;
using AngleSharp.Html.Parser;
using Attest.Core.Data;
using Attest.Tests.Data;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 14, item 3: the assessor's unit page reads top-down: what is missing first (each criterion once, with every
/// reason), then the criteria-by-evidence matrix, then the forms, and sign-off last with its conditions beside it.
/// </summary>
public class UnitPageTests
{
    private static readonly string[] ReadingOrder = ["#what-is-missing", "#matrix", "#decisions", "#sign-off"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unit_page_lists_each_missing_criterion_once_with_its_reasons_then_the_matrix_then_sign_off(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var response = await candidate.PostFormAsync($"/Candidate/Evidence/{app.A.EvidenceId}", EvidenceJudgementTests.MapFields(app.A.EnrolmentId, "C3", [("1.1", "2"), ("1.2", null)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var url = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Units/C3";

        var before = new HtmlParser().ParseDocument(await assessor.GetStringAsync(url));
        var missing = before.QuerySelectorAll("#missing-by-criterion li[data-criterion]").Select(li => (Ref: li.GetAttribute("data-criterion")!, Text: li.TextContent)).ToList();
        Assert.Equal(missing.Select(m => m.Ref).Distinct().Count(), missing.Count); // each criterion once
        Assert.Contains("Evidence waits for judgement: E001", missing.Single(m => m.Ref == "1.1").Text, StringComparison.Ordinal);
        Assert.Contains("No evidence is mapped to it", missing.Single(m => m.Ref == "1.3").Text, StringComparison.Ordinal);
        Assert.Equal("page 2Not judged", Cell(before, "1.1"));
        Assert.Equal("Whole itemNot judged", Cell(before, "1.2"));
        Assert.Equal(string.Empty, Cell(before, "1.3"));
        // The sufficiency section points back to that list rather than repeat it.
        Assert.Null(before.QuerySelector("#missing"));
        Assert.Equal("#what-is-missing", before.QuerySelector("#missing-see-above a")!.GetAttribute("href"));

        await Assess.AcceptAsync(assessor, app.A.EnrolmentId, "C3", app.A.EvidenceId, ["1.1"], method: "WorkProduct");
        var after = new HtmlParser().ParseDocument(await assessor.GetStringAsync(url));
        Assert.Equal("page 2Accepted", Cell(after, "1.1"));
        Assert.Equal("Whole itemNot accepted", Cell(after, "1.2"));
        Assert.DoesNotContain(after.QuerySelectorAll("#missing-by-criterion li[data-criterion]"), li => li.TextContent.Contains("waits for judgement", StringComparison.Ordinal));

        // Reading order: summary, matrix, forms, then sign-off with what blocks it, pointing back to the summary.
        var order = ReadingOrder.Select(id => after.QuerySelector(id)).ToList();
        Assert.All(order, Assert.NotNull);
        var all = after.All.ToList();
        Assert.True(order.Select(e => all.IndexOf(e!)).SequenceEqual(order.Select(e => all.IndexOf(e!)).Order()), "the page's sections are out of order");
        Assert.Contains("#what-is-missing", after.QuerySelector("#sign-off-blocked")!.InnerHtml, StringComparison.Ordinal);
    }

    private static string Cell(AngleSharp.Html.Dom.IHtmlDocument page, string criterion)
    {
        var row = page.QuerySelectorAll("#matrix tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == criterion);
        return row.QuerySelector("td")!.TextContent.Trim();
    }
}
