using System.Net;
using System.Text.Json;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 13: progress counted what sign-off refuses. OCR unit C3 of 03456 does not allow simulation for performance evidence
/// (NVQ unit specification, evidence requirement 1: "Simulation is not allowed for any performance evidence within this
/// unit"), yet evidence marked simulation could be accepted and 1.1 decided met; the candidate's home page and the API then
/// said met and only sign-off refused. Now the assessor is told at the decision, and every view counts a criterion as met
/// only where sign-off would accept it, from one function.
/// </summary>
public class CriterionStandingTests
{
    private const string Justification = "Observed at the desk: the candidate listened to the complaint and repeated it back.";

    private const string Feedback = "C3 1.1: you checked the customer's expectations before offering anything, as the criterion asks.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mapping_the_assessor_withdraws_after_judging_stops_counting_and_the_withdrawal_is_signed(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var token = await ApiTests.IssueTokenAsync(app, app.A);
        using var api = ApiTests.Client(app, token);
        var real = await AddRecordAsync(app, candidate, "The complaint at the desk", "RealWork");
        await EvidenceJudgementTests.MapAsync(candidate, real, app.A.EnrolmentId, "C3", "1.1");
        var page = $"/Evidence/{real}";
        Guid mapping;
        await using (var db = app.Db(app.A.Id))
        {
            mapping = await db.EvidenceMappings.Where(m => m.EvidenceItemId == real).Select(m => m.Id).SingleAsync();
        }

        var withdraw = $"{page}?handler=Withdraw&mappingId={mapping}";
        // Not judged yet: the candidate may still change it, so there is nothing for the assessor to withdraw.
        Assert.Contains("is not judged for unit C3 yet", WebUtility.HtmlDecode(await (await assessor.PostFormAsync(withdraw, new() { ["Reason"] = "x" }, tokenFrom: page)).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await Assess.AcceptAsync(assessor, app.A.EnrolmentId, "C3", real, ["1.1"], method: "WorkProduct");
        Assert.Equal(HttpStatusCode.Redirect, (await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", "1.1", "Met", Justification, Feedback)).StatusCode);
        Assert.Equal("1 of 21 criteria met", await C3SummaryAsync(api, app));
        Assert.Contains("Withdraw this mapping", await assessor.GetStringAsync(page), StringComparison.Ordinal);

        // A reason is required; then the mapping stops counting on every view, and the page says why.
        var noReason = WebUtility.HtmlDecode(await (await assessor.PostFormAsync(withdraw, new() { ["Reason"] = " " }, tokenFrom: page)).Content.ReadAsStringAsync());
        Assert.Contains("Enter why", noReason, StringComparison.Ordinal);
        Assert.Equal("1 of 21 criteria met", await C3SummaryAsync(api, app));
        const string Why = "Read again, the account shows the complaint but not the customer's expectations being checked.";
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync(withdraw, new() { ["Reason"] = Why }, tokenFrom: page)).StatusCode);
        Assert.Equal("0 of 21 criteria met", await C3SummaryAsync(api, app));
        var shown = WebUtility.HtmlDecode(await assessor.GetStringAsync(page));
        Assert.Contains("Withdrawn", shown, StringComparison.Ordinal);
        Assert.Contains(Why, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdraw this mapping", shown, StringComparison.Ordinal);
        var toCandidate = WebUtility.HtmlDecode(await candidate.GetStringAsync($"/Candidate/Evidence/{real}"));
        Assert.Contains("Withdrawn by your assessor", toCandidate, StringComparison.Ordinal);
        Assert.Contains(Why, toCandidate, StringComparison.Ordinal);
        // Withdrawn already, its form is gone: the refusal is the page's, with no link to a field that is not there.
        var again = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await assessor.PostFormAsync(withdraw, new() { ["Reason"] = Why }, tokenFrom: page)).Content.ReadAsStringAsync());
        Assert.Contains("already withdrawn", again.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(again.QuerySelectorAll(".govuk-error-summary a"));

        // Signed into the ledger, which verifies; another centre's assessor and the candidate cannot withdraw.
        var (exit, output) = await app.CliAsync("ledger", "verify");
        Assert.True(exit == 0, output);
        await using (var db = app.Db(app.A.Id))
        {
            var withdrawal = await db.MappingWithdrawals.SingleAsync();
            Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == Attest.Core.Portfolios.MappingWithdrawal.Kind && e.SubjectId == withdrawal.Id));
        }

