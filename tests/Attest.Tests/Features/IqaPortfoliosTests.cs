using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;

namespace Attest.Tests.Features;

/// <summary>Issue 14, lists that scale: the IQA's list of every portfolio at the centre, searched, filtered, sorted and paged on the server.</summary>
public class IqaPortfoliosTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_iqa_finds_a_portfolio_by_name_uln_or_candidate_number_and_opens_its_units(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var iqa = await app.SignedInAsync(app.A.Iqa);
        var cara = $"/Tracking/Enrolments/{app.A.EnrolmentId}";
        var otto = $"/Tracking/Enrolments/{app.A.GradedEnrolmentId}";

        var all = await iqa.GetStringAsync("/Iqa/Portfolios");
        Assert.Contains(cara, all, StringComparison.Ordinal);
        Assert.Contains(otto, all, StringComparison.Ordinal);
        Assert.Contains($"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/Iqa/Portfolios\"", await iqa.GetStringAsync("/Iqa"), StringComparison.Ordinal);

        foreach (var found in new[] { "cara", "1234567899", "4567" })
        {
            var page = await iqa.GetStringAsync("/Iqa/Portfolios?q=" + found);
            Assert.Contains(cara, page, StringComparison.Ordinal);
            Assert.DoesNotContain(otto, page, StringComparison.Ordinal);
            Assert.Contains("Showing 1 to 1 of 1.", page, StringComparison.Ordinal);
        }

        Assert.Contains("No portfolio matches that search.", await iqa.GetStringAsync("/Iqa/Portfolios?q=nobody-by-this-name"), StringComparison.Ordinal);
        // The IQA's own unit page opens from the list.
        Assert.Equal(HttpStatusCode.OK, (await iqa.GetAsync($"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_iqa_list_narrows_by_qualification_assessor_and_standing_and_pages_sanely(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        await CaseloadTests.AddLearnersAsync(app, app.A.AssessorUserId, 30);
        var iqa = await app.SignedInAsync(app.A.Iqa);
        var cara = $"/Tracking/Enrolments/{app.A.EnrolmentId}";
        var otto = $"/Tracking/Enrolments/{app.A.GradedEnrolmentId}";

        var technical = await iqa.GetStringAsync("/Iqa/Portfolios?qualification=" + ShippedCatalogue.CambridgeTechnical.Code);
        Assert.Contains(otto, technical, StringComparison.Ordinal);
        Assert.DoesNotContain(cara, technical, StringComparison.Ordinal);
        Assert.Contains("Showing 1 to 1 of 1.", technical, StringComparison.Ordinal);

        Assert.Contains("Showing 1 to 25 of 32.", await iqa.GetStringAsync($"/Iqa/Portfolios?assessor={app.A.AssessorUserId}"), StringComparison.Ordinal);
        // The 30 learners and Cara (an apprentice, so with a planned end) are on track; Otto has no planned end, so no standing.
        Assert.Contains("Showing 26 to 31 of 31.", await iqa.GetStringAsync("/Iqa/Portfolios?standing=green&page=2"), StringComparison.Ordinal);
        Assert.Contains("No portfolio matches that search.", await iqa.GetStringAsync("/Iqa/Portfolios?standing=red"), StringComparison.Ordinal);

        foreach (var (page, showing) in new[] { ("-1", "Showing 1 to 25 of 32."), ("abc", "Showing 1 to 25 of 32."), ("2", "Showing 26 to 32 of 32."), ("999", "Showing 26 to 32 of 32.") })
        {
            var response = await iqa.GetAsync("/Iqa/Portfolios?page=" + page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(showing, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_centres_iqa_sees_none_of_the_centres_portfolios_and_other_roles_are_refused(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var other = await app.SignedInAsync(app.B.Iqa);
        var page = await other.GetStringAsync("/Iqa/Portfolios?q=cara");
        Assert.DoesNotContain(app.A.EnrolmentId.ToString(), page, StringComparison.Ordinal);
        Assert.Contains($"/Tracking/Enrolments/{app.B.EnrolmentId}", page, StringComparison.Ordinal);
        // The units it lists are 404 to them, as is the learner's progress.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Tracking/Enrolments/{app.A.EnrolmentId}")).StatusCode);

        foreach (var user in new[] { app.A.Candidate, app.A.Assessor, app.A.Admin, app.A.Eqa })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Iqa/Portfolios")).StatusCode);
        }
    }
}
