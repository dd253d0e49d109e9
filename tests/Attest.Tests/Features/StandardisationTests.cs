using System.Net;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>Issue 5, standardisation: a view comparing assessors on the same unit, and signed records of each activity.</summary>
public class StandardisationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_IQA_compares_assessors_on_a_unit_and_records_a_standardisation_with_every_field(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        // A changed mind counts once, as its latest outcome: 1.1 decided again, not yet met.
        var redecided = await Assess.DecideManyAsync(assessor, app.A.EnrolmentId, "C3", [new("1.1", "NotYetMet",
            "On a second look the problem log for 1.1 does not show the customer's problem in the candidate's own words.", "C3 1.1: rewrite page 1 of your problem log in your own words.", BasedOnRevision: 1)],
            acceptWarnings: true);
        Assert.Equal(HttpStatusCode.Redirect, redecided.StatusCode);
        var iqa = await app.SignedInAsync(app.A.Iqa);

        var compared = WebUtility.HtmlDecode(await iqa.GetStringAsync("/Iqa/Standardisation?qualification=03456&unit=C3"));
        // The comparison covers a year up to today unless the IQA chooses the period, and says which.
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        Assert.Contains($"Unit C3: each criterion's latest decision made from {today.AddYears(-1).AddDays(1):d MMMM yyyy} to {today:d MMMM yyyy}, by assessor", compared, StringComparison.Ordinal);
        Assert.Contains("No decisions on unit C3 from 1 January 2020 to 31 December 2020.",
            WebUtility.HtmlDecode(await iqa.GetStringAsync("/Iqa/Standardisation?qualification=03456&unit=C3&from=2020-01-01&to=2020-12-31")), StringComparison.Ordinal);
        var backwards = await iqa.GetAsync("/Iqa/Standardisation?qualification=03456&unit=C3&from=2021-01-01&to=2020-12-31");
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Contains("<p id=\"to-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> The period must end on or after the day it starts</p>",
            await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var criteria = C3Portfolio.Unit.Criteria.Count();
        Assert.Matches(@"assessor A</th>\s*<td[^>]*>" + criteria + @"</td><td[^>]*>1</td>\s*<td[^>]*>" + Math.Round(100.0 * (criteria - 1) / criteria, MidpointRounding.AwayFromZero) + "%</td>", compared);
        // Days from the first mapping to the decision are worked out (a number, not "-"), and no IQA review disagreed.
        Assert.Matches(@"<td[^>]*>\d+\.\d</td>\s*<td[^>]*>0</td>", compared);

        var refused = await iqa.PostFormAsync("/Iqa/Standardisation", new() { ["Input.HeldOn"] = "2099-01-01", ["Input.QualificationCode"] = "03456", ["Input.Units"] = "C3, Z9" });
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        foreach (var reason in new[] { "the date is in the future", "Choose the units of 03456", "Say who took part", "Say what was compared", "Record the outcome" })
        {
            Assert.Contains(reason, page, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync("/Iqa/Standardisation", new()
        {
            ["Input.HeldOn"] = "2026-11-20", ["Input.QualificationCode"] = "03456", ["Input.Units"] = "C3, F3", ["Input.Participants"] = "assessor A, assessor2 A, iqa A",
            ["Input.Compared"] = "Each assessor judged E002 and E003 against C3 1.1-1.5 blind.", ["Input.Outcome"] = "Agreed on all but 1.3; assessor2 A read 'repeated' as twice.",
            ["Input.Actions"] = "Brief assessors on C3 1.3: a pattern over at least three problems.",
        })).StatusCode);
        Assert.Contains("Agreed on all but 1.3", WebUtility.HtmlDecode(await iqa.GetStringAsync("/Iqa/Standardisation")), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        var record = await db.StandardisationRecords.SingleAsync();
        Assert.Equal("C3,F3", record.Units);
        Assert.Equal("Iqa", (await db.LedgerEntries.SingleAsync(e => e.SubjectId == record.Id)).SignerRole);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(app.A.Assessor)).GetAsync("/Iqa/Standardisation")).StatusCode);
        Assert.DoesNotContain("Agreed on all but 1.3", await (await app.SignedInAsync(app.B.Iqa)).GetStringAsync("/Iqa/Standardisation"), StringComparison.Ordinal);
    }

    [Fact]
    public void Assessors_are_compared_on_each_criterions_latest_decision()
    {
        var asha = Guid.NewGuid();
        var ben = Guid.NewGuid();
        var mapped = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);
        var ashas = Enrolment(asha, mapped);
        var bens = Enrolment(ben, mapped);
        var decisions = new[]
        {
            Decision(ashas, "1.1", "Asha", DecisionOutcome.NotYetMet, 1, mapped.AddDays(2), "C3 1.1 E002 does not show how the problem was spotted."),
            Decision(ashas, "1.1", "Asha", DecisionOutcome.Met, 2, mapped.AddDays(6), "C3 1.1 now shown in E002 page 2."),
            Decision(bens, "1.1", "Ben", DecisionOutcome.Met, 1, mapped.AddDays(1), "Well done.", warnings: "generic"),
        };
        // The page asks the database for each criterion's latest decision; Asha's first was replaced by her second.
        var latest = decisions.GroupBy(d => (d.EnrolmentId, d.CriterionRef)).Select(g => g.MaxBy(d => d.Revision)!)
            .Select(d => new ComparedDecision(d.EnrolmentId, d.AssessorId, d.Outcome, d.FeedbackWords, d.FeedbackWarnings is not null, d.DecidedAt, mapped)).ToList();

        var rows = AssessorComparison.Compare(latest, new Dictionary<Guid, string> { [asha] = "Asha", [ben] = "Ben" }, new Dictionary<Guid, int> { [ben] = 2 });

        // Her latest counts once ("1.1" counts as two words, as in the feedback check).
        Assert.Equal(("Asha", 1, 1.0, 9.0, 0.0, 6.0), (rows[0].Assessor, rows[0].Decisions, rows[0].MetRate, rows[0].MedianFeedbackWords, rows[0].FeedbackWarningRate, rows[0].MedianDaysToDecision!.Value));
        Assert.Equal(("Ben", 1, 1.0, 2.0, 1.0, 1.0, 2), (rows[1].Assessor, rows[1].Decisions, rows[1].MetRate, rows[1].MedianFeedbackWords, rows[1].FeedbackWarningRate, rows[1].MedianDaysToDecision!.Value, rows[1].IqaDisagreements));
    }

    private static Core.Portfolios.Enrolment Enrolment(Guid assessor, DateTime at)
    {
        var enrolment = Core.Portfolios.Enrolment.Create(Guid.NewGuid(), Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 9, 1), at);
        enrolment.AssignAssessor(assessor);
        return enrolment;
    }

    private static CriterionDecision Decision(Core.Portfolios.Enrolment enrolment, string criterion, string name, DecisionOutcome outcome, int revision, DateTime at, string feedback, string? warnings = null) =>
        CriterionDecision.Record(enrolment, C3Portfolio.Unit, criterion, outcome, "Judged on E002.", feedback, ["E002"], enrolment.AssessorId!.Value, name, Guid.NewGuid(), revision - 1, [], at, warnings is null ? null : [warnings]);
}
