using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// The assessor judges each item per unit (seed 003: "the evidence must always be assessed against the assessment
/// criteria for each unit"), and only accepted evidence, as it was when judged, lets a criterion be met.
/// </summary>
public class EvidenceJudgementTests
{
    private const string Observed = "I watched the candidate take the complaint at the counter and summarise it back; E001 page 1 records it.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_item_is_accepted_for_one_unit_and_not_another_and_the_candidate_sees_why(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var candidate = await app.SignedInAsync(a.Candidate);
        await MapAsync(candidate, a.EvidenceId, a.EnrolmentId, "C3", "1.1");
        await MapAsync(candidate, a.EvidenceId, a.EnrolmentId, "F3", "1.1");
        var assessor = await app.SignedInAsync(a.Assessor);

        await Assess.AcceptAsync(assessor, a.EnrolmentId, "C3", a.EvidenceId, ["1.1"], ["4a"], "WorkProduct");
        var rejected = await Assess.JudgeAsync(assessor, a.EnrolmentId, "F3", a.EvidenceId, [], accepted: false, reason: "It shows one problem, not how you communicate the service offer (F3 1.1).");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        Assert.Contains("Accepted as work product for 1.1; covers requirements 4a", await assessor.GetStringAsync(Assess.UnitUrl(a.EnrolmentId, "C3")), StringComparison.Ordinal);
        var f3 = await candidate.GetStringAsync($"/Candidate/Enrolments/{a.EnrolmentId}/Units/F3");
        Assert.Contains("Not accepted", f3, StringComparison.Ordinal);
        Assert.Contains("It shows one problem, not how you communicate the service offer (F3 1.1).", f3, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Assess.DecideAsync(assessor, a.EnrolmentId, "C3", "1.1", "Met", Observed, "You listened to the whole complaint and checked back what you heard before acting (C3 1.1, E001 page 1).")).StatusCode);
        var refused = await Assess.DecideAsync(assessor, a.EnrolmentId, "F3", "1.1", "Met", Observed, "Well done.");
        Assert.Contains("no evidence is accepted for 1.1 yet", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = app.Db(a.Id);
        Assert.Equal(2, await db.EvidenceAcceptances.CountAsync());
        Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.Kind == "evidence-acceptance"));
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == "criterion-decision"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_judgement_stops_counting_when_the_candidate_changes_the_item(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var candidate = await app.SignedInAsync(a.Candidate);
        await MapAsync(candidate, a.EvidenceId, a.EnrolmentId, "C3", "1.1");
        var assessor = await app.SignedInAsync(a.Assessor);
        await Assess.AcceptAsync(assessor, a.EnrolmentId, "C3", a.EvidenceId, ["1.1"], method: "WorkProduct");

        var edited = await candidate.PostFormAsync($"/Candidate/Evidence/{a.EvidenceId}/Edit", new() { ["Input.Title"] = "Case log, rewritten after judging", ["Input.Context"] = "RealWork" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var page = await assessor.GetStringAsync(Assess.UnitUrl(a.EnrolmentId, "C3"));
        Assert.Contains("Changed since judged", page, StringComparison.Ordinal);
        Assert.Contains("The item has changed since it was judged, so this judgement no longer counts.", page, StringComparison.Ordinal);
        var refused = await Assess.DecideAsync(assessor, a.EnrolmentId, "C3", "1.1", "Met", Observed, "You listened to the whole complaint and checked back what you heard before acting (C3 1.1, E001 page 1).");
        Assert.Contains("no evidence is accepted for 1.1 yet", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Judged again from a stale form: someone else's judgement came first.
        Assert.Equal(HttpStatusCode.Conflict, (await Assess.JudgeAsync(assessor, a.EnrolmentId, "C3", a.EvidenceId, ["1.1"], method: "WorkProduct")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Assess.JudgeAsync(assessor, a.EnrolmentId, "C3", a.EvidenceId, ["1.1"], method: "WorkProduct", basedOnRevision: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Assess.DecideAsync(assessor, a.EnrolmentId, "C3", "1.1", "Met", Observed, "You listened to the whole complaint and checked back what you heard before acting (C3 1.1, E001 page 1).")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_judgement_names_criteria_the_item_is_not_mapped_to_and_requirements_the_unit_lacks(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        await MapAsync(await app.SignedInAsync(a.Candidate), a.EvidenceId, a.EnrolmentId, "C3", "1.1");
        var assessor = await app.SignedInAsync(a.Assessor);

        var response = await Assess.JudgeAsync(assessor, a.EnrolmentId, "C3", a.EvidenceId, ["1.1", "2.4"], ["4f"], "WorkProduct", reason: "");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("E001 is not mapped to 2.4 of unit C3: the candidate maps evidence, the assessor accepts it.", body, StringComparison.Ordinal);
        Assert.Contains("Unit C3 has no evidence requirement 4f.", body, StringComparison.Ordinal);
        Assert.Contains("Say why E001 is valid, authentic and sufficient for these criteria.", body, StringComparison.Ordinal);
        await using var db = app.Db(a.Id);
        Assert.Empty(await db.EvidenceAcceptances.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_assigned_assessor_can_judge_evidence(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        await MapAsync(await app.SignedInAsync(a.Candidate), a.EvidenceId, a.EnrolmentId, "C3", "1.1");

        foreach (var (user, expected) in new[] { (a.OtherAssessor, HttpStatusCode.NotFound), (app.B.Assessor, HttpStatusCode.NotFound), (a.Candidate, HttpStatusCode.Forbidden), (a.Iqa, HttpStatusCode.Forbidden) })
        {
            var client = await app.SignedInAsync(user);
            var response = await client.PostFormAsync(Assess.UnitUrl(a.EnrolmentId, "C3") + "?handler=Accept", new()
            {
                ["Judge.ItemId"] = a.EvidenceId.ToString(), ["Judge.Accepted"] = "true", ["Judge.Criteria"] = "1.1", ["Judge.Method"] = "WorkProduct", ["Judge.Reason"] = "x",
            }, tokenFrom: "/Catalogue");
            Assert.True(response.StatusCode == expected, $"{user}: {(int)response.StatusCode}");
        }

        await using var db = app.Db(a.Id);
        Assert.Empty(await db.EvidenceAcceptances.ToListAsync());
    }

    internal static async Task MapAsync(HttpClient candidate, Guid itemId, Guid enrolmentId, string unit, string criterion, string? locator = null)
    {
        var response = await candidate.PostFormAsync($"/Candidate/Evidence/{itemId}", MapFields(enrolmentId, unit, [(criterion, locator)]));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"mapping to {unit} {criterion}: {(int)response.StatusCode}");
    }

    /// <summary>The candidate's mapping form with these criteria of one unit chosen, each with where in the item, and one note.</summary>
    internal static Dictionary<string, string> MapFields(Guid enrolmentId, string unit, IReadOnlyList<(string Criterion, string? Locator)> criteria, string? note = null)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < criteria.Count; i++)
        {
            fields[$"Input.Criteria[{i}].Target"] = $"{enrolmentId:N}|{unit}|{criteria[i].Criterion}";
            fields[$"Input.Criteria[{i}].Chosen"] = "true";
            fields[$"Input.Criteria[{i}].Locator"] = criteria[i].Locator ?? string.Empty;
        }

        if (note is not null)
        {
            fields["Input.Note"] = note;
        }

        return fields;
    }
}
