using System.Net;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 14, lists that scale: the administrator's claims list and an EQA visit's sample and the portfolios to add to it
/// are searched by name, ULN or candidate number, filtered, sorted and paged on the server, like the caseload.
/// </summary>
public class ClaimAndSampleListTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_claims_list_finds_a_learner_by_name_uln_or_candidate_number_and_pages_with_the_filters_kept(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        await CaseloadTests.AddLearnersAsync(app, app.A.AssessorUserId, 30);
        var admin = await app.SignedInAsync(app.A.Admin);
        var cara = $"/Admin/Claims/{app.A.EnrolmentId}\"";
        var otto = $"/Admin/Claims/{app.A.GradedEnrolmentId}\"";

        foreach (var found in new[] { "cara", "1234567899", "4567" })
        {
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Claims?q=" + found));
            Assert.Contains(cara, page, StringComparison.Ordinal);
            Assert.DoesNotContain(otto, page, StringComparison.Ordinal);
            Assert.Contains("Showing 1 to 1 of 1.", page, StringComparison.Ordinal);
        }

        var technical = await admin.GetStringAsync("/Admin/Claims?qualification=" + ShippedCatalogue.CambridgeTechnical.Code);
        Assert.Contains(otto, technical, StringComparison.Ordinal);
        Assert.DoesNotContain(cara, technical, StringComparison.Ordinal);

        // 32 enrolments: two pages; the second keeps the assessor filter in its links, and a page past the end is the last.
        var first = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Claims?assessor={app.A.AssessorUserId}&sort=name-desc"));
        Assert.Contains("Showing 1 to 25 of 32.", first, StringComparison.Ordinal);
        Assert.Contains($"/Admin/Claims?assessor={app.A.AssessorUserId}&sort=name-desc&page=2", first, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Pages of candidates\"", first, StringComparison.Ordinal);
        Assert.Contains("Showing 26 to 32 of 32.", await admin.GetStringAsync($"/Admin/Claims?assessor={app.A.AssessorUserId}&sort=name-desc&page=99"), StringComparison.Ordinal);
        // On track: the 30 learners and Cara (an apprentice, so with a planned end).
        Assert.Contains("Showing 26 to 31 of 31.", await admin.GetStringAsync("/Admin/Claims?standing=green&page=2"), StringComparison.Ordinal);

        // Values the list does not know are no filter, never an error.
        var lenient = await admin.GetAsync($"/Admin/Claims?qualification=NOPE&assessor=x&standing=purple&status=odd&sort=up&page=-3&made=abc");
        Assert.Equal(HttpStatusCode.OK, lenient.StatusCode);
        Assert.Contains("Showing 1 to 25 of 32.", await lenient.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("No candidate matches that search.", await admin.GetStringAsync("/Admin/Claims?q=nobody-by-this-name"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_centres_administrator_finds_none_of_the_centres_learners_on_the_claims_list_and_other_roles_are_refused(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var other = await app.SignedInAsync(app.B.Admin);
        var page = await other.GetStringAsync("/Admin/Claims?q=1234567899");
        Assert.DoesNotContain(app.A.EnrolmentId.ToString(), page, StringComparison.Ordinal);
        Assert.Contains($"/Admin/Claims/{app.B.EnrolmentId}\"", page, StringComparison.Ordinal); // their own learner with that ULN
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Admin/Claims/{app.A.EnrolmentId}")).StatusCode);

        foreach (var user in new[] { app.A.Candidate, app.A.Assessor, app.A.Iqa })
        {
            var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Claims?q=cara")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_eqa_finds_portfolios_to_add_among_many_adds_several_in_one_submit_and_searches_the_sample(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        await CaseloadTests.AddLearnersAsync(app, app.A.AssessorUserId, 30);
        var visit = await OpenVisitAsync(app);
        var eqa = await app.SignedInAsync(app.A.Eqa);
        var path = $"/Eqa/Visits/{visit}";

        var all = WebUtility.HtmlDecode(await eqa.GetStringAsync(path));
        Assert.Contains("No portfolio is in the sample yet.", all, StringComparison.Ordinal);
        Assert.Contains("Showing 1 to 25 of 32.", all, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Pages of portfolios to add\"", all, StringComparison.Ordinal);

        // Found by ULN, Cara is the one portfolio offered; with Otto, found by qualification, both go in with one submit.
        var byUln = await eqa.GetStringAsync(path + "?q=1234567899");
        Assert.Contains($"value=\"{app.A.EnrolmentId}\"", byUln, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{app.A.GradedEnrolmentId}\"", byUln, StringComparison.Ordinal);
        var added = await eqa.PostFormAsync(path + "?q=1234567899&page=1&handler=Sample",
            [new("EnrolmentIds", app.A.EnrolmentId.ToString()), new("EnrolmentIds", app.A.GradedEnrolmentId.ToString())], tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(path + "?q=1234567899&page=1", added.Headers.Location?.OriginalString);
        var after = WebUtility.HtmlDecode(await eqa.GetStringAsync(path));
        Assert.Contains("2 portfolios are in your sample: Cara Centrea, Otto Centrea.", after, StringComparison.Ordinal);
        Assert.Contains("2 portfolios are in the sample", after, StringComparison.Ordinal);
        Assert.Contains("Showing 1 to 25 of 30.", after, StringComparison.Ordinal); // the two are no longer offered

        // The sample is searched with the same box: Otto's qualification finds Otto in it, and nobody to add.
        var technical = WebUtility.HtmlDecode(await eqa.GetStringAsync(path + "?qualification=" + ShippedCatalogue.CambridgeTechnical.Code));
        Assert.Contains($"href=\"/Portfolio/{app.A.GradedEnrolmentId}\"", technical, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Portfolio/{app.A.EnrolmentId}\"", technical, StringComparison.Ordinal);
        Assert.Contains("No other portfolio matches that search.", technical, StringComparison.Ordinal);

        // Nothing ticked: the form says so beside the list and adds nothing; a portfolio already in the sample is refused.
        var none = WebUtility.HtmlDecode(await (await eqa.PostFormAsync(path + "?handler=Sample", [], tokenFrom: path)).Content.ReadAsStringAsync());
        Assert.Contains("Choose at least one portfolio to add to the sample", none, StringComparison.Ordinal);
        var again = WebUtility.HtmlDecode(await (await eqa.PostFormAsync(path + "?handler=Sample", [new("EnrolmentIds", app.A.EnrolmentId.ToString())], tokenFrom: path)).Content.ReadAsStringAsync());
        Assert.Contains("Cara Centrea's portfolio is already in the sample", again, StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(2, await db.EqaVisitSamples.CountAsync(s => s.VisitId == visit));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_centres_learner_cannot_be_added_to_a_sample_nor_found_on_the_visit(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var visit = await OpenVisitAsync(app);
        var admin = await app.SignedInAsync(app.A.Admin);
        var path = $"/Admin/Eqa/{visit}";
        Assert.DoesNotContain(app.B.EnrolmentId.ToString(), await admin.GetStringAsync(path + "?q=" + "centreb"), StringComparison.Ordinal);
        // One of the ticked is not the centre's: nothing is added.
        var mixed = await admin.PostFormAsync(path + "?handler=Sample", [new("EnrolmentIds", app.A.EnrolmentId.ToString()), new("EnrolmentIds", app.B.EnrolmentId.ToString())], tokenFrom: path);
        Assert.Equal(HttpStatusCode.NotFound, mixed.StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(0, await db.EqaVisitSamples.CountAsync(s => s.VisitId == visit));
        }

        var otherAdmin = await app.SignedInAsync(app.B.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(path + "?q=cara")).StatusCode);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync(path + "?q=cara")).StatusCode);
    }

    /// <summary>A visit of centre A's EQA, open now, with nothing sampled.</summary>
    private static async Task<Guid> OpenVisitAsync(AttestFactory app)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = app.Db(app.A.Id);
        var eqaId = (await db.Users.SingleAsync(u => u.Email == app.A.Eqa)).Id;
        var visit = EqaVisit.Create(app.A.Id, "OCR EV 2026/12", eqaId, "eqa A", now.AddHours(-1), now.AddHours(3), eqaId, now.AddHours(-2));
        db.EqaVisits.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }
}
