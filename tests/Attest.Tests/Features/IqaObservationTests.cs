using System.Net;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Quality;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>Issue 5: "IQA observations of assessors are recorded too": signed by the IQA, read by the assessor observed and nobody else.</summary>
public class IqaObservationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_IQA_records_a_signed_observation_and_only_the_assessor_observed_reads_it(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        Guid assessorId, otherCentresAssessor;
        await using (var db = app.Db(app.A.Id))
        {
            assessorId = (await db.Users.SingleAsync(u => u.Email == app.A.Assessor)).Id;
            otherCentresAssessor = (await db.Users.SingleAsync(u => u.Email == app.B.Assessor)).Id;
        }

        var iqa = await app.SignedInAsync(app.A.Iqa);
        var refused = WebUtility.HtmlDecode(await (await iqa.PostFormAsync("/Iqa/Observations", new()
        {
            ["Input.ObservedOn"] = "2026-11-20", ["Input.AssessorId"] = otherCentresAssessor.ToString(), ["Input.Activity"] = "A discussion.", ["Input.Strengths"] = "Open questions.",
            ["Input.Outcome"] = "DevelopmentNeeded",
        })).Content.ReadAsStringAsync());
        Assert.Contains("<p id=\"Input_AssessorId-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Choose the assessor you observed</p>", refused, StringComparison.Ordinal);
        Assert.Contains("Development needed: say what the assessor should develop and the actions they must take", refused, StringComparison.Ordinal);
        Assert.Contains("A discussion.", refused, StringComparison.Ordinal); // what was typed is kept

        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync("/Iqa/Observations", new()
        {
            ["Input.ObservedOn"] = "2026-11-20", ["Input.AssessorId"] = assessorId.ToString(), ["Input.Activity"] = "Asha's observation of Cara handling a complaint at the desk, unit C3.",
            ["Input.Strengths"] = "Open questions; the record names the evidence.", ["Input.Development"] = "Feedback to Cara did not say which criteria were met.",
            ["Input.Outcome"] = "DevelopmentNeeded", ["Input.Actions"] = "Name the criteria in every feedback for the next month.",
        })).StatusCode);

        await using (var db = app.Db(app.A.Id))
        {
            var observation = await db.IqaObservations.SingleAsync();
            Assert.Equal((ObservationOutcome.DevelopmentNeeded, "assessor A", "iqa A"), (observation.Outcome, observation.AssessorName, observation.IqaName));
            Assert.Equal("Iqa", (await db.LedgerEntries.SingleAsync(e => e.SubjectId == observation.Id)).SignerRole);
            Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
        }

        var assessor = await app.SignedInAsync(app.A.Assessor);
        var mine = WebUtility.HtmlDecode(await assessor.GetStringAsync("/Assessor/Observations"));
        Assert.Contains("Name the criteria in every feedback for the next month.", mine, StringComparison.Ordinal);
        Assert.Contains("Development needed", mine, StringComparison.Ordinal);
        var other = await app.SignedInAsync(app.A.OtherAssessor);
        Assert.DoesNotContain("Name the criteria", await other.GetStringAsync("/Assessor/Observations"), StringComparison.Ordinal);
        var otherIqa = await app.SignedInAsync(app.B.Iqa);
        Assert.DoesNotContain("Name the criteria", await otherIqa.GetStringAsync("/Iqa/Observations"), StringComparison.Ordinal);
    }
}
