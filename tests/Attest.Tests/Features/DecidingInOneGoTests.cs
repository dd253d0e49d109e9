using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 14, "Deciding in one go": deciding OCR unit C3's 21 criteria took 21 form posts. The unit page is now one form: each
/// criterion Met, Not yet met or no decision now, with its own justification and feedback or the shared ones. The rules run on
/// the whole batch, each reason and warning shows beside its criterion with the words typed kept, and the decisions are kept
/// all together, each its own signed ledger entry, or not at all.
/// </summary>
public class DecidingInOneGoTests
{
    private const string SharedJustification = "Problem logs E002, E003 and E004 and reflective account E005, accepted for C3, show each criterion in the candidate's own work.";

    private const string SharedFeedback = "C3: your problem logs E002, E003 and E004 show how you identified, solved and checked each problem with the customer, in your own words.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task All_21_criteria_of_C3_are_decided_in_one_post_each_its_own_signed_ledger_entry(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var pieces = C3Portfolio.Complete();
        var ids = await C3Portfolio.AddAsync(app, app.A, pieces);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        foreach (var piece in pieces)
        {
            await Assess.AcceptAsync(assessor, app.A.EnrolmentId, "C3", ids[piece.Reference], piece.Criteria, piece.Requirements, piece.Method);
        }

        // The form as the page renders it: every criterion, each at "No decision now" until chosen.
        var url = Assess.UnitUrl(app.A.EnrolmentId, "C3");
        var form = (IHtmlFormElement)new HtmlParser().ParseDocument(await assessor.GetStringAsync(url)).QuerySelector("form#decisions")!;
        var fields = Sent(form);
        var outcomes = fields.Where(f => f.Key.EndsWith(".Outcome", StringComparison.Ordinal)).ToList();
        Assert.Equal(21, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(string.Empty, o.Value));
        var filled = fields.Select(f => f.Key switch
        {
            var k when k.EndsWith(".Outcome", StringComparison.Ordinal) => KeyValuePair.Create(k, "Met"),
            "Shared.Justification" => KeyValuePair.Create(f.Key, SharedJustification),
            "Shared.Feedback" => KeyValuePair.Create(f.Key, SharedFeedback),
            _ => f,
        }).ToList();
        // 2.3 has its own words; the other twenty take the shared ones.
        var own = filled.FindIndex(f => f.Value == "2.3");
        var index = filled[own].Key.Split('.')[0];
        filled.RemoveAll(f => f.Key == index + ".Justification" || f.Key == index + ".Feedback");
        filled.Add(new(index + ".Justification", "E003 page 1: the guest was asked to confirm the new room met her needs."));
        filled.Add(new(index + ".Feedback", "C3 2.3: in E003 you checked with the guest that the new room suited her before closing the problem."));

