using System.Net;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>Issue 5: "An IQA disagreement reopens the decision and blocks the claim until resolved."</summary>
public class IqaReviewTests
{
    internal const string Feedback = "C3 1.1: E002 shows one problem only; the justification does not say what the candidate did to identify it, so 1.1 is not yet shown.";

    internal static List<KeyValuePair<string, string>> Review(string? disagreeOn, string feedback, string? actions, bool acceptWarnings = false)
    {
        var form = new List<KeyValuePair<string, string>>();
        var criteria = C3Portfolio.Unit.Criteria.Select(c => c.Ref).ToList();
        for (var i = 0; i < criteria.Count; i++)
        {
            form.Add(new($"Input.Findings[{i}].CriterionRef", criteria[i]));
            form.Add(new($"Input.Findings[{i}].Agrees", criteria[i] == disagreeOn ? "false" : "true"));
            form.Add(new($"Input.Findings[{i}].Comment", criteria[i] == disagreeOn ? "The evidence shows the problem solved, not how it was identified." : ""));
        }

        form.Add(new("Input.Feedback", feedback));
        if (actions is not null)
        {
            form.Add(new("Input.Actions", actions));
        }

        if (acceptWarnings)
        {
            form.Add(new("Input.AcceptFeedbackWarnings", "true"));
        }

        return form;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_IQA_disagreement_reopens_the_signed_off_unit_and_blocks_its_claim_until_a_later_review_agrees(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        await C3Portfolio.CountersignAsync(app, app.A);
        var iqa = await app.SignedInAsync(app.A.Iqa);
        var review = $"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3";
        Assert.Contains($"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3", await iqa.GetStringAsync("/Iqa"), StringComparison.Ordinal); // awaiting summative review

        var noActions = await iqa.PostFormAsync(review, Review("1.1", Feedback, actions: null));
        Assert.Contains("Record the actions the assessor must take", await noActions.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var thin = await iqa.PostFormAsync(review, Review("1.1", "Not enough.", "Look again."));
        Assert.Contains("Check your feedback before recording it (OCR Moderators' report 2019 series, Customer Service:", AwardingBodyWordingTests.AssertNoSeed(await thin.Content.ReadAsStringAsync(), "the IQA's warned review"), StringComparison.Ordinal);
        var disagreed = await iqa.PostFormAsync(review, Review("1.1", Feedback, "Re-examine C3 1.1 with the candidate and record how the problem was identified."));
        Assert.Equal(HttpStatusCode.Redirect, disagreed.StatusCode);

        // Reopened: the assessor can decide again; the claim is blocked with the IQA's reason.
        await using (var db = app.Db(app.A.Id))
        {
            var current = UnitSignOff.Current(await db.UnitSignOffs.Where(s => s.UnitCode == "C3").ToListAsync())!;
            Assert.Equal((UnitOutcome.Withdrawn, "iqa A"), (current.Outcome, current.AssessorName));
            Assert.Contains("Reopened by the IQA's disagreement (review 1)", current.Notes, StringComparison.Ordinal);
            Assert.Equal(["Iqa", "Iqa"], await db.LedgerEntries.Where(e => e.SignerName == "iqa A").Select(e => e.SignerRole).ToListAsync());
        }

        var redecided = await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", "1.1", "Met", "E002 page 1: she spotted the repeated late deliveries from the booking log.", "C3 1.1: E002 page 1 now shows how you identified the problem from the booking log.", basedOnRevision: 1);
        Assert.Equal(HttpStatusCode.Redirect, redecided.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        await C3Portfolio.CountersignAsync(app, app.A);
        var admin = await app.SignedInAsync(app.A.Admin);
        var claims = $"/Admin/Claims/{app.A.EnrolmentId}";
        var held = WebUtility.HtmlDecode(await admin.GetStringAsync(claims));
        Assert.Contains("Unit C3: the IQA (iqa A) disagreed on", held, StringComparison.Ordinal);
        Assert.Contains("Re-examine C3 1.1 with the candidate", held, StringComparison.Ordinal);
        var refused = await admin.PostFormAsync(claims, [new("Input.Scope", "Unit"), new("Input.Units", "C3"), new("Input.Confirmed", "true")], tokenFrom: $"/Admin/Claims");
        Assert.Contains("the IQA (iqa A) disagreed", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Re-examine C3 1.1", await iqa.GetStringAsync("/Iqa"), StringComparison.Ordinal); // open disagreement listed

        // A later review agrees: the actions are closed and the unit can be claimed.
        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync(review, Review(null, "C3 1.1 is now justified on E002 page 1 (the booking log); the other criteria stand as before.", null))).StatusCode);
        Assert.Contains("Ready to claim", await admin.GetStringAsync(claims), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(claims, [new("Input.Scope", "Unit"), new("Input.Units", "C3"), new("Input.Confirmed", "true")])).StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal([IqaOutcome.Disagree, IqaOutcome.Agree], await db.IqaReviews.OrderBy(r => r.Sequence).Select(r => r.Outcome).ToListAsync());
            Assert.Equal([IqaStage.Summative, IqaStage.Summative], await db.IqaReviews.OrderBy(r => r.Sequence).Select(r => r.Stage).ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_centres_IQAs_reach_the_review_page(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var review = $"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3";
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(app.A.Iqa)).GetAsync(review)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(app.B.Iqa)).GetAsync(review)).StatusCode);
        foreach (var user in new[] { app.A.Admin, app.A.Assessor, app.A.Eqa, app.A.Candidate })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(user)).GetAsync(review)).StatusCode);
        }
    }
}
