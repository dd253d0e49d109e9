using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;

namespace Attest.Tests.Features;

/// <summary>
/// "Try a selection" on a qualification's page runs the rules of combination, and the explanation beside them is worded
/// from the rules, so a centre's corrected rule explains itself (issue 16, item 3). OCR's student guide for 03456: "a total
/// of 42 credits ... from the optional groups, candidates must achieve 30 credits by completing a minimum of one unit from
/// each optional group, of which a minimum 10 credits must be achieved at Level 3."
/// </summary>
public class SelectionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_selection_is_checked_against_the_rules_and_a_centres_own_rule_is_explained_to_it_alone(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var short12 = WebUtility.HtmlDecode(await candidate.GetStringAsync("/Catalogue/03456?check=true&units=F3&units=F4"));
        Assert.Contains("This selection does not meet the rules yet", short12, StringComparison.Ordinal);
        Assert.Contains("Needs 42 credits in all; the selection has 12, so 30 more credits are needed.", short12, StringComparison.Ordinal);
        var valid = WebUtility.HtmlDecode(await candidate.GetStringAsync("/Catalogue/03456?check=true&units=F3&units=F4&units=A13&units=B10&units=C3&units=D8&units=D2"));
        Assert.Contains("This selection meets the rules: 7 units, 43 credits.", valid, StringComparison.Ordinal);
        Assert.Contains("at least 10 credits at Level 3 or 4 from groups B, C, D and E together", valid, StringComparison.Ordinal);

        // Centre A's own version asks for 45 credits in all: its people read and are checked against 45, centre B's against 42.
        var admin = await app.SignedInAsync(app.A.Admin);
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalogue", "ocr", "03456-l3-nvq-diploma-customer-service.yaml"))
            .Replace("      - kind: totalCredits\n        min: 42", "      - kind: totalCredits\n        min: 45", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SpecificationVersionTests.UploadAsync(admin, "03456-45.yaml", yaml, "Test: a stricter total.")).StatusCode);
        var own = WebUtility.HtmlDecode(await candidate.GetStringAsync("/Catalogue/03456?check=true&units=F3&units=F4&units=A13&units=B10&units=C3&units=D8&units=D2"));
        Assert.Contains("at least 45 credits in all", own, StringComparison.Ordinal);
        Assert.Contains("Needs 45 credits in all; the selection has 43, so 2 more credits are needed.", own, StringComparison.Ordinal);
        var other = WebUtility.HtmlDecode(await (await app.SignedInAsync(app.B.Candidate)).GetStringAsync("/Catalogue/03456"));
        Assert.Contains("at least 42 credits in all", other, StringComparison.Ordinal);
        Assert.DoesNotContain("at least 45 credits", other, StringComparison.Ordinal);
    }
}
