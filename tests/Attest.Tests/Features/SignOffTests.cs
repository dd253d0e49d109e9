using System.Net;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Qualifications;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Sign-off of a competence unit (seed 004: the assessor signs "an evidence record sheet for that unit"): refused with
/// the specific reason while the evidence is not sufficient, never bypassable, locked afterwards, corrected only by a
/// new signed entry, and countersigned by the candidate.
/// </summary>
public class SignOffTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_C3_portfolio_missing_problem_type_e_is_refused_sign_off_naming_that_requirement(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var pieces = C3Portfolio.Complete();
        pieces[2] = pieces[2] with { Requirements = ["4c", "5d"] };
        var (_, assessor) = await C3Portfolio.BuildAsync(app, pieces);

        var refused = await C3Portfolio.SignOffAsync(assessor, app.A);

        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Unit C3 cannot be signed off until the evidence is sufficient:", body, StringComparison.Ordinal);
        Assert.Contains("Evidence requirement 4e of unit C3 is not covered: &quot;a problem caused by a lack of resources or human error&quot;.", body, StringComparison.Ordinal);
        await AssertNotSignedOffAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_C3_portfolio_from_a_single_occasion_is_refused_sign_off_for_the_period(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var pieces = C3Portfolio.Complete().Select(p => p with { On = new DateOnly(2026, 9, 1), Customer = p.Customer is null ? null : "Customer A" }).ToArray();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, pieces);

        var body = await (await C3Portfolio.SignOffAsync(assessor, app.A)).Content.ReadAsStringAsync();

        Assert.Contains("shows 1 occasion (activity dates) where at least 3 are needed, 1 customer where at least 3 are needed", body, StringComparison.Ordinal);
        Assert.Contains("different customers on different occasions", body, StringComparison.Ordinal);
        await AssertNotSignedOffAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_C3_portfolio_whose_performance_criteria_rest_on_simulation_is_refused_sign_off(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var pieces = C3Portfolio.Complete().Select(p => p.Kind == Core.Portfolios.EvidenceKind.WorkProduct ? p with { Context = EvidenceContext.Simulation } : p).ToArray();
        var ids = await C3Portfolio.AddAsync(app, app.A, pieces);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        foreach (var piece in pieces)
        {
            await Assess.AcceptAsync(assessor, app.A.EnrolmentId, "C3", ids[piece.Reference], piece.Criteria, piece.Requirements, piece.Method);
        }

        var page = await assessor.GetStringAsync(Assess.UnitUrl(app.A.EnrolmentId, "C3"));
        Assert.Contains("simulation is not allowed for performance evidence in this unit", page, StringComparison.Ordinal);
        // Issue 13: the assessor is told at the decision, not first at sign-off.
        var decided = await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", "1.1", "Met", "The logs show the candidate checking what the customer expected.", "C3 1.1: your problem logs show this on page 1 of each, in your own words.");
        Assert.Contains("1.1 cannot be decided met on the evidence accepted for it: C3 1.1 rests on simulation (E002, E003, E004)", WebUtility.HtmlDecode(await decided.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var body = await (await C3Portfolio.SignOffAsync(assessor, app.A)).Content.ReadAsStringAsync();

        Assert.Contains("C3 1.1 rests on simulation (E002, E003, E004), and simulation is not allowed for performance evidence in unit C3.", body, StringComparison.Ordinal);
        await AssertNotSignedOffAsync(app);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_complete_C3_portfolio_signs_off_is_countersigned_and_gives_a_record_sheet_PDF(DatabaseProvider provider)
    {
        ExternalTool.Require("pdftotext", "poppler-utils");
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        var unitUrl = Assess.UnitUrl(app.A.EnrolmentId, "C3");
        Assert.Contains("the unit can be signed off", await assessor.GetStringAsync(unitUrl), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        Assert.Contains("Awaiting the candidate&#x27;s countersignature.", await assessor.GetStringAsync(unitUrl), StringComparison.Ordinal);
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var candidateUnit = $"/Candidate/Enrolments/{app.A.EnrolmentId}/Units/C3";
        var unconfirmed = await candidate.PostFormAsync(candidateUnit + "?handler=Countersign", new(), tokenFrom: candidateUnit);
        Assert.Contains("Confirm the statement to countersign", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(candidateUnit + "?handler=Countersign", new() { ["Countersign.Confirmed"] = "true" }, tokenFrom: candidateUnit)).StatusCode);
        Assert.Contains("Countersigned by candidate A", await candidate.GetStringAsync(candidateUnit), StringComparison.Ordinal);

        var sheet = await candidate.GetAsync($"/Portfolio/{app.A.EnrolmentId}/Units/C3/RecordSheet");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal("application/pdf", sheet.Content.Headers.ContentType!.MediaType);
        var path = Path.Combine(app.DataFolder, "sheet.pdf");
        await File.WriteAllBytesAsync(path, await sheet.Content.ReadAsByteArrayAsync());
        var text = await ExternalTool.PdfTextAsync(path);
        foreach (var expected in new[] { "Evidence record sheet", "Candidate: Cara Centrea", "Unit C3: Resolve customer service problems (M/601/1511)", "1.3 Recognise repeated problems", "4e a problem caused by a lack of resources or human error.: E004", "Assessor: assessor A signed the unit off as competent", "Candidate: candidate A countersigned" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        await using var db = app.Db(app.A.Id);
        var signOff = await db.UnitSignOffs.SingleAsync();
        Assert.Equal(UnitOutcome.Competent, signOff.Outcome);
        Assert.Contains("1.1 Met: E002#", signOff.Record, StringComparison.Ordinal);
        Assert.Equal(["Assessor", "Candidate"], await db.LedgerEntries.Where(e => e.SubjectId == signOff.Id).OrderBy(e => e.Sequence).Select(e => e.SignerRole).ToListAsync());
        Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(app.A.OtherCandidate)).GetAsync($"/Portfolio/{app.A.EnrolmentId}/Units/C3/RecordSheet")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_signed_off_unit_is_locked_until_a_correction_withdraws_the_sign_off(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (ids, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        var unitUrl = Assess.UnitUrl(app.A.EnrolmentId, "C3");

        var decision = await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", "1.1", "NotYetMet", "On reflection the log is thin.", "C3 1.1: the log of the first problem does not show what the customer said or how you checked it back.", basedOnRevision: 1);
        Assert.Contains("Unit C3 was signed off by assessor A", await decision.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var edit = await candidate.PostFormAsync($"/Candidate/Evidence/{ids["E002"]}/Edit", new() { ["Input.Title"] = "Rewritten", ["Input.Context"] = "RealWork", ["Input.Body"] = "New words." });
        Assert.Contains("E002 is part of the signed-off unit C3 and can no longer be changed.", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noReason = await assessor.PostFormAsync(unitUrl + "?handler=Withdraw", new() { ["SignOff.Reason"] = " " }, tokenFrom: unitUrl);
        Assert.Contains("Say why the sign-off is withdrawn", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withdrawn = await assessor.PostFormAsync(unitUrl + "?handler=Withdraw", new() { ["SignOff.Reason"] = "E004 is from a work placement the centre had not approved; re-assess with a real-work problem." }, tokenFrom: unitUrl);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var page = await assessor.GetStringAsync(unitUrl);
        Assert.Contains("2. Withdrawn by assessor A", page, StringComparison.Ordinal);
        Assert.Contains("(withdraws entry 1): E004 is from a work placement", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", "1.1", "NotYetMet", "On reflection the log is thin.", "C3 1.1: the log of the first problem does not show what the customer said or how you checked it back.", basedOnRevision: 1)).StatusCode);

        await using var db = app.Db(app.A.Id);
        var entries = await db.UnitSignOffs.OrderBy(s => s.Sequence).ToListAsync();
        Assert.Equal([UnitOutcome.Competent, UnitOutcome.Withdrawn], entries.Select(e => e.Outcome));
        Assert.Equal(entries[0].Id, entries[1].WithdrawsId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_double_clicked_sign_off_signs_once_and_the_second_click_gets_409(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        var unitUrl = Assess.UnitUrl(app.A.EnrolmentId, "C3");
        var token = await assessor.AntiforgeryTokenAsync(unitUrl);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => assessor.PostAsync(unitUrl + "?handler=SignOff",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["SignOff.Confirmed"] = "true" }))));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], clicks.Select(c => c.StatusCode).Order());
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.UnitSignOffs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Not_yet_competent_returns_the_candidate_to_planning_with_the_actions_agreed(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var unitUrl = Assess.UnitUrl(app.A.EnrolmentId, "C3");
        var noActions = await assessor.PostFormAsync(unitUrl + "?handler=NotYetCompetent", new() { ["SignOff.Actions"] = "" }, tokenFrom: unitUrl);
        Assert.Contains("Record the actions agreed with the candidate", await noActions.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var recorded = await assessor.PostFormAsync(unitUrl + "?handler=NotYetCompetent", new() { ["SignOff.Actions"] = "Collect a problem caused by a system failure (4d) at the October stocktake; I will observe it." }, tokenFrom: unitUrl);

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var candidatePage = await (await app.SignedInAsync(app.A.Candidate)).GetStringAsync($"/Candidate/Enrolments/{app.A.EnrolmentId}/Units/C3");
        Assert.Contains("Not yet competent", candidatePage, StringComparison.Ordinal);
        Assert.Contains("Collect a problem caused by a system failure (4d) at the October stocktake", candidatePage, StringComparison.Ordinal);
        Assert.Contains("not yet competent", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);
    }

    private static async Task AssertNotSignedOffAsync(AttestFactory app)
    {
        await using var db = app.Db(app.A.Id);
        Assert.Empty(await db.UnitSignOffs.ToListAsync());
    }
}