        var other = await app.SignedInAsync(app.B.Assessor);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync(withdraw, new() { ["Reason"] = Why }, tokenFrom: "/Assessor")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.PostFormAsync(withdraw, new() { ["Reason"] = Why }, tokenFrom: "/Candidate")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_met_decision_counts_only_on_evidence_sign_off_accepts_on_every_view(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var token = await ApiTests.IssueTokenAsync(app, app.A);
        using var api = ApiTests.Client(app, token);
        var simulated = await AddRecordAsync(app, candidate, "Role play of a complaint", "Simulation");
        await EvidenceJudgementTests.MapAsync(candidate, simulated, app.A.EnrolmentId, "C3", "1.1");
        await Assess.AcceptAsync(assessor, app.A.EnrolmentId, "C3", simulated, ["1.1"], method: "WorkProduct");

        // Told at the decision: a "met" that sign-off would not accept is refused with the reason, and nothing is recorded.
        var refused = await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", "1.1", "Met", Justification, Feedback);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("1.1 cannot be decided met on the evidence accepted for it: C3 1.1 rests on simulation", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("0 of 21 criteria met", await C3SummaryAsync(api, app));

        // On real work the decision stands and counts everywhere.
        var real = await AddRecordAsync(app, candidate, "The complaint at the desk", "RealWork");
        await EvidenceJudgementTests.MapAsync(candidate, real, app.A.EnrolmentId, "C3", "1.1");
        await Assess.AcceptAsync(assessor, app.A.EnrolmentId, "C3", real, ["1.1"], method: "WorkProduct");
        Assert.Equal(HttpStatusCode.Redirect, (await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", "1.1", "Met", Justification, Feedback)).StatusCode);
        Assert.Equal("1 of 21 criteria met", await C3SummaryAsync(api, app));
        Assert.Contains("1 of 21 criteria met", await candidate.GetStringAsync("/Candidate"), StringComparison.Ordinal);

        // The real-work item is judged again, not accepted: the decision stays on record but no longer counts on any view.
        var rejudged = await Assess.JudgeAsync(assessor, app.A.EnrolmentId, "C3", real, ["1.1"], accepted: false, reason: "On a second look this account is not the candidate's own work.", basedOnRevision: 1);
        Assert.Equal(HttpStatusCode.Redirect, rejudged.StatusCode);
        Assert.Equal("0 of 21 criteria met", await C3SummaryAsync(api, app));
        var progress = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/enrolments/{app.A.EnrolmentId}/progress")).RootElement;
        var criterion = progress.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "C3")
            .GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("ref").GetString() == "1.1");
        Assert.Equal("not-yet-met", criterion.GetProperty("status").GetString());
        Assert.StartsWith("C3 1.1 rests on simulation (E002), and simulation is not allowed for performance evidence in unit C3.", criterion.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var home = WebUtility.HtmlDecode(await candidate.GetStringAsync("/Candidate"));
        Assert.Contains("0 of 21 criteria met", home, StringComparison.Ordinal);
        Assert.Contains("Decided met, but it does not count yet", WebUtility.HtmlDecode(await candidate.GetStringAsync($"/Candidate/Enrolments/{app.A.EnrolmentId}/Units/C3")), StringComparison.Ordinal);
        Assert.DoesNotContain("1 of 21 criteria met", WebUtility.HtmlDecode(await assessor.GetStringAsync("/Assessor")), StringComparison.Ordinal);
    }

    internal static async Task<Guid> AddRecordAsync(AttestFactory app, HttpClient candidate, string title, string context)
    {
        var added = await candidate.PostFormAsync("/Candidate/Evidence/Add?kind=HeldElsewhere", new()
        {
            ["Input.Title"] = title, ["Input.HeldAt"] = "Complaints file, front office", ["Input.HeldBy"] = "Sam Lee, team leader",
            ["Input.ActivityFrom"] = "2026-11-02", ["Input.Context"] = context, ["Input.CustomerLabel"] = "Customer A",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return Guid.Parse(added.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0]);
    }

    private static async Task<string> C3SummaryAsync(HttpClient api, AttestFactory app)
    {
        var progress = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/enrolments/{app.A.EnrolmentId}/progress")).RootElement;
        var c3 = progress.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "C3");
        return $"{c3.GetProperty("criteriaMet").GetInt32()} of {c3.GetProperty("criteriaTotal").GetInt32()} criteria met";
    }
}
