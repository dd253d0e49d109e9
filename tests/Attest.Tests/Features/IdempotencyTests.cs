using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>security.md test 17: an idempotent replay with the same body gets the same response; with a different body, 422.</summary>
public class IdempotencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sign_off_sent_again_with_its_key_gets_the_same_answer_and_a_changed_body_gets_422(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        var url = Assess.UnitUrl(app.A.EnrolmentId, "C3") + "?handler=SignOff";
        var page = await assessor.GetStringAsync(Assess.UnitUrl(app.A.EnrolmentId, "C3"));
        Assert.Contains("name=\"IdempotencyKey\"", page, StringComparison.Ordinal);
        var token = await assessor.AntiforgeryTokenAsync(Assess.UnitUrl(app.A.EnrolmentId, "C3"));
        var key = Guid.NewGuid().ToString();
        FormUrlEncodedContent Form(string confirmed) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["IdempotencyKey"] = key, ["SignOff.Confirmed"] = confirmed });

        var first = await assessor.PostAsync(url, Form("true"));
        var replay = await assessor.PostAsync(url, Form("true"));
        var changed = await assessor.PostAsync(url, Form("false"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, first.Headers.Location), (replay.StatusCode, replay.Headers.Location));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("This form was already sent with different answers", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.UnitSignOffs.CountAsync());
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == "unit-sign-off"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_form_sent_back_with_errors_does_not_keep_its_key_so_the_corrected_form_goes_through(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var unit = Assess.UnitUrl(app.A.EnrolmentId, "C3");
        var token = await assessor.AntiforgeryTokenAsync(unit);
        var key = Guid.NewGuid().ToString();
        Dictionary<string, string> Decision(string justification) => new(Assess.DecisionFields(
            [new("1.2", "NotYetMet", justification, "C3 1.2: you offered a fix before asking the customer what had gone wrong, so we cannot see you check your understanding.")]))
        {
            ["__RequestVerificationToken"] = token, ["IdempotencyKey"] = key,
        };

        var refused = await assessor.PostAsync(unit, new FormUrlEncodedContent(Decision("")));
        Assert.Contains("Justification is required", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var corrected = await assessor.PostAsync(unit, new FormUrlEncodedContent(Decision("Observed at the counter.")));
        var again = await assessor.PostAsync(unit, new FormUrlEncodedContent(Decision("Observed at the counter.")));

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.CriterionDecisions.CountAsync());
    }
}
