using System.Globalization;
using System.Net;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 17, item 3: "signed by all three (the employer through their account or a single-use link like the witness's)".
/// The assessor emails a contact at the apprentice's employer a link; it shows the review and signs it as the employer
/// once; a used, expired or unknown link, or a review signed already, gets a page that says so. And a line manager of
/// another employer of the same centre is refused every route of the apprentice.
/// </summary>
public class ReviewLinkTests
{
    private const string Eve = "eve.evans@employer-a.test";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contact_without_an_account_signs_the_review_once_through_the_link_the_assessor_emails(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (eveId, phoneOnlyId) = await AddContactsAsync(app);
        var page = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews";
        using var assessor = await app.SignedInAsync(app.A.Assessor);
        var reviewId = await RecordReviewAsync(app, assessor);
        Assert.Contains("Eve Evans, Payroll manager", await assessor.GetStringAsync(page), StringComparison.Ordinal);

        // A contact with no email address cannot be sent a link: refused on the field, nothing kept.
        var noEmail = WebUtility.HtmlDecode(await (await assessor.PostFormAsync($"{page}?handler=SendLink", Link(reviewId, phoneOnlyId), tokenFrom: page)).Content.ReadAsStringAsync());
        Assert.Contains("Phil Phone has no email address", noEmail, StringComparison.Ordinal);
        // The refusal shows the whole page again: the schedule, the contacts to choose from.
        Assert.Contains("When reviews fall due", noEmail, StringComparison.Ordinal);
        Assert.Contains("Eve Evans, Payroll manager", noEmail, StringComparison.Ordinal);
        // Nobody at the apprentice's employer by that id: refused, naming the employer.
        var nobody = await assessor.PostFormAsync($"{page}?handler=SendLink", Link(reviewId, Guid.NewGuid()), tokenFrom: page);
        Assert.Contains("Choose who at Employer A signs the review", WebUtility.HtmlDecode(await nobody.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(0, await db.ReviewSignRequests.CountAsync());
            Assert.Equal(0, await db.OutboxMails.CountAsync(m => m.Template == "review-signature"));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"{page}?handler=SendLink", Link(reviewId, eveId), tokenFrom: page)).StatusCode);
        var mail = await app.Mail.WaitForAsync(Eve);
        Assert.Contains("Cara Centrea's progress review", mail.Subject, StringComparison.Ordinal);
        var link = Mailbox.LinkPath(mail, "/Reviews/");
        await using (var db = app.Db(app.A.Id))
        {
            // Only the link's hash is kept.
            Assert.DoesNotContain(await db.ReviewSignRequests.Select(r => r.SecretSha256).SingleAsync(), link, StringComparison.Ordinal);
        }

