using System.Net;
using System.Globalization;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>Issue 5: "An EQA outside the visit window, or asking for an unsampled portfolio, gets 404; inside, can read but never write."</summary>
public class EqaVisitTests
{
    private static readonly string[] DiplomaUnits = ["F3", "F4", "A13", "B10", "C3", "D8", "D2"];

    private static string Local(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_EQA_reads_only_sampled_portfolios_only_inside_the_window_never_writes_and_every_request_is_logged(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        Guid eqaId;
        await using (var db = app.Db(app.A.Id))
        {
            eqaId = (await db.Users.SingleAsync(u => u.Email == app.A.Eqa)).Id;
        }

        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var refused = await admin.PostFormAsync("/Admin/Eqa", new() { ["Input.EqaId"] = eqaId.ToString(), ["Input.Reference"] = " ", ["Input.WindowStart"] = Local(now.AddHours(2)), ["Input.WindowEnd"] = Local(now.AddHours(1)) });
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Enter the awarding body's reference for the visit", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Access must close after it opens", refusedPage, StringComparison.Ordinal);
        var made = await admin.PostFormAsync("/Admin/Eqa", new() { ["Input.EqaId"] = eqaId.ToString(), ["Input.Reference"] = "OCR EV 2026/11", ["Input.WindowStart"] = Local(now.AddHours(-1)), ["Input.WindowEnd"] = Local(now.AddHours(3)) });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var adminVisit = made.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(adminVisit + "?handler=Sample", new() { ["EnrolmentIds"] = app.A.EnrolmentId.ToString() }, tokenFrom: adminVisit)).StatusCode);
        var visitId = Guid.Parse(adminVisit.Split('/')[^1]);

        // A visit that closed yesterday samples Otto's portfolio: it opens nothing.
        await using (var db = app.Db(app.A.Id))
        {
            var past = EqaVisit.Create(app.A.Id, "OCR EV 2026/10", eqaId, "eqa A", now.AddDays(-10), now.AddDays(-9), eqaId, now.AddDays(-11));
            past.AddSample(app.A.GradedEnrolmentId, app.A.OtherCandidateId, "Otto Centrea", Roles.CentreAdmin, eqaId, now.AddDays(-11));
            db.EqaVisits.Add(past);
            await db.SaveChangesAsync();
        }

