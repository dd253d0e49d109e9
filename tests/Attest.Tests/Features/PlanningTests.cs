using System.Net;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Seed 004's assessment process: initial assessment and a signed learning contract, then assessment plans agreed by
/// both, reviewed and amended (the assessment planning cycle), with overdue reviews listed for assessor and admin.
/// </summary>
public class PlanningTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_assessment_plan_is_written_agreed_by_both_reviewed_and_amended(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var assessor = await app.SignedInAsync(a.Assessor);
        var write = $"/Planning/Enrolments/{a.EnrolmentId}/Write?kind=AssessmentPlan";

        var incomplete = await assessor.PostFormAsync(write, new() { ["Input.Venue"] = "Reception desk" });
        var errors = await incomplete.Content.ReadAsStringAsync();
        foreach (var message in new[] { "Choose the units the plan covers", "Enter when the candidate will be observed", "Enter what the candidate will be doing", "Enter what evidence the candidate will produce", "Enter the date of the next review, or mark the plan completed" })
        {
            Assert.Contains(message, errors, StringComparison.Ordinal);
        }

        var written = await assessor.PostFormAsync(write, Form(("Input.Units", "C3"), ("Input.Units", "F3"), ("Input.PlannedOn", "2026-12-03"), ("Input.Venue", "Reception desk, Riverside Hotel"),
            ("Input.Activities", "Dealing with guests' problems at check-in during the Friday evening rush."), ("Input.Evidence", "My observation record; the guest problem log pages for that shift."),
            ("Input.NextReviewOn", "2026-12-10")));
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var planUrl = written.Headers.Location!.OriginalString;
        Assert.EndsWith("/Plans/2", planUrl, StringComparison.Ordinal);
        Assert.Contains("Awaiting the candidate&#x27;s agreement", await assessor.GetStringAsync(planUrl), StringComparison.Ordinal);

        var candidate = await app.SignedInAsync(a.Candidate);
        var plan = await candidate.GetStringAsync(planUrl);
        Assert.Contains("Dealing with guests&#x27; problems at check-in", plan, StringComparison.Ordinal);
        var unconfirmed = await candidate.PostFormAsync(planUrl, new());
        Assert.Contains("Confirm that you agree the plan", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(planUrl, new() { ["Agreed"] = "true" })).StatusCode);
        Assert.Contains("Agreed; next review 10 December 2026", await assessor.GetStringAsync(planUrl), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.PostFormAsync(planUrl, new() { ["Agreed"] = "true" })).StatusCode);

        var amend = $"/Planning/Enrolments/{a.EnrolmentId}/Write?plan=2";
        Assert.Contains("Reception desk, Riverside Hotel", await assessor.GetStringAsync(amend), StringComparison.Ordinal);
        var noReview = await assessor.PostFormAsync(amend, Form(("Input.Units", "C3"), ("Input.PlannedOn", "2026-12-17"), ("Input.Venue", "Reception desk"), ("Input.Activities", "As before."), ("Input.Evidence", "As before."), ("Input.NextReviewOn", "2026-12-24")));
        Assert.Contains("Record the review: progress since the last version", await noReview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var amended = await assessor.PostFormAsync(amend, Form(("Input.Units", "C3"), ("Input.PlannedOn", "2026-12-17"), ("Input.Venue", "Reception desk"),
            ("Input.Activities", "A problem caused by a system failure (C3 4d) when the booking system is down for maintenance."), ("Input.Evidence", "Observation record."),
            ("Input.NextReviewOn", "2026-12-24"), ("Input.ReviewNotes", "Observed on 3 December: 4a and 4c covered. Still need 4d; the maintenance window is the chance.")));
        Assert.Equal(HttpStatusCode.Redirect, amended.StatusCode);
        var page = await candidate.GetStringAsync(planUrl);
        Assert.Contains("version 2", page, StringComparison.Ordinal);
        Assert.Contains("Awaiting the candidate&#x27;s agreement", page, StringComparison.Ordinal);
        Assert.Contains("Version 2, ", page, StringComparison.Ordinal);
        Assert.Contains("Still need 4d; the maintenance window is the chance.", page, StringComparison.Ordinal);

        await using var db = app.Db(a.Id);
        // The seeded learning contract, then plan 2 in two versions; signed by the assessor each time and once by the candidate.
        Assert.Equal(3, await db.AssessmentPlans.CountAsync());
        Assert.Equal(4, await db.LedgerEntries.CountAsync(e => e.Kind == "assessment-plan"));
        Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_learning_contract_records_the_starting_point_and_the_chosen_units_and_both_sign_it(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var assessor = await app.SignedInAsync(a.Assessor);
        var contract = $"/Planning/Enrolments/{a.EnrolmentId}/Plans/1";

        var page = await assessor.GetStringAsync(contract);
        Assert.Contains("Initial assessment and learning contract", page, StringComparison.Ordinal);
        Assert.Contains("F3, F4, A13, B10, C3, D8, D2", page, StringComparison.Ordinal);
        Assert.Contains("Seeded starting point", page, StringComparison.Ordinal);
        var candidate = await app.SignedInAsync(a.Candidate);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(contract, new() { ["Agreed"] = "true" })).StatusCode);
        Assert.Contains("You have already agreed version 1 of this plan.", await (await candidate.PostFormAsync(contract, new() { ["Agreed"] = "true" })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Write the initial assessment and learning contract", await assessor.GetStringAsync($"/Planning/Enrolments/{a.EnrolmentId}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Overdue_reviews_and_unagreed_plans_are_listed_for_the_assessor_and_the_administrator(DatabaseProvider provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var app = await new AttestFactory(provider, services: s => s.AddSingleton<TimeProvider>(clock)).SeedAsync();
        var a = app.A;
        var candidate = await app.SignedInAsync(a.Candidate);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/Planning/Enrolments/{a.EnrolmentId}/Plans/1", new() { ["Agreed"] = "true" })).StatusCode);
        var assessor = await app.SignedInAsync(a.Assessor);
        var admin = await app.SignedInAsync(a.Admin);
        Assert.DoesNotContain("Initial assessment and learning contract", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        Assert.Contains("Every plan is agreed and up to date.", await admin.GetStringAsync("/Admin/Planning"), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(40));
        assessor = await app.SignedInAsync(a.Assessor);
        admin = await app.SignedInAsync(a.Admin);

        Assert.Contains("Initial assessment and learning contract</a>: Review overdue since", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        var list = await admin.GetStringAsync("/Admin/Planning");
        Assert.Contains("Cara Centrea", list, StringComparison.Ordinal);
        Assert.Contains("assessor A", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Centreb", list, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) => [.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value))];
}