        // The apprentice cannot sign as their employer.
        using var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync(link)).StatusCode);

        using var visitor = app.Anonymous();
        var shown = WebUtility.HtmlDecode(await visitor.GetStringAsync(link));
        Assert.Contains("Eve Evans, you are asked to sign this review for Employer A", shown, StringComparison.Ordinal);
        Assert.Contains("C3 nearly complete", shown, StringComparison.Ordinal);
        var unconfirmed = await visitor.PostFormAsync(link, []);
        Assert.Contains("Confirm that you have read the review", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var signed = await visitor.PostFormAsync(link, new() { ["Agree"] = "true" });
        Assert.Equal(link + "/Signed", signed.Headers.Location!.OriginalString);
        Assert.Contains("Review signed", await visitor.GetStringAsync(link + "/Signed"), StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            var signature = await db.ProgressReviewSignatures.SingleAsync(s => s.Party == ReviewParty.Employer);
            Assert.Equal((ReviewSignedVia.Link, (Guid?)null, "Eve Evans", reviewId), (signature.Via, signature.SignerId, signature.SignerName, signature.ReviewId));
            Assert.NotNull((await db.ReviewSignRequests.SingleAsync()).UsedAt);
            Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == ProgressReviewSignature.Kind && e.SignerName == "Eve Evans" && e.SignerRole == Roles.Employer));
        }

        // Used: a clear page, and nothing more is signed.
        var again = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("This link has already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.PostFormAsync(link, new() { ["Agree"] = "true" }, tokenFrom: "/Account/SignIn")).StatusCode);
        // Signed for the employer: a second link is refused, and the line manager's account offers no signature.
        var second = await assessor.PostFormAsync($"{page}?handler=SendLink", Link(reviewId, eveId), tokenFrom: page);
        Assert.Contains("already signed for the employer by Eve Evans", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var lineManager = await app.SignedInAsync(app.A.Employer);
        Assert.DoesNotContain("Sign this review as the employer", await lineManager.GetStringAsync($"/Employer/Apprentices/{app.A.EnrolmentId}/Reviews"), StringComparison.Ordinal);

        // Unknown links, or another centre's, are a clear 404.
        foreach (var unknown in new[] { "/Reviews/not-a-link", $"/Reviews/{app.A.WitnessToken}", link.Replace(app.A.Id.ToString("N"), app.B.Id.ToString("N"), StringComparison.Ordinal) })
        {
            var response = await visitor.GetAsync(unknown);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("This link is not known", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(2, await db.ProgressReviewSignatures.CountAsync());
        }

        var (exit, output) = await app.CliAsync("ledger", "verify", "--centre", "20001");
        Assert.True(exit == 0, output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_expired_link_and_a_link_to_a_review_the_line_manager_has_signed_refuse_and_two_signings_at_once_keep_one(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (eveId, _) = await AddContactsAsync(app);
        var page = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews";
        using var assessor = await app.SignedInAsync(app.A.Assessor);
        var first = await RecordReviewAsync(app, assessor);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        // A link made 15 days ago has expired.
        string expired;
        await using (var db = app.Db(app.A.Id))
        {
            var review = await db.ProgressReviews.SingleAsync(r => r.Id == first);
            var (request, stale) = ReviewSignRequest.Issue(review, [], await db.EmployerContacts.SingleAsync(c => c.Id == eveId), await app.UserIdAsync(app.A.Assessor), now.AddDays(-15));
            db.ReviewSignRequests.Add(request);
            await db.SaveChangesAsync();
            expired = "/Reviews/" + stale;
        }

        using var visitor = app.Anonymous();
        var old = await visitor.GetAsync(expired);
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.Contains("This link expired on", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A link sent, then the line manager signs from their account: the link refuses.
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"{page}?handler=SendLink", Link(first, eveId), tokenFrom: page)).StatusCode);
        var link = Mailbox.LinkPath(await app.Mail.WaitForAsync(Eve), "/Reviews/");
        using var lineManager = await app.SignedInAsync(app.A.Employer);
        var employerPage = $"/Employer/Apprentices/{app.A.EnrolmentId}/Reviews";
        var byAccount = await lineManager.PostFormAsync($"{employerPage}?handler=Sign&reviewId={first}", [], tokenFrom: employerPage);
        Assert.Equal(employerPage, byAccount.Headers.Location!.OriginalString);
        var refused = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        Assert.Contains("already signed for the employer by linemanager A", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Two signings of one link at once: one is kept, the other is told, never a 5xx.
        var second = await RecordReviewAsync(app, assessor);
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"{page}?handler=SendLink", Link(second, eveId), tokenFrom: page)).StatusCode);
        var twice = Mailbox.LinkPath(await app.Mail.WaitForAsync(Eve, count: 2), "/Reviews/");
        var token = await visitor.AntiforgeryTokenAsync(twice);
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => visitor.PostAsync(twice, new FormUrlEncodedContent(new Dictionary<string, string> { ["Agree"] = "true", ["__RequestVerificationToken"] = token }))));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Gone], answers.Select(a => a.StatusCode).Order());
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(1, await db.ProgressReviewSignatures.CountAsync(s => s.ReviewId == second && s.Party == ReviewParty.Employer));
        }

        var (exit, output) = await app.CliAsync("ledger", "verify", "--centre", "20001");
        Assert.True(exit == 0, output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_line_manager_of_another_employer_in_the_centre_gets_404_on_every_route_of_the_apprentice_and_their_review_links(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        const string other = "manager.two@a.test";
        AppUser user;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            user = await scope.ServiceProvider.GetRequiredService<CentreProvisioning>().CreateUserWithPasswordAsync(app.A.Id, other, "Morgan Two", Roles.Employer, AttestFactory.Password);
        }

        await using (var db = app.Db(app.A.Id))
        {
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var admin = await app.UserIdAsync(app.A.Admin);
            var secondEmployer = Employer.Create(app.A.Id, "Second Employer Ltd", null, admin, now);
            var contact = EmployerContact.Create(secondEmployer, "Morgan Two", "Head chef", other, null, admin, now);
            contact.LinkAccount(user.Id);
            db.Employers.Add(secondEmployer);
            db.EmployerContacts.Add(contact);
            await db.SaveChangesAsync();
        }

        using var assessor = await app.SignedInAsync(app.A.Assessor);
        var reviewId = await RecordReviewAsync(app, assessor);
        var page = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews";
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"{page}?handler=SendLink", Link(reviewId, app.A.EmployerContactId), tokenFrom: page)).StatusCode);
        var link = Mailbox.LinkPath(await app.Mail.WaitForAsync(app.A.Employer), "/Reviews/");

        using var manager = await app.SignedInAsync(other);
        Assert.DoesNotContain("Cara", await manager.GetStringAsync("/Employer"), StringComparison.Ordinal);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("Employer/", StringComparison.Ordinal) && r.Contains("{enrolmentId:guid}", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(
            ["Employer/Apprentices/{enrolmentId:guid}", "Employer/Apprentices/{enrolmentId:guid}/Gateway", "Employer/Apprentices/{enrolmentId:guid}/Ksbs", "Employer/Apprentices/{enrolmentId:guid}/OffTheJob",
                "Employer/Apprentices/{enrolmentId:guid}/Reviews", "Employer/Apprentices/{enrolmentId:guid}/Testimony"],
            routes.Order());
        foreach (var url in routes.Select(r => "/" + r.Replace("{enrolmentId:guid}", app.A.EnrolmentId.ToString(), StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(url)).StatusCode);
            foreach (var handler in new[] { "", "?handler=Sign&reviewId=" + reviewId, "?handler=Verify" })
            {
                var posted = await manager.PostFormAsync(url + handler, new() { ["Agree"] = "true", ["Input.Description"] = "x" }, tokenFrom: "/Employer");
                Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST {url}{handler}: {(int)posted.StatusCode}");
            }
        }

        // The first employer's review link, in the other line manager's hands: 404, and it still works for its own.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostFormAsync(link, new() { ["Agree"] = "true" }, tokenFrom: "/Employer")).StatusCode);
        using var own = await app.SignedInAsync(app.A.Employer);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(link)).StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(1, await db.ProgressReviewSignatures.CountAsync());
            Assert.Null((await db.ReviewSignRequests.SingleAsync()).UsedAt);
        }
    }

    /// <summary>Two more contacts at centre A's employer, neither signing in: one with an email address, one with a telephone number only.</summary>
    private static async Task<(Guid Eve, Guid PhoneOnly)> AddContactsAsync(AttestFactory app)
    {
        await using var db = app.Db(app.A.Id);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var admin = await app.UserIdAsync(app.A.Admin);
        var employer = await db.Employers.SingleAsync(e => e.Id == app.A.EmployerId);
        var eve = EmployerContact.Create(employer, "Eve Evans", "Payroll manager", Eve, null, admin, now);
        var phil = EmployerContact.Create(employer, "Phil Phone", null, null, "01632 960999", admin, now);
        db.EmployerContacts.AddRange(eve, phil);
        await db.SaveChangesAsync();
        return (eve.Id, phil.Id);
    }

    /// <summary>The assessor records a review held today; its id.</summary>
    internal static async Task<Guid> RecordReviewAsync(AttestFactory app, HttpClient assessor)
    {
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var recorded = await assessor.PostFormAsync($"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews", ProgressReviewTests.Review(today));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using var db = app.Db(app.A.Id);
        return await db.ProgressReviews.OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
    }

    private static Dictionary<string, string> Link(Guid reviewId, Guid contactId) => new() { ["Link.ReviewId"] = reviewId.ToString(), ["Link.ContactId"] = contactId.ToString() };
}
