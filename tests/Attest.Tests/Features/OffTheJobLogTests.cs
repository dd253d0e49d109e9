using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 17, item 2: the apprentice logs off-the-job activities (each bad entry refused on its field, nothing saved), the
/// assessor and the line manager verify ticked entries in one signed submit, and the log shows planned, expected to date,
/// verified, the gap with red/amber/green, and a break in learning pausing the clock. Nobody outside the apprenticeship sees it.
/// </summary>
public partial class OffTheJobLogTests
{
    private const string Page = "/Candidate/OffTheJob";

    internal static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly Today(AttestFactory app) => Core.UkTime.DateOf(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    internal static Dictionary<string, string> Activity(DateOnly day, string hours = "2", string type = "teaching", string? starts = null, string? ends = null, string learnt = "How to handle a complaint at the desk.")
    {
        var form = new Dictionary<string, string> { ["Input.Date"] = Iso(day), ["Input.Duration"] = hours, ["Input.ActivityType"] = type, ["Input.WhatWasLearnt"] = learnt };
        if (starts is not null)
        {
            form["Input.Starts"] = starts;
        }

        if (ends is not null)
        {
            form["Input.Ends"] = ends;
        }

        return form;
    }

    private static string ExpectedHours(string page) => ExpectedRow().Match(page).Groups[1].Value;

    [GeneratedRegex("Expected to date</dt><dd class=\"govuk-summary-list__value\">([0-9.,]+) hours")]
    private static partial Regex ExpectedRow();

    /// <summary>Moves the seeded apprenticeship's start back half a year, so hours are expected and the log can fall behind.</summary>
    internal static async Task StartedHalfAYearAgoAsync(AttestFactory app, HttpClient admin)
    {
        var today = Today(app);
        var made = await admin.PostFormAsync($"/Admin/Enrolments/{app.A.EnrolmentId}/Apprenticeship", new()
        {
            ["Input.Programme"] = "Standard", ["Input.ProgrammeCode"] = "ST0229", ["Input.ProgrammeTitle"] = "Hospitality team member", ["Input.StartDate"] = Iso(today.AddDays(-182)),
            ["Input.PlannedEndDate"] = Iso(today.AddDays(182)), ["Input.ContractedHoursPerWeek"] = "37.5", ["Input.PlannedOffTheJobHours"] = "280", ["Input.EmployerId"] = app.A.EmployerId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_apprentice_logs_hours_the_assessor_and_line_manager_verify_them_and_the_gap_is_shown(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        await StartedHalfAYearAgoAsync(app, admin);
        var today = Today(app);
        using var candidate = await app.SignedInAsync(app.A.Candidate);

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, Activity(today.AddDays(-1), "3", starts: "09:00", ends: "12:00"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, Activity(today.AddDays(-2), "1.5", "mentoring"))).StatusCode);
        var own = Activity(today.AddDays(-3), "2", "shadowing");
        own["Input.InOwnTime"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, own)).StatusCode);
        var log = WebUtility.HtmlDecode(await candidate.GetStringAsync(Page));
        Assert.Contains("Actual, verified (OTJActHours)</dt><dd class=\"govuk-summary-list__value\">0 hours", log, StringComparison.Ordinal);
        Assert.Contains("Red: more than 4 weeks behind", log, StringComparison.Ordinal);
        Assert.Contains("In own time", log, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(log, "Waiting to be verified"));

        List<Guid> ids;
        await using (var db = app.Db(app.A.Id))
        {
            ids = await db.OffTheJobActivities.OrderBy(a => a.Date).Select(a => a.Id).ToListAsync();
        }

        // The assessor verifies two entries in one submit; the line manager the third.
        using var assessor = await app.SignedInAsync(app.A.Assessor);
        var assessorPage = $"/Assessor/Enrolments/{app.A.EnrolmentId}/OffTheJob";
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync(assessorPage, [new("Ticked", ids[1].ToString()), new("Ticked", ids[2].ToString())])).StatusCode);
        using var lineManager = await app.SignedInAsync(app.A.Employer);
        var employerPage = $"/Employer/Apprentices/{app.A.EnrolmentId}/OffTheJob";
        Assert.Equal(HttpStatusCode.Redirect, (await lineManager.PostFormAsync(employerPage, [new("Ticked", ids[0].ToString())])).StatusCode);
        // Verified once: a second tick of the same entry is refused on the page.
        var again = WebUtility.HtmlDecode(await (await assessor.PostFormAsync(assessorPage, [new("Ticked", ids[0].ToString())])).Content.ReadAsStringAsync());
        Assert.Contains("already verified", again, StringComparison.Ordinal);

        await using (var db = app.Db(app.A.Id))
        {
            var verifications = await db.OffTheJobVerifications.OrderBy(v => v.VerifiedAt).ToListAsync();
            Assert.Equal([Roles.Assessor, Roles.Employer], verifications.Select(v => v.VerifierRole));
            Assert.Equal(3, await db.OffTheJobVerifiedActivities.CountAsync());
            Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.Kind == Core.Apprenticeships.OffTheJobVerification.Kind));
        }

        var verified = WebUtility.HtmlDecode(await candidate.GetStringAsync(Page));
        Assert.Contains("Actual, verified (OTJActHours)</dt><dd class=\"govuk-summary-list__value\">6.5 hours", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting to be verified", verified, StringComparison.Ordinal);

        var csv = await candidate.GetStringAsync(Page + "?handler=Export&format=csv");
        Assert.StartsWith("LearnRefNumber,ULN,Apprenticeship,LearnStartDate,LearnPlanEndDate,PHours,OTJActHours", csv, StringComparison.Ordinal);
        Assert.Contains(",280,6", csv, StringComparison.Ordinal);
        var xlsx = await lineManager.GetAsync(employerPage + "?handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_bad_entry_is_refused_on_its_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        await StartedHalfAYearAgoAsync(app, admin);
        var today = Today(app);
        using var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, Activity(today.AddDays(-1), "3", starts: "09:00", ends: "12:00"))).StatusCode);

        async Task<string> RefusedAsync(Dictionary<string, string> form)
        {
            var response = await candidate.PostFormAsync(Page, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("href=\"#Input_Date\">An activity cannot be logged for a day still to come", await RefusedAsync(Activity(today.AddDays(1))), StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Duration\">This makes 25 hours on", await RefusedAsync(Activity(today.AddDays(-1), "22")), StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Starts\">This overlaps the activity from 09:00 to 12:00", await RefusedAsync(Activity(today.AddDays(-1), "2", starts: "11:00", ends: "13:00")), StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Duration\">The time spent must be 24 hours or less", await RefusedAsync(Activity(today.AddDays(-2), "30")), StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Duration\">The time spent must be more than 0", await RefusedAsync(Activity(today.AddDays(-2), "-2")), StringComparison.Ordinal);
        var several = await RefusedAsync(Activity(today.AddDays(-2), "2", "juggling", learnt: " "));
        Assert.Contains("href=\"#Input_ActivityType\">Choose one of the listed activity types", several, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_WhatWasLearnt\">Say what you learnt", several, StringComparison.Ordinal);

        // A break in learning from today pauses the clock: nothing more is expected, and no activity is logged in it.
        var before = ExpectedHours(WebUtility.HtmlDecode(await candidate.GetStringAsync(Page)));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Enrolments/{app.A.EnrolmentId}/Status", new()
        {
            ["Input.Act"] = "BreakStarted", ["Input.On"] = Iso(today), ["Input.Reason"] = "Long-term illness.",
        })).StatusCode);
        var onBreak = WebUtility.HtmlDecode(await candidate.GetStringAsync(Page));
        Assert.Contains("On a break in learning since", onBreak, StringComparison.Ordinal);
        Assert.True(decimal.Parse(ExpectedHours(onBreak), CultureInfo.InvariantCulture) < decimal.Parse(before, CultureInfo.InvariantCulture));
        Assert.Contains("href=\"#Input_Date\">", await RefusedAsync(Activity(today)), StringComparison.Ordinal);
        Assert.Contains("is in the break in learning", await RefusedAsync(Activity(today)), StringComparison.Ordinal);

        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.OffTheJobActivities.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_break_ended_the_day_it_began_leaves_the_plan_as_it_was(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        await StartedHalfAYearAgoAsync(app, admin);
        var today = Today(app);
        using var candidate = await app.SignedInAsync(app.A.Candidate);
        var before = ExpectedHours(WebUtility.HtmlDecode(await candidate.GetStringAsync(Page)));
        foreach (var act in new[] { "BreakStarted", "Resumed" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Enrolments/{app.A.EnrolmentId}/Status", new()
            {
                ["Input.Act"] = act, ["Input.On"] = Iso(today), ["Input.Reason"] = "Recorded in error.",
            })).StatusCode);
        }

        var log = await candidate.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var after = WebUtility.HtmlDecode(await log.Content.ReadAsStringAsync());
        Assert.Equal(before, ExpectedHours(after));
        Assert.DoesNotContain("On a break in learning", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, Activity(today))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_apprentice_their_assessor_and_their_line_manager_see_the_log(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessorPage = $"/Assessor/Enrolments/{app.A.EnrolmentId}/OffTheJob";
        var employerPage = $"/Employer/Apprentices/{app.A.EnrolmentId}/OffTheJob";

        using var otherCentreAssessor = await app.SignedInAsync(app.B.Assessor);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCentreAssessor.GetAsync(assessorPage)).StatusCode);
        using var otherEmployer = await app.SignedInAsync(app.B.Employer);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEmployer.GetAsync(employerPage)).StatusCode);
        using var otherAssessor = await app.SignedInAsync(app.A.OtherAssessor);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAssessor.GetAsync(assessorPage)).StatusCode);
        // A candidate who is no apprentice has no log.
        using var otherCandidate = await app.SignedInAsync(app.A.OtherCandidate);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCandidate.GetAsync(Page)).StatusCode);

        using var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync(employerPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync(assessorPage)).StatusCode);
        using var lineManager = await app.SignedInAsync(app.A.Employer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lineManager.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lineManager.GetAsync(assessorPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lineManager.GetAsync(employerPage)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_entry_shows_the_KSBs_it_is_mapped_to_now_to_the_apprentice_the_assessor_and_the_line_manager(DatabaseProvider provider)
    {
        // The seed's apprenticeship is on the sample standard SAMPLE-CS3 and starts today.
        using var app = await new AttestFactory(provider).SeedAsync();
        var today = Today(app);
        using var candidate = await app.SignedInAsync(app.A.Candidate);
        List<KeyValuePair<string, string>> Mapped(string hours, string learnt, params string[] codes) =>
            [.. Activity(today, hours, learnt: learnt), .. codes.Select(c => new KeyValuePair<string, string>("Input.Ksbs", c))];
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, Mapped("2", "Complaints workshop.", "S1", "K6"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, Mapped("1", "Owning a request.", "B1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, Mapped("1.5", "Reading the booking system guide."))).StatusCode);

        // The apprentice takes back the mapping to B1: the log shows what the entries are mapped to now.
        var coverage = $"/Tracking/Enrolments/{app.A.EnrolmentId}/Ksbs";
        Guid b1;
        await using (var db = app.Db(app.A.Id))
        {
            b1 = await db.RecordKsbMappings.Where(m => m.KsbCode == "B1").Select(m => m.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"{coverage}?handler=Withdraw&mappingId={b1}", new() { ["Reason"] = "Mapped in error." }, tokenFrom: coverage)).StatusCode);

        using var assessor = await app.SignedInAsync(app.A.Assessor);
        using var lineManager = await app.SignedInAsync(app.A.Employer);
        foreach (var (client, page) in new[] { (candidate, Page), (assessor, $"/Assessor/Enrolments/{app.A.EnrolmentId}/OffTheJob"), (lineManager, $"/Employer/Apprentices/{app.A.EnrolmentId}/OffTheJob") })
        {
            var log = WebUtility.HtmlDecode(await client.GetStringAsync(page));
            // In the standard's order (knowledge before skills), inside the activity's cell: the table keeps its columns for a phone.
            Assert.Matches("Complaints workshop\\.\\s*<br><span class=\"govuk-body-s\">KSBs: K6, S1</span>", log);
            Assert.Equal(1, Regex.Count(log, "KSBs: "));
            Assert.DoesNotContain("KSBs: B1", log, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_withdrawal_opens_that_entrys_form_where_the_error_summary_links(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var today = Today(app);
        using var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, Activity(today, "2"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Page, Activity(today, "1", "mentoring"))).StatusCode);
        Guid refusedId;
        await using (var db = app.Db(app.A.Id))
        {
            refusedId = await db.OffTheJobActivities.Where(a => a.ActivityType == "mentoring").Select(a => a.Id).SingleAsync();
        }

        var response = await candidate.PostFormAsync(Page + "?handler=Withdraw", new() { ["activityId"] = refusedId.ToString(), ["Reason"] = " " }, tokenFrom: Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("href=\"#Reason\">Say why the activity comes out of the log", page, StringComparison.Ordinal);
        // The link's target is the refused entry's field, with the message and the error style; the other entry's form is as it was.
        var field = Regex.Match(page, "<input [^>]*id=\"Reason\"[^>]*>");
        Assert.True(field.Success, "no field with the id the error summary links to");
        Assert.Contains("govuk-input--error", field.Value, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Reason-error\"", field.Value, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(page, "id=\"Reason\""));
        var form = page[page.LastIndexOf("<form", page.IndexOf("id=\"Reason\"", StringComparison.Ordinal), StringComparison.Ordinal)..page.IndexOf("id=\"Reason\"", StringComparison.Ordinal)];
        Assert.Contains($"value=\"{refusedId}\"", form, StringComparison.Ordinal);
        Assert.Contains("<p class=\"govuk-error-message\" id=\"Reason-error\"><span class=\"govuk-visually-hidden\">Error:</span> Say why the activity comes out of the log", page, StringComparison.Ordinal);
        Assert.Contains("<details class=\"govuk-details\" open=\"open\">", page, StringComparison.Ordinal);

        // An entry not in the apprentice's log is not theirs to take out.
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.PostFormAsync(Page + "?handler=Withdraw", new() { ["activityId"] = Guid.NewGuid().ToString(), ["Reason"] = "Mine?" }, tokenFrom: Page)).StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(0, await db.OffTheJobWithdrawals.CountAsync());
        }
    }
}
