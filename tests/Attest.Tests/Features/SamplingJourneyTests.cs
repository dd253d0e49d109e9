using System.Net;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>Sampling plans through the pages: staff standing, the lead IQA's strategy, a generated and explained plan, adjustments, and claims that wait for summative samples.</summary>
public class SamplingJourneyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_lead_IQA_sets_the_strategy_makes_an_explained_plan_adjusts_it_and_a_sampled_unit_waits_for_its_review_before_a_claim(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        await C3Portfolio.CountersignAsync(app, app.A);
        var admin = await app.SignedInAsync(app.A.Admin);
        var iqa = await app.SignedInAsync(app.A.Iqa);
        var strategyUrl = "/Iqa/Sampling/Strategy?qualification=03456";
        Assert.Equal(HttpStatusCode.Forbidden, (await iqa.GetAsync(strategyUrl)).StatusCode); // not lead yet

        Guid iqaId, assessorId;
        await using (var db = app.Db(app.A.Id))
        {
            iqaId = (await db.Users.SingleAsync(u => u.Email == app.A.Iqa)).Id;
            assessorId = (await db.Users.SingleAsync(u => u.Email == app.A.Assessor)).Id;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Staff/{iqaId}?handler=Roles", new() { ["Input.Roles"] = "Iqa", ["Input.LeadIqa"] = "true" }, tokenFrom: $"/Admin/Staff/{iqaId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Staff/{assessorId}?handler=Roles", new() { ["Input.Roles"] = "Assessor", ["Standing"] = "New" }, tokenFrom: $"/Admin/Staff/{assessorId}")).StatusCode);
        // A role change ends the person's sessions, so the IQA signs in again to act as lead.
        iqa = await app.SignedInAsync(app.A.Iqa);

        var strategy = new Dictionary<string, string>
        {
            ["Strategy.CandidatePercent"] = "30", ["Strategy.UnitPercent"] = "0", ["Strategy.NewAssessorPercent"] = "100", ["Strategy.RiskPercent"] = "60",
            ["Strategy.RiskDisagreements"] = "1", ["Strategy.RiskWindowDays"] = "90",
        };
        var refused = await iqa.PostFormAsync(strategyUrl, strategy);
        Assert.Contains("The share of each sampled candidate&#x27;s units must be between 1 and 100 per cent", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        strategy["Strategy.UnitPercent"] = "40";
        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync(strategyUrl, strategy)).StatusCode);
        Assert.Contains("30% of each assessor&#x27;s candidates, 40% of each sampled candidate&#x27;s units", await iqa.GetStringAsync("/Iqa/Sampling"), StringComparison.Ordinal);

        // A broken rule shows beside its field, not only in the summary.
        var backwards = await iqa.PostFormAsync("/Iqa/Sampling", new() { ["Input.QualificationCode"] = "03456", ["Input.From"] = "2026-11-01", ["Input.To"] = "2026-10-01" });
        Assert.Contains("<p id=\"Input_To-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> The period must end on or after the day it starts</p>",
            await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Dictionary<Guid, Guid> stampsBefore;
        await using (var db = app.Db(app.A.Id))
        {
            stampsBefore = await db.Enrolments.ToDictionaryAsync(e => e.Id, e => e.ProgressStamp);
        }

        var made = await iqa.PostFormAsync("/Iqa/Sampling", new() { ["Input.QualificationCode"] = "03456", ["Input.From"] = "2020-01-01", ["Input.To"] = "2099-12-31" });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        // Sampling looks at the learners' work and changes none of it: their kept standings stay current, not worked out again.
        await using (var db = app.Db(app.A.Id))
        {
            Assert.NotEmpty(await db.SamplePicks.ToListAsync());
            Assert.Equal(stampsBefore, await db.Enrolments.ToDictionaryAsync(e => e.Id, e => e.ProgressStamp));
        }
        var planUrl = made.Headers.Location!.OriginalString;
        var plan = WebUtility.HtmlDecode(await iqa.GetStringAsync(planUrl));
        Assert.Matches(@"<td class=""govuk-table__cell"">assessor A</td>\s*<td class=""govuk-table__cell"">100% \(a new assessor\)</td>\s*<td class=""govuk-table__cell govuk-table__cell--numeric"">1 of 1</td>", plan);
        Assert.Contains("100% of assessor A's candidates (a new assessor); 40% of the candidate's units.", plan, StringComparison.Ordinal);
        Assert.Contains("Summative: signed off by assessor A on", plan, StringComparison.Ordinal);
        Assert.Contains("Unit F3 has no assessment decisions in the period: nothing to sample yet.", plan, StringComparison.Ordinal);

        SamplePick pick;
        await using (var db = app.Db(app.A.Id))
        {
            pick = await db.SamplePicks.SingleAsync(p => p.UnitCode == "C3");
            Assert.Equal(IqaStage.Summative, pick.Stage);
        }

        var noReason = await iqa.PostFormAsync(planUrl + "?handler=Remove", new() { ["Adjust.PickId"] = pick.Id.ToString(), ["Adjust.Reason"] = "" }, tokenFrom: planUrl);
        Assert.Contains("Say why this unit is taken out of the sample", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Adjust_Reason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal); // not beside the add form's reason
        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync(planUrl + "?handler=Remove", new() { ["Adjust.PickId"] = pick.Id.ToString(), ["Adjust.Reason"] = "Sampled last month at standardisation." }, tokenFrom: planUrl)).StatusCode);
        Assert.Contains("Taken out by iqa A", await iqa.GetStringAsync(planUrl), StringComparison.Ordinal);
        // The lead IQA finds the learner whose unit to add: only that search's units are offered, never the whole population.
        Assert.DoesNotContain("id=\"Adjust_Unit\"", await iqa.GetStringAsync(planUrl), StringComparison.Ordinal);
        Assert.Contains("No learner matching “Otto”", WebUtility.HtmlDecode(await iqa.GetStringAsync(planUrl + "?add=Otto")), StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{app.A.EnrolmentId:N}|C3\">Cara", await iqa.GetStringAsync(planUrl + "?add=Cara"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync(planUrl + "?handler=Add", new() { ["Adjust.Unit"] = $"{app.A.EnrolmentId:N}|C3", ["Adjust.Reason"] = "A new assessor's first sign-off." }, tokenFrom: planUrl)).StatusCode);
        Assert.Contains("Added by the lead IQA, iqa A: A new assessor&#x27;s first sign-off.", await iqa.GetStringAsync(planUrl), StringComparison.Ordinal);
        Assert.Contains("1 unit in the sample; 1 taken out.", await iqa.GetStringAsync(planUrl), StringComparison.Ordinal);
        var again = await iqa.PostFormAsync(planUrl + "?handler=Add", new() { ["Adjust.Unit"] = $"{app.A.EnrolmentId:N}|C3", ["Adjust.Reason"] = "Twice." }, tokenFrom: planUrl);
        Assert.Contains("Choose a unit assessed in the period and not already in the sample", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The picks are filtered by learner and assessor.
        Assert.DoesNotContain("id=\"picks\"", await iqa.GetStringAsync(planUrl + "?q=Otto"), StringComparison.Ordinal);
        Assert.Contains("id=\"picks\"", await iqa.GetStringAsync($"{planUrl}?q=Cara&assessor={assessorId}"), StringComparison.Ordinal);

        // The centre's policy: a unit in a summative sample is claimed only after its review agrees.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Settings", new() { ["FeedbackMinWords"] = "15", ["RetentionYears"] = "3", ["ReworkLimit"] = "1", ["ClaimsWaitForSummativeSample"] = "true" })).StatusCode);
        var claims = $"/Admin/Claims/{app.A.EnrolmentId}";
        Assert.Contains("Unit C3 is in a summative IQA sample and waits for the review of its sign-off", await admin.GetStringAsync(claims), StringComparison.Ordinal);
        var review = new List<KeyValuePair<string, string>>();
        var criteria = C3Portfolio.Unit.Criteria.Select(c => c.Ref).ToList();
        for (var i = 0; i < criteria.Count; i++)
        {
            review.Add(new($"Input.Findings[{i}].CriterionRef", criteria[i]));
            review.Add(new($"Input.Findings[{i}].Agrees", "true"));
        }

        review.Add(new("Input.Feedback", "C3: every criterion soundly judged on E002 to E005; the justifications name the pages and the customers."));
        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync($"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3", review)).StatusCode);
        Assert.Contains("Ready to claim", await admin.GetStringAsync(claims), StringComparison.Ordinal);
        Assert.Contains("Agreed", await iqa.GetStringAsync(planUrl), StringComparison.Ordinal);

        // Issue 13: a plan made minutes after a unit's review showed it "Not yet reviewed".
        var later = await iqa.PostFormAsync("/Iqa/Sampling", new() { ["Input.QualificationCode"] = "03456", ["Input.From"] = "2020-01-01", ["Input.To"] = "2099-12-31" });
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        var laterPlan = await iqa.GetStringAsync(later.Headers.Location!.OriginalString);
        Assert.Contains("Agreed", laterPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet reviewed", laterPlan, StringComparison.Ordinal);

        // Nobody else's: centre B's IQA, and an assessor.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(app.B.Iqa)).GetAsync(planUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync(planUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(app.A.Iqa)).GetAsync("/Admin/Staff")).StatusCode);
    }
}
