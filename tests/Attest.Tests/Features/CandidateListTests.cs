using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;

namespace Attest.Tests.Features;

/// <summary>Issue 14, lists that scale: the administrator's candidates, searched, filtered by qualification and paged on the server.</summary>
public class CandidateListTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_candidates_list_searches_filters_by_qualification_and_pages(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        await CaseloadTests.AddLearnersAsync(app, app.A.AssessorUserId, 30);
        var admin = await app.SignedInAsync(app.A.Admin);
        var cara = $"/Admin/Candidates/{app.A.CandidateId}";
        var otto = $"/Admin/Candidates/{app.A.OtherCandidateId}";

        foreach (var found in new[] { "cara", "1234567899" })
        {
            var page = await admin.GetStringAsync("/Admin/Candidates?q=" + found);
            Assert.Contains(cara, page, StringComparison.Ordinal);
            Assert.DoesNotContain(otto, page, StringComparison.Ordinal);
            Assert.Contains("Showing 1 to 1 of 1.", page, StringComparison.Ordinal);
        }

        var technical = await admin.GetStringAsync("/Admin/Candidates?qualification=" + ShippedCatalogue.CambridgeTechnical.Code);
        Assert.Contains(otto, technical, StringComparison.Ordinal);
        Assert.DoesNotContain(cara, technical, StringComparison.Ordinal);
        Assert.Contains("No candidate matches that search.", await admin.GetStringAsync("/Admin/Candidates?q=nobody-by-this-name"), StringComparison.Ordinal);

        foreach (var (page, showing) in new[] { ("-1", "Showing 1 to 25 of 32."), ("abc", "Showing 1 to 25 of 32."), ("2", "Showing 26 to 32 of 32."), ("999", "Showing 26 to 32 of 32.") })
        {
            var response = await admin.GetAsync("/Admin/Candidates?qualification=ZZZ&page=" + page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(showing, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Another centre's administrator lists only their own.
        var other = await app.SignedInAsync(app.B.Admin);
        Assert.DoesNotContain(cara, await other.GetStringAsync("/Admin/Candidates?q=cara"), StringComparison.Ordinal);
    }
}
