using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Web.Features.Ksbs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 17, item 4: evidence, off-the-job activities and progress reviews map to the KSBs of the apprentice's standard
/// (the seed's apprenticeship is on the sample standard SAMPLE-CS3, 16 KSBs), each refusal on the KSB field with nothing
/// kept, withdrawal as a signed record, and the coverage view for the apprentice, staff and the line manager only.
/// </summary>
public class KsbMappingTests
{
    private static string Today(AttestFactory app) => Core.UkTime.DateOf(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Coverage(Guid enrolmentId) => $"/Tracking/Enrolments/{enrolmentId}/Ksbs";

    /// <summary>Posts the evidence page's KSB form: the candidate's page or the staff page.</summary>
    internal static Task<HttpResponseMessage> MapEvidenceAsync(HttpClient client, string page, Guid enrolmentId, params string[] codes) =>
        client.PostFormAsync(page + "?handler=Ksbs", [new("KsbForm.EnrolmentId", enrolmentId.ToString()), .. codes.Select(c => new KeyValuePair<string, string>("KsbForm.Ksbs", c))], tokenFrom: page);

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>An observation record the assessor writes of Cara: evidence the assessor maps, not the candidate.</summary>
    private static async Task<Guid> ObservationAsync(AttestFactory app, HttpClient assessor)
    {
        var record = await assessor.PostFormAsync($"/Assessor/Enrolments/{app.A.EnrolmentId}/Records/New?kind=Observation", new()
        {
            ["Input.OccurredOn"] = Today(app), ["Input.Venue"] = "Front desk", ["Input.Summary"] = "Listened to the complaint and repeated it back.", ["Input.Targets"] = "C3|1.1",
        });
        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        await using var db = app.Db(app.A.Id);
        return await db.AssessorRecords.Select(r => r.EvidenceItemId).SingleAsync();
    }

    private static Dictionary<string, string> Terms(AttestFactory app, string code) => new()
    {
        ["Input.Programme"] = "Standard", ["Input.ProgrammeCode"] = code, ["Input.ProgrammeTitle"] = "Customer service", ["Input.StartDate"] = Today(app),
        ["Input.PlannedEndDate"] = DateOnly.Parse(Today(app), CultureInfo.InvariantCulture).AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.ContractedHoursPerWeek"] = "37.5", ["Input.PlannedOffTheJobHours"] = "280", ["Input.EmployerId"] = app.A.EmployerId.ToString(),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Evidence_activities_and_reviews_map_to_KSBs_and_everyone_who_follows_the_apprentice_sees_the_coverage(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        using var candidate = await app.SignedInAsync(a.Candidate);
        using var assessor = await app.SignedInAsync(a.Assessor);

        // The candidate maps their own evidence, on its page, to two KSBs in one submit.
        var evidencePage = $"/Candidate/Evidence/{a.EvidenceId}";
        Assert.Contains("KSBs of SAMPLE-CS3 this evidence shows", await candidate.GetStringAsync(evidencePage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await MapEvidenceAsync(candidate, evidencePage, a.EnrolmentId, "K1", "S3")).StatusCode);
        // The apprentice ticks a KSB when logging an off-the-job activity.
        Assert.Contains("Knowledge, skills and behaviours this worked on (optional)", await candidate.GetStringAsync("/Candidate/OffTheJob"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/OffTheJob", new()
        {
            ["Input.Date"] = Today(app), ["Input.Duration"] = "2", ["Input.ActivityType"] = "teaching", ["Input.WhatWasLearnt"] = "Handling a complaint.", ["Input.Ksbs"] = "B1",
        })).StatusCode);
        // The assessor ticks a KSB when recording a review, and maps their own observation record on the evidence page.
        var review = ProgressReviewTests.Review(Today(app));
        review["Input.Ksbs"] = "K2";
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"/Assessor/Enrolments/{a.EnrolmentId}/Reviews", review)).StatusCode);
        var observation = await ObservationAsync(app, assessor);
        Assert.Equal(HttpStatusCode.Redirect, (await MapEvidenceAsync(assessor, $"/Evidence/{observation}", a.EnrolmentId, "S1")).StatusCode);

        await using (var db = app.Db(a.Id))
        {
            var kinds = await db.RecordKsbMappings.OrderBy(m => m.KsbCode).Select(m => new { m.KsbCode, m.RecordKind, m.StandardReference }).ToListAsync();
            Assert.Equal(
                [("B1", KsbRecordKind.OffTheJobActivity), ("K1", KsbRecordKind.Evidence), ("K2", KsbRecordKind.ProgressReview), ("S1", KsbRecordKind.Evidence), ("S3", KsbRecordKind.Evidence)],
                kinds.Select(k => (k.KsbCode, k.RecordKind)));
            Assert.All(kinds, k => Assert.Equal("SAMPLE-CS3", k.StandardReference));
            Assert.Equal(5, await db.LedgerEntries.CountAsync(e => e.Kind == RecordKsbMapping.Kind));
            Assert.Equal(5, (await KsbMappingQueries.ForEnrolmentAsync(db, a.EnrolmentId, default)).Count);
        }

        // The coverage view, linked from the apprentice's home, their tracking page and the line manager's apprentice page.
        Assert.Contains(Coverage(a.EnrolmentId), await candidate.GetStringAsync("/Candidate"), StringComparison.Ordinal);
        Assert.Contains(Coverage(a.EnrolmentId), await assessor.GetStringAsync($"/Tracking/Enrolments/{a.EnrolmentId}"), StringComparison.Ordinal);
        using var employer = await app.SignedInAsync(a.Employer);
        var employerCoverage = $"/Employer/Apprentices/{a.EnrolmentId}/Ksbs";
        Assert.Contains(employerCoverage, await employer.GetStringAsync($"/Employer/Apprentices/{a.EnrolmentId}"), StringComparison.Ordinal);

        var mine = WebUtility.HtmlDecode(await candidate.GetStringAsync(Coverage(a.EnrolmentId)));
        Assert.Contains("5 of 16 KSBs covered", mine, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"govuk-link\" href=\"/Candidate/Evidence/{a.EvidenceId}\">E001 Seeded evidence</a>", mine, StringComparison.Ordinal);
        Assert.Contains("Not covered yet: K3, K4, K5, K6, S2, S4, S5, S6, B2, B3, B4.", mine, StringComparison.Ordinal);
        Assert.Contains("Who the organisation's customers are", mine, StringComparison.Ordinal); // K1's wording
        var staff = WebUtility.HtmlDecode(await assessor.GetStringAsync(Coverage(a.EnrolmentId)));
        Assert.Contains($"<a class=\"govuk-link\" href=\"/Evidence/{a.EvidenceId}\">E001 Seeded evidence</a>", staff, StringComparison.Ordinal);
        Assert.Contains("Off-the-job activity on", staff, StringComparison.Ordinal);
        Assert.Contains($"/Assessor/Enrolments/{a.EnrolmentId}/Reviews#review-", staff, StringComparison.Ordinal);
        foreach (var reader in new[] { a.Iqa, a.Admin })
        {
            using var client = await app.SignedInAsync(reader);
            var page = WebUtility.HtmlDecode(await client.GetStringAsync(Coverage(a.EnrolmentId)));
            Assert.Contains("5 of 16 KSBs covered", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Withdraw the mapping", page, StringComparison.Ordinal);
        }

        var lineManager = WebUtility.HtmlDecode(await employer.GetStringAsync(employerCoverage));
        Assert.Contains("5 of 16 KSBs covered", lineManager, StringComparison.Ordinal);
        Assert.Contains($"/Employer/Apprentices/{a.EnrolmentId}/Reviews#review-", lineManager, StringComparison.Ordinal);
        Assert.DoesNotContain("/Evidence/", lineManager, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdraw the mapping", lineManager, StringComparison.Ordinal);

        var (exit, output) = await app.CliAsync("ledger", "verify", "--centre", "20001");
        Assert.True(exit == 0, output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_bad_mapping_is_refused_on_the_KSB_field_and_nothing_is_kept(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        using var candidate = await app.SignedInAsync(a.Candidate);
        using var assessor = await app.SignedInAsync(a.Assessor);
        using var admin = await app.SignedInAsync(a.Admin);
        var evidencePage = $"/Candidate/Evidence/{a.EvidenceId}";
        Assert.Equal(HttpStatusCode.Redirect, (await MapEvidenceAsync(candidate, evidencePage, a.EnrolmentId, "K1")).StatusCode);

        // A code the standard does not define, and one the item is mapped to already: both said, neither kept.
        var refused = await TextAsync(await MapEvidenceAsync(candidate, evidencePage, a.EnrolmentId, "K99", "K1", "S2"));
        Assert.Contains("K99 is not a KSB of SAMPLE-CS3", refused, StringComparison.Ordinal);
        Assert.Contains("E001 Seeded evidence is already mapped to K1.", refused, StringComparison.Ordinal);
        Assert.Contains("govuk-form-group--error\" id=\"KsbForm_Ksbs\"", refused, StringComparison.Ordinal);
        Assert.Contains("Choose at least one KSB", await TextAsync(await MapEvidenceAsync(candidate, evidencePage, a.EnrolmentId)), StringComparison.Ordinal);
        // A review with a KSB the standard lacks is not kept either, nor an activity.
        var review = ProgressReviewTests.Review(Today(app));
        review["Input.Ksbs"] = "Z1";
        Assert.Contains("Z1 is not a KSB of SAMPLE-CS3", await TextAsync(await assessor.PostFormAsync($"/Assessor/Enrolments/{a.EnrolmentId}/Reviews", review)), StringComparison.Ordinal);
        Assert.Contains("Z1 is not a KSB", await TextAsync(await candidate.PostFormAsync("/Candidate/OffTheJob", new()
        {
            ["Input.Date"] = Today(app), ["Input.Duration"] = "1", ["Input.ActivityType"] = "teaching", ["Input.WhatWasLearnt"] = "Complaints.", ["Input.Ksbs"] = "Z1",
        })), StringComparison.Ordinal);

        // Evidence the candidate wrote is theirs to map; a record is the assessor's, and only for an apprenticeship of its own learner.
        Assert.Contains("is the candidate's to map to KSBs", await TextAsync(await MapEvidenceAsync(assessor, $"/Evidence/{a.EvidenceId}", a.EnrolmentId, "K2")), StringComparison.Ordinal);
        var observation = await ObservationAsync(app, assessor);
        Assert.Contains("This enrolment is not an apprenticeship", await TextAsync(await MapEvidenceAsync(assessor, $"/Evidence/{observation}", a.GradedEnrolmentId, "K2")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Enrolments/{a.GradedEnrolmentId}/Apprenticeship", Terms(app, "SAMPLE-CS3"))).StatusCode);
        Assert.Contains("is not a record of this apprenticeship", await TextAsync(await MapEvidenceAsync(assessor, $"/Evidence/{observation}", a.GradedEnrolmentId, "K2")), StringComparison.Ordinal);

        // An apprenticeship whose standard the catalogue does not hold: no KSBs offered, a mapping refused naming it, and the coverage page says so.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Enrolments/{a.EnrolmentId}/Apprenticeship", Terms(app, "ST0229"))).StatusCode);
        Assert.DoesNotContain("KSBs of", await candidate.GetStringAsync(evidencePage), StringComparison.Ordinal);
        Assert.Contains("standard ST0229 is not in the catalogue", await TextAsync(await MapEvidenceAsync(candidate, evidencePage, a.EnrolmentId, "K2")), StringComparison.Ordinal);
        Assert.Contains("not a standard in the catalogue", await candidate.GetStringAsync(Coverage(a.EnrolmentId)), StringComparison.Ordinal);

        await using var db = app.Db(a.Id);
        Assert.Equal(["K1"], await db.RecordKsbMappings.Select(m => m.KsbCode).ToListAsync());
        Assert.Equal(0, await db.ProgressReviews.CountAsync());
        Assert.Equal(0, await db.OffTheJobActivities.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mapping_is_taken_back_by_a_signed_withdrawal_by_the_assessor_or_whoever_made_it_and_can_be_made_again(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        using var candidate = await app.SignedInAsync(a.Candidate);
        using var assessor = await app.SignedInAsync(a.Assessor);
        var evidencePage = $"/Candidate/Evidence/{a.EvidenceId}";
        Assert.Equal(HttpStatusCode.Redirect, (await MapEvidenceAsync(candidate, evidencePage, a.EnrolmentId, "K1")).StatusCode);
        var review = ProgressReviewTests.Review(Today(app));
        review["Input.Ksbs"] = "K2";
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"/Assessor/Enrolments/{a.EnrolmentId}/Reviews", review)).StatusCode);
        Guid own, reviews;
        await using (var db = app.Db(a.Id))
        {
            own = await db.RecordKsbMappings.Where(m => m.KsbCode == "K1").Select(m => m.Id).SingleAsync();
            reviews = await db.RecordKsbMappings.Where(m => m.KsbCode == "K2").Select(m => m.Id).SingleAsync();
        }

        var page = Coverage(a.EnrolmentId);
        Task<HttpResponseMessage> WithdrawAsync(HttpClient client, Guid mapping, string reason) =>
            client.PostFormAsync($"{page}?handler=Withdraw&mappingId={mapping}", new() { ["Reason"] = reason }, tokenFrom: page);

        // The apprentice withdraws only what they mapped; IQAs read.
        Assert.Equal(HttpStatusCode.NotFound, (await WithdrawAsync(candidate, reviews, "Not me.")).StatusCode);
        using (var iqa = await app.SignedInAsync(a.Iqa))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await WithdrawAsync(iqa, own, "Wrong KSB.")).StatusCode);
        }

        // Refused, the error summary leads to the reason field of the form refused, shown open with the error beside it.
        var refused = new HtmlParser().ParseDocument(await (await WithdrawAsync(candidate, own, " ")).Content.ReadAsStringAsync());
        var summaryLink = refused.QuerySelectorAll(".govuk-error-summary a").Single();
        Assert.StartsWith("Say why the record does not show K1", summaryLink.TextContent, StringComparison.Ordinal);
        var field = refused.GetElementById(summaryLink.GetAttribute("href")![1..]);
        Assert.NotNull(field);
        Assert.Equal(($"?handler=Withdraw&mappingId={own}", "Reason"), (field.Closest("form")!.GetAttribute("action"), field.GetAttribute("name")));
        Assert.Contains("govuk-input--error", field.ClassList);
        Assert.True(field.Closest("details")!.HasAttribute("open"));
        Assert.StartsWith("Error: Say why the record does not show K1", field.ParentElement!.QuerySelector(".govuk-error-message")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await WithdrawAsync(candidate, own, "E001 shows the complaint, not who the customers are.")).StatusCode);
        // Withdrawn already, its form is gone: the reason is the page's, with no link to a field that is not there.
        var again = new HtmlParser().ParseDocument(await (await WithdrawAsync(candidate, own, "Again.")).Content.ReadAsStringAsync());
        Assert.Contains("already withdrawn", again.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(again.QuerySelectorAll(".govuk-error-summary a"));
        Assert.Equal(HttpStatusCode.Redirect, (await WithdrawAsync(assessor, reviews, "The review discussed K2 but did not evidence it.")).StatusCode);
        Assert.Contains("0 of 16 KSBs covered", WebUtility.HtmlDecode(await assessor.GetStringAsync(page)), StringComparison.Ordinal);

        // Withdrawn, the mapping can be made again; the withdrawn one stays, as made, with its withdrawal.
        Assert.Equal(HttpStatusCode.Redirect, (await MapEvidenceAsync(candidate, evidencePage, a.EnrolmentId, "K1")).StatusCode);
        await using (var db = app.Db(a.Id))
        {
            Assert.Equal(3, await db.RecordKsbMappings.CountAsync());
            Assert.Equal([Roles.Assessor, Roles.Candidate], (await db.LedgerEntries.Where(e => e.Kind == KsbMappingWithdrawal.Kind).Select(e => e.SignerRole).ToListAsync()).Order());
            Assert.Equal([new Core.Qualifications.KsbMapping("K1", a.EvidenceId)], await KsbMappingQueries.ForEnrolmentAsync(db, a.EnrolmentId, default));
        }

        var (exit, output) = await app.CliAsync("ledger", "verify", "--centre", "20001");
        Assert.True(exit == 0, output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_centres_people_and_another_employers_line_manager_get_404_and_the_wrong_role_403(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var staffPage = Coverage(a.EnrolmentId);
        var employerPage = $"/Employer/Apprentices/{a.EnrolmentId}/Ksbs";
        foreach (var (user, url) in new[]
        {
            (app.B.Admin, staffPage), (app.B.Assessor, staffPage), (app.B.Iqa, staffPage), (app.B.Candidate, staffPage), (a.OtherAssessor, staffPage), (a.OtherCandidate, staffPage),
            (app.B.Employer, employerPage),
        })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        // Nor can another centre's people map centre A's evidence or withdraw its mappings.
        using (var otherCandidate = await app.SignedInAsync(app.B.Candidate))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherCandidate.PostFormAsync($"/Candidate/Evidence/{a.EvidenceId}?handler=Ksbs",
                new() { ["KsbForm.EnrolmentId"] = a.EnrolmentId.ToString(), ["KsbForm.Ksbs"] = "K1" }, tokenFrom: "/Candidate/Evidence")).StatusCode);
        }

        using (var otherAssessor = await app.SignedInAsync(app.B.Assessor))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherAssessor.PostFormAsync($"/Evidence/{a.EvidenceId}?handler=Ksbs",
                new() { ["KsbForm.EnrolmentId"] = a.EnrolmentId.ToString(), ["KsbForm.Ksbs"] = "K1" }, tokenFrom: "/Assessor")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherAssessor.PostFormAsync($"{staffPage}?handler=Withdraw&mappingId={Guid.NewGuid()}", new() { ["Reason"] = "No." }, tokenFrom: "/Assessor")).StatusCode);
        }

        // A line manager of another employer of the same centre.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<CentreProvisioning>().CreateUserWithPasswordAsync(a.Id, "quayside@a.test", "Quinn Quayside", Roles.Employer, AttestFactory.Password);
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await using var db = app.Db(a.Id);
            var other = Employer.Create(a.Id, "Quayside Café", null, user.Id, now);
            var contact = EmployerContact.Create(other, user.DisplayName, "Owner", user.Email!, null, user.Id, now);
            contact.LinkAccount(user.Id);
            db.Employers.Add(other);
            db.EmployerContacts.Add(contact);
            await db.SaveChangesAsync();
        }

        using (var otherManager = await app.SignedInAsync("quayside@a.test"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync(employerPage)).StatusCode);
        }

        foreach (var (user, url) in new[] { (a.Employer, staffPage), (a.Eqa, staffPage), (a.Candidate, employerPage), (a.Assessor, employerPage) })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
    }
}
