using System.Globalization;
using System.Net;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>The administrator records a break in learning, a return and a withdrawal through the page; each is signed and changes what the learner's pages and claims say.</summary>
public class BreaksAndWithdrawalTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_break_pauses_the_forecast_a_return_resumes_it_and_a_withdrawal_stops_claims_each_signed_into_the_ledger(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var page = $"/Admin/Enrolments/{app.A.EnrolmentId}/Status";
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, Act("BreakStarted", day, "Long-term illness, agreed at review"))).StatusCode);
        var onBreak = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains($"Recorded and signed: Break in learning from {today:d MMMM yyyy}.", onBreak, StringComparison.Ordinal);
        Assert.Contains($"On a break in learning since {today:d MMMM yyyy}", onBreak, StringComparison.Ordinal);
        Assert.Contains("Return from the break", onBreak, StringComparison.Ordinal);
        Assert.DoesNotContain("Start a break in learning", onBreak, StringComparison.Ordinal);
        var learner = await app.SignedInAsync(app.A.Candidate);
        Assert.Contains("On a break in learning since", WebUtility.HtmlDecode(await learner.GetStringAsync("/Candidate")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, Act("Resumed", day, "Back; review held"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, Act("Withdrawn", day, "Moved away; not returning"))).StatusCode);

        var withdrawn = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains($"Withdrawn on {today:d MMMM yyyy}", withdrawn, StringComparison.Ordinal);
        Assert.Contains("nothing more can be recorded on it", withdrawn, StringComparison.Ordinal);
        Assert.Contains("withdrew on", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Claims/{app.A.EnrolmentId}")), StringComparison.Ordinal);
        var late = await admin.PostFormAsync(page, Act("BreakStarted", day, "Illness"));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("nothing more can be recorded on this enrolment", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await using var db = app.Db(app.A.Id);
        var changes = await db.EnrolmentStatusChanges.Where(c => c.EnrolmentId == app.A.EnrolmentId).OrderBy(c => c.RecordedAt).ToListAsync();
        Assert.Equal([EnrolmentAct.BreakStarted, EnrolmentAct.Resumed, EnrolmentAct.Withdrawn], changes.Select(c => c.Act));
        Assert.Equal(3, await db.LedgerEntries.CountAsync(e => e.Kind == EnrolmentStatusChange.Kind && e.SignerName == "admin A"));
        Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_act_names_its_fields_keeps_what_was_typed_and_records_nothing_and_only_the_centres_administrator_may_record_one(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var page = $"/Admin/Enrolments/{app.A.EnrolmentId}/Status";

        var noChoice = WebUtility.HtmlDecode(await (await admin.PostFormAsync(page, Act("", "", "Typed reason"))).Content.ReadAsStringAsync());
        Assert.Contains("href=\"#Input_Act\"", noChoice, StringComparison.Ordinal);
        Assert.Contains("Typed reason", noChoice, StringComparison.Ordinal);
        var future = WebUtility.HtmlDecode(await (await admin.PostFormAsync(page, Act("Withdrawn", "2099-01-01", ""))).Content.ReadAsStringAsync());
        Assert.Contains("href=\"#Input_On\"", future, StringComparison.Ordinal);
        Assert.Contains("cannot be after today", future, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Reason\"", future, StringComparison.Ordinal);

        var otherAdmin = await app.SignedInAsync(app.B.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostFormAsync(page, Act("Withdrawn", "2026-10-01", "x"), tokenFrom: "/Admin/Candidates/Register")).StatusCode);
        foreach (var user in new[] { app.A.Assessor, app.A.Iqa, app.A.Eqa, app.A.Candidate })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(user)).GetAsync(page)).StatusCode);
        }

        await using var db = app.Db(app.A.Id);
        Assert.Empty(await db.EnrolmentStatusChanges.ToListAsync());
        Assert.Equal("Enrolled", (await db.Enrolments.SingleAsync(e => e.Id == app.A.EnrolmentId)).Status);
    }

    private static Dictionary<string, string> Act(string act, string on, string reason) => new() { ["Input.Act"] = act, ["Input.On"] = on, ["Input.Reason"] = reason };
}