        var eqa = await app.SignedInAsync(app.A.Eqa);
        Assert.Contains("OCR EV 2026/11", await eqa.GetStringAsync("/Eqa"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await eqa.GetAsync($"/Eqa/Visits/{visitId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eqa.GetAsync($"/Portfolio/{app.A.EnrolmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eqa.GetAsync($"/Evidence/{app.A.EvidenceId}/Download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eqa.GetAsync($"/Portfolio/{app.A.GradedEnrolmentId}")).StatusCode); // sampled only in a closed visit

        // Read, never write: every form of the candidate, assessor and IQA is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await eqa.PostFormAsync($"/Candidate/Evidence/{app.A.EvidenceId}/Edit", new() { ["Input.Title"] = "x" }, tokenFrom: "/Eqa")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await eqa.PostFormAsync($"/Assessor/Enrolments/{app.A.EnrolmentId}/Units/C3", Assess.DecisionFields([new("1.1", "Met")]), tokenFrom: "/Eqa")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await eqa.PostFormAsync($"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3", new() { ["Input.Feedback"] = "x" }, tokenFrom: "/Eqa")).StatusCode);

        // The EQA chooses a portfolio too, then reports.
        var visit = $"/Eqa/Visits/{visitId}";
        Assert.Equal(HttpStatusCode.Redirect, (await eqa.PostFormAsync(visit + "?handler=Sample", new() { ["EnrolmentIds"] = app.A.GradedEnrolmentId.ToString() }, tokenFrom: visit)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eqa.GetAsync($"/Portfolio/{app.A.GradedEnrolmentId}")).StatusCode);
        var noActions = await eqa.PostFormAsync(visit + "?handler=Report", new() { ["Input.Findings"] = "Assessment decisions on C3 are sound.", ["Input.Sanction"] = "ActionPlan" }, tokenFrom: visit);
        Assert.Contains("A sanction needs the actions the centre must take", await noActions.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await eqa.PostFormAsync(visit + "?handler=Report", new()
        {
            ["Input.Findings"] = "Assessment decisions on C3 are sound; witness testimonies need more detail.", ["Input.Actions"] = "Brief witnesses on seed 004's fields.", ["Input.Sanction"] = "ActionPlan",
        }, tokenFrom: visit)).StatusCode);

        await using (var db = app.Db(app.A.Id))
        {
            var report = await db.EqaReports.SingleAsync();
            Assert.Equal((EqaSanction.ActionPlan, "eqa A"), (report.Sanction, report.EqaName));
            Assert.Equal("Eqa", (await db.LedgerEntries.SingleAsync(e => e.SubjectId == report.Id)).SignerRole);
            var logged = await db.EqaAccesses.Where(a => a.UserId == eqaId).Select(a => a.Method + " " + a.Path + " " + a.Status).ToListAsync();
            Assert.Contains($"GET /Portfolio/{app.A.EnrolmentId} 200", logged);
            Assert.Contains($"GET /Portfolio/{app.A.GradedEnrolmentId} 404", logged);
            Assert.Contains($"GET /Evidence/{app.A.EvidenceId}/Download 200", logged);
        }

        var centreView = WebUtility.HtmlDecode(await admin.GetStringAsync(adminVisit));
        Assert.Contains($"GET /Portfolio/{app.A.EnrolmentId}", centreView, StringComparison.Ordinal);
        Assert.Contains("Brief witnesses on seed 004's fields.", centreView, StringComparison.Ordinal);
        Assert.Contains(">the EQA on ", centreView, StringComparison.Ordinal);

        // Nobody else: centre B's EQA and administrator, and centre A's other roles on the EQA pages.
        var otherEqa = await app.SignedInAsync(app.B.Eqa);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEqa.GetAsync(visit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEqa.GetAsync($"/Portfolio/{app.A.EnrolmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(app.B.Admin)).GetAsync(adminVisit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(app.A.Iqa)).GetAsync(visit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await eqa.GetAsync(adminVisit)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_EQA_sanction_stops_registrations_or_claims_until_a_later_report_lifts_it(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Guid eqaId;
        EqaVisit visit;
        await using (var db = app.Db(app.A.Id))
        {
            eqaId = (await db.Users.SingleAsync(u => u.Email == app.A.Eqa)).Id;
            visit = EqaVisit.Create(app.A.Id, "OCR EV 2026/12", eqaId, "eqa A", now.AddHours(-1), now.AddHours(3), eqaId, now.AddHours(-2));
            db.EqaVisits.Add(visit);
            db.EqaReports.Add(EqaReport.Write(visit, "Registers do not match the portfolios.", "Reconcile the register with every portfolio.", EqaSanction.RegistrationSuspended, eqaId, "eqa A", now));
            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync(app.A.Admin);
        var enrol = $"/Admin/Candidates/{app.A.OtherCandidateId}/Enrol";
        List<KeyValuePair<string, string>> form = [new("Input.QualificationCode", "03456"), new("Input.RegisteredOn", now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            .. DiplomaUnits.Select(u => KeyValuePair.Create("Input.Units", u))];
        var refused = WebUtility.HtmlDecode(await (await admin.PostFormAsync(enrol, form, enrol + "?qualification=03456")).Content.ReadAsStringAsync());
        Assert.Contains($"Registration is suspended at this centre by the EQA's report of {now:d MMMM yyyy} (eqa A); no registration can be made until a later EQA report lifts it. Actions: Reconcile the register with every portfolio.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Certification is suspended", await admin.GetStringAsync("/Admin/Claims"), StringComparison.Ordinal);

        // A later report suspends certification instead: registrations open again, claims close.
        await using (var db = app.Db(app.A.Id))
        {
            db.EqaReports.Add(EqaReport.Write(visit, "Assessment of C3 is not sound.", "Reassess C3 for every candidate.", EqaSanction.CertificationSuspended, eqaId, "eqa A", now.AddMinutes(5)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(enrol, form, enrol + "?qualification=03456")).StatusCode);
        const string Suspended = "Certification is suspended at this centre by the EQA's report of";
        Assert.Contains(Suspended, WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Claims")), StringComparison.Ordinal);
        var claimPage = $"/Admin/Claims/{app.A.EnrolmentId}";
        Assert.Contains(Suspended, WebUtility.HtmlDecode(await admin.GetStringAsync(claimPage)), StringComparison.Ordinal);
        var claim = await admin.PostFormAsync(claimPage, [new("Input.Scope", "Unit"), new("Input.Units", "C3"), new("Input.Confirmed", "true")]);
        Assert.Contains(Suspended, WebUtility.HtmlDecode(await claim.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A report with no sanction lifts it.
        await using (var db = app.Db(app.A.Id))
        {
            db.EqaReports.Add(EqaReport.Write(visit, "C3 has been reassessed soundly.", null, EqaSanction.None, eqaId, "eqa A", now.AddMinutes(10)));
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain(Suspended, WebUtility.HtmlDecode(await admin.GetStringAsync(claimPage)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_form_sent_to_a_read_only_page_is_405_saying_so_and_the_access_log_records_each_request_once_as_the_page_tried(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        Guid eqaId;
        await using (var db = app.Db(app.A.Id))
        {
            eqaId = (await db.Users.SingleAsync(u => u.Email == app.A.Eqa)).Id;
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var visit = EqaVisit.Create(app.A.Id, "OCR EV 2026/11", eqaId, "eqa A", now.AddHours(-1), now.AddHours(3), eqaId, now.AddHours(-2));
            visit.AddSample(app.A.EnrolmentId, app.A.CandidateId, "Cara Centrea", Roles.CentreAdmin, eqaId, now.AddHours(-2));
            db.EqaVisits.Add(visit);
            await db.SaveChangesAsync();
        }

        var eqa = await app.SignedInAsync(app.A.Eqa);
        var posted = await eqa.PostFormAsync($"/Portfolio/{app.A.EnrolmentId}", new() { ["Input.Title"] = "x" });
        var page = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);
        Assert.Contains("This page cannot take a form", page, StringComparison.Ordinal);
        Assert.DoesNotContain("there is a problem with the service", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await eqa.GetAsync("/Admin/Eqa")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eqa.GetAsync($"/Portfolio/{app.A.GradedEnrolmentId}")).StatusCode);

        await using (var db = app.Db(app.A.Id))
        {
            var logged = await db.EqaAccesses.Where(a => a.UserId == eqaId).OrderBy(a => a.At).Select(a => a.Method + " " + a.Path + " " + a.Status).ToListAsync();
            Assert.Equal(1, logged.Count(l => l == $"POST /Portfolio/{app.A.EnrolmentId} 405"));
            Assert.Equal(1, logged.Count(l => l == "GET /Admin/Eqa 403"));
            Assert.Equal(1, logged.Count(l => l == $"GET /Portfolio/{app.A.GradedEnrolmentId} 404"));
            Assert.DoesNotContain(logged, l => l.Contains("/Error", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Before_the_window_opens_the_EQA_sees_the_visit_listed_but_nothing_of_it(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        Guid visitId;
        await using (var db = app.Db(app.A.Id))
        {
            var eqaId = (await db.Users.SingleAsync(u => u.Email == app.A.Eqa)).Id;
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var future = EqaVisit.Create(app.A.Id, "OCR EV 2027/01", eqaId, "eqa A", now.AddDays(1), now.AddDays(2), eqaId, now);
            future.AddSample(app.A.EnrolmentId, app.A.CandidateId, "Cara Centrea", Roles.CentreAdmin, eqaId, now);
            db.EqaVisits.Add(future);
            await db.SaveChangesAsync();
            visitId = future.Id;
        }

        var eqa = await app.SignedInAsync(app.A.Eqa);
        Assert.Contains("not yet open", await eqa.GetStringAsync("/Eqa"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await eqa.GetAsync($"/Eqa/Visits/{visitId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eqa.GetAsync($"/Portfolio/{app.A.EnrolmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eqa.GetAsync($"/Evidence/{app.A.EvidenceId}/Download")).StatusCode);
    }
}
