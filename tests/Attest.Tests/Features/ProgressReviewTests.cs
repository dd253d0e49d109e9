using System.Globalization;
using System.Net;
using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>Issue 17, item 3: a progress review recorded by the assessor and signed by the apprentice, the assessor and the employer, each once, in the ledger.</summary>
public class ProgressReviewTests
{
    internal static Dictionary<string, string> Review(string heldOn, string safeguarding = "false") => new()
    {
        ["Input.HeldOn"] = heldOn, ["Input.ProgressAgainstPlan"] = "C3 nearly complete; D8 started.", ["Input.OffTheJobHoursDiscussed"] = "42 hours logged of 70 expected to date.",
        ["Input.KsbProgress"] = "K2 and S4 evidenced at the front desk.", ["Input.WellbeingConcern"] = "false", ["Input.SafeguardingConcern"] = safeguarding,
        ["Input.Targets"] = "Finish C3 by the next review.",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_assessor_records_a_review_the_apprentice_and_the_employer_sign_it_once_each_and_the_ledger_verifies(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews";
        using var assessor = await app.SignedInAsync(app.A.Assessor);

        // A safeguarding concern needs its notes: refused on the field, nothing kept.
        var refused = await assessor.PostFormAsync(page, Review(today, safeguarding: "true"));
        Assert.Contains("Say what the safeguarding concern is", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(0, await db.ProgressReviews.CountAsync());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync(page, Review(today))).StatusCode);
        Guid reviewId;
        await using (var db = app.Db(app.A.Id))
        {
            reviewId = await db.ProgressReviews.Select(r => r.Id).SingleAsync();
        }

        Assert.Contains("Waiting for signatures", await assessor.GetStringAsync(page), StringComparison.Ordinal);

        using var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Contains("C3 nearly complete", await candidate.GetStringAsync("/Candidate/Reviews"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/Candidate/Reviews?handler=Sign&reviewId={reviewId}", new(), tokenFrom: "/Candidate/Reviews")).StatusCode);
        var twice = await candidate.PostFormAsync($"/Candidate/Reviews?handler=Sign&reviewId={reviewId}", new(), tokenFrom: "/Candidate/Reviews");
        Assert.Contains("already signed for the apprentice", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var employerPage = $"/Employer/Apprentices/{app.A.EnrolmentId}/Reviews";
        using var employer = await app.SignedInAsync(app.A.Employer);
        var signed = await employer.PostFormAsync($"{employerPage}?handler=Sign&reviewId={reviewId}", new(), tokenFrom: employerPage);
        Assert.Equal((HttpStatusCode.Redirect, employerPage), (signed.StatusCode, signed.Headers.Location?.OriginalString));
        Assert.Contains("Signed by all three", await assessor.GetStringAsync(page), StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal([ReviewParty.Apprentice, ReviewParty.Assessor, ReviewParty.Employer], (await db.ProgressReviewSignatures.Select(s => s.Party).ToListAsync()).Order());
        }

        var (exit, output) = await app.CliAsync("ledger", "verify", "--centre", "20001");
        Assert.True(exit == 0, output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_centres_people_get_404_and_the_wrong_role_403_on_every_review_page(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var assessor = await app.SignedInAsync(app.A.Assessor);
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews", Review(today))).StatusCode);
        Guid reviewId;
        await using (var db = app.Db(app.A.Id))
        {
            reviewId = await db.ProgressReviews.Select(r => r.Id).SingleAsync();
        }

        string[] pages = [$"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews", $"/Employer/Apprentices/{app.A.EnrolmentId}/Reviews"];
        foreach (var (user, url) in new[] { (app.B.Assessor, pages[0]), (app.A.OtherAssessor, pages[0]), (app.B.Employer, pages[1]) })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        // Another centre's line manager and apprentice cannot sign centre A's review.
        using var otherEmployer = await app.SignedInAsync(app.B.Employer);
        var employerPage = $"/Employer/Apprentices/{app.A.EnrolmentId}/Reviews";
        var b = $"/Employer/Apprentices/{app.B.EnrolmentId}/Reviews";
        Assert.Equal(HttpStatusCode.NotFound, (await otherEmployer.PostFormAsync($"{b}?handler=Sign&reviewId={reviewId}", new(), tokenFrom: b)).StatusCode);
        using var otherCandidate = await app.SignedInAsync(app.A.OtherCandidate);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCandidate.PostFormAsync($"/Candidate/Reviews?handler=Sign&reviewId={reviewId}", new(), tokenFrom: "/Candidate")).StatusCode);

        using var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync(pages[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync(employerPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync("/Candidate/Reviews")).StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(1, await db.ProgressReviewSignatures.CountAsync());
        }
    }
}