        var posted = await assessor.PostAsync(url, new FormUrlEncodedContent(filled));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("21 of 21 criteria met", await assessor.GetStringAsync(url), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        var decisions = await db.CriterionDecisions.ToListAsync();
        Assert.Equal(C3Portfolio.Unit.Criteria.Select(c => c.Ref).Order(), decisions.Select(d => d.CriterionRef).Order());
        Assert.All(decisions, d => Assert.Equal((DecisionOutcome.Met, 1), (d.Outcome, d.Revision)));
        Assert.Equal("C3 2.3: in E003 you checked with the guest that the new room suited her before closing the problem.", decisions.Single(d => d.CriterionRef == "2.3").Feedback);
        Assert.All(decisions.Where(d => d.CriterionRef != "2.3"), d => Assert.Equal((SharedJustification, SharedFeedback), (d.Justification, d.Feedback)));
        var entries = await db.LedgerEntries.Where(e => e.Kind == CriterionDecision.Kind).ToListAsync();
        Assert.Equal(decisions.Select(d => d.Id).Order(), entries.Select(e => e.SubjectId).Order());
        Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_with_one_met_that_would_not_count_is_refused_whole_with_the_reason_beside_that_criterion(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        // OCR unit C3, evidence requirement 1: "Simulation is not allowed for any performance evidence within this unit".
        var simulated = await CriterionStandingTests.AddRecordAsync(app, candidate, "Role play of a complaint", "Simulation");
        await EvidenceJudgementTests.MapAsync(candidate, simulated, app.A.EnrolmentId, "C3", "1.1");
        await Assess.AcceptAsync(assessor, app.A.EnrolmentId, "C3", simulated, ["1.1"], method: "WorkProduct");
        const string ownJustification = "At the desk the candidate offered a refund before asking what had gone wrong.";
        var nothingChosen = await Assess.DecideManyAsync(assessor, app.A.EnrolmentId, "C3", [new("1.1", ""), new("1.2", "")], SharedJustification, SharedFeedback);
        Assert.Contains("Choose Met or Not yet met for at least one criterion of unit C3", await nothingChosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var refused = await Assess.DecideManyAsync(assessor, app.A.EnrolmentId, "C3",
            [new("1.1", "Met"), new("1.2", "NotYetMet", ownJustification), new("1.3", "NotYetMet")], SharedJustification, SharedFeedback);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        const string reason = "1.1: 1.1 cannot be decided met on the evidence accepted for it: C3 1.1 rests on simulation";
        Assert.StartsWith(reason, page.QuerySelector("#c-1-1 .govuk-error-message")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        var summaryLink = page.QuerySelectorAll(".govuk-error-summary a").Single();
        Assert.StartsWith(reason, summaryLink.TextContent, StringComparison.Ordinal);
        Assert.Equal("Met", ((IHtmlInputElement)page.GetElementById(summaryLink.GetAttribute("href")![1..])!).Value);
        Assert.Null(page.QuerySelector("#c-1-2 .govuk-error-message"));
        // Everything typed comes back: the outcomes chosen, the criterion's own justification, the shared words.
        Assert.True(((IHtmlInputElement)page.QuerySelector("#c-1-1 input[value=Met]")!).IsChecked);
        Assert.True(((IHtmlInputElement)page.QuerySelector("#c-1-3 input[value=NotYetMet]")!).IsChecked);
        Assert.True(((IHtmlInputElement)page.QuerySelector("#c-1-4 input[value='']")!).IsChecked);
        Assert.Equal(ownJustification, page.QuerySelector("#c-1-2 textarea[name$='.Justification']")!.TextContent);
        Assert.Equal(SharedFeedback, page.QuerySelector("textarea[name='Shared.Feedback']")!.TextContent);
        await using var db = app.Db(app.A.Id);
        Assert.Empty(await db.CriterionDecisions.ToListAsync());
        Assert.Equal(0, await db.LedgerEntries.CountAsync(e => e.Kind == CriterionDecision.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Feedback_that_directs_improvement_comes_back_warned_beside_its_criterion_then_is_recorded_once_read(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        // Cambridge Technicals, on graded work: "Any feedback you give to the learner must not direct them on how to improve their work."
        const string directing = "P1: your information guide (E001) describes the hotel's services, but you should add a section on how complaints are handled.";
        const string shared = "P2 and P3: the information guide (E001) does not yet describe the services for guests with particular needs or the local area.";
        Assess.Decision[] batch = [new("P1", "NotYetMet", "E001 covers rooms and dining only.", directing), new("P2", "NotYetMet"), new("P3", "NotYetMet")];

        var warned = await Assess.DecideManyAsync(assessor, app.A.GradedEnrolmentId, "7", batch, "E001 has no section on these.", shared);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = new HtmlParser().ParseDocument(await warned.Content.ReadAsStringAsync());
        Assert.Contains("Nothing is recorded yet", page.QuerySelector("#decision-warnings")!.TextContent, StringComparison.Ordinal);
        var beside = page.QuerySelector("#c-P1 .attest-feedback-warnings")!.TextContent;
        Assert.Contains("The feedback may tell the learner how to improve (\"you should\", \"add a\")", beside, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#c-P2 .attest-feedback-warnings"));
        Assert.Null(page.QuerySelector("#shared-feedback-warnings"));
        Assert.Equal(directing, page.QuerySelector("#c-P1 textarea[name$='.Feedback']")!.TextContent);
        Assert.Equal(shared, page.QuerySelector("textarea[name='Shared.Feedback']")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='Shared.AcceptFeedbackWarnings']"));
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Empty(await db.CriterionDecisions.ToListAsync());
        }

        var recorded = await Assess.DecideManyAsync(assessor, app.A.GradedEnrolmentId, "7", batch, "E001 has no section on these.", shared, acceptWarnings: true);

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using var check = app.Db(app.A.Id);
        var decisions = await check.CriterionDecisions.ToDictionaryAsync(d => d.CriterionRef);
        Assert.Equal(["P1", "P2", "P3"], decisions.Keys.Order());
        Assert.Contains("\"you should\"", decisions["P1"].FeedbackWarnings, StringComparison.Ordinal);
        Assert.Null(decisions["P2"].FeedbackWarnings);
        Assert.Equal(shared, decisions["P3"].Feedback);
        Assert.Equal(3, await check.LedgerEntries.CountAsync(e => e.Kind == CriterionDecision.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_made_from_a_state_another_decision_has_moved_on_gets_409_and_keeps_none_of_its_decisions(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        Assess.Decision NotYet(string criterion) => new(criterion, "NotYetMet");
        var first = await Assess.DecideManyAsync(assessor, app.A.EnrolmentId, "C3", [NotYet("1.1"), NotYet("1.2")], SharedJustification, SharedFeedback);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // Sent from the page as it was before the first batch: 1.2 was then undecided (revision 0).
        var stale = await Assess.DecideManyAsync(assessor, app.A.EnrolmentId, "C3", [NotYet("1.2"), NotYet("1.3")], SharedJustification, SharedFeedback);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(["1.1", "1.2"], (await db.CriterionDecisions.Select(d => d.CriterionRef).ToListAsync()).Order());
        Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.Kind == CriterionDecision.Kind));
        Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
    }

    /// <summary>What a browser sends for the form as rendered: hidden fields, checked radios and boxes, textareas.</summary>
    private static List<KeyValuePair<string, string>> Sent(IHtmlFormElement form) =>
    [
        .. form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" || (i.Type is "radio" or "checkbox" && i.IsChecked)).Select(i => KeyValuePair.Create(i.Name!, i.Value)),
        .. form.Elements.OfType<IHtmlTextAreaElement>().Select(t => KeyValuePair.Create(t.Name!, t.Value)),
    ];
}
