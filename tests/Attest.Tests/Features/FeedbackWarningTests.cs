using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>Feedback warnings on the assessor's decision form: warned, never blocked, and the warnings read are kept with the decision.</summary>
public class FeedbackWarningTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bare_feedback_comes_back_with_warnings_and_the_words_kept_then_is_recorded_once_confirmed(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        const string justification = "Observed at the counter: no question was asked to check the problem.";

        var warned = await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", "1.2", "NotYetMet", justification, "Not yet.");

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await warned.Content.ReadAsStringAsync();
        Assert.Contains("Before you record this feedback:", page, StringComparison.Ordinal);
        Assert.Contains("The feedback is 2 words; your centre asks for at least 15", page, StringComparison.Ordinal);
        Assert.Contains(">Not yet.</textarea>", page, StringComparison.Ordinal);
        Assert.Contains(justification + "</textarea>", page, StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Empty(await db.CriterionDecisions.ToListAsync());
        }

        var recorded = await Assess.DecideManyAsync(assessor, app.A.EnrolmentId, "C3", [new("1.2", "NotYetMet", justification, "Not yet.")], acceptWarnings: true);

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using var check = app.Db(app.A.Id);
        var decision = await check.CriterionDecisions.SingleAsync();
        Assert.Contains("The feedback is 2 words", decision.FeedbackWarnings, StringComparison.Ordinal);
        Assert.Contains("feedbackWarnings: The feedback is 2 words", (await check.LedgerEntries.SingleAsync(e => e.Kind == "criterion-decision")).Content, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_centre_administrator_sets_the_thresholds_and_out_of_range_values_are_refused_by_name(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);

        var refused = await admin.PostFormAsync("/Admin/Settings", new() { ["FeedbackMinWords"] = "0", ["RetentionYears"] = "3", ["ReworkLimit"] = "1" });
        Assert.Contains("Shortest feedback must be between 1 and 200 words", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Settings", new() { ["FeedbackMinWords"] = "3", ["RetentionYears"] = "3", ["ReworkLimit"] = "2" })).StatusCode);

        var assessor = await app.SignedInAsync(app.A.Assessor);
        var recorded = await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", "1.2", "NotYetMet", "Observed: no question was asked.", "C3 1.2: ask before fixing.");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("value=\"15\"", await (await app.SignedInAsync(app.B.Admin)).GetStringAsync("/Admin/Settings"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync("/Admin/Settings")).StatusCode);
    }
}
