using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>Issue 5 tracking: the assessor's caseload shows each candidate red, amber or green against the planned end date, with the forecast.</summary>
public class CaseloadTests
{
    private static readonly string[] Units = ["F3", "F4", "A13", "B10", "C3", "D8", "D2"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_caseload_forecasts_completion_from_the_candidates_pace_against_the_planned_end(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        Assert.Contains("No planned end", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);

        var admin = await app.SignedInAsync(app.A.Admin);
        var enrol = $"/Admin/Candidates/{app.A.OtherCandidateId}/Enrol";
        var early = await admin.PostFormAsync(enrol, [new("Input.QualificationCode", "03456"), new("Input.RegisteredOn", "2026-11-20"), new("Input.PlannedEndDate", "2026-11-01"),
            .. Units.Select(u => new KeyValuePair<string, string>("Input.Units", u))], enrol + "?qualification=03456");
        Assert.Contains("The planned end date must be after the registration date (20 November 2026)", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using (var db = app.Db(app.A.Id))
        {
            var enrolment = await db.Enrolments.SingleAsync(e => e.Id == app.A.EnrolmentId);
            enrolment.PlanEnd(enrolment.RegisteredOn.AddYears(1));
            await db.SaveChangesAsync();
        }

        var stalled = WebUtility.HtmlDecode(await assessor.GetStringAsync("/Assessor"));
        // Issue 13: never "At risk" on the day of enrolment (the standing filter offers it, as a choice).
        Assert.DoesNotContain("At risk</strong>", stalled, StringComparison.Ordinal);
        Assert.Contains("On track</strong>", stalled, StringComparison.Ordinal);
        Assert.Contains("Registered today with no criterion met yet: no pace to forecast from. Amber after 30 days without one.", stalled, StringComparison.Ordinal);

        await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        var moving = WebUtility.HtmlDecode(await assessor.GetStringAsync("/Assessor"));
        Assert.Contains("On track", moving, StringComparison.Ordinal);
        // A13, B10, D8 and D2 have no criteria in the shipped catalogue: the assessable criteria have a date, the qualification none.
        Assert.Matches($"{C3Portfolio.Unit.Criteria.Count()} of \\d+ criteria met in 1 day; at that pace, the assessable criteria complete by", moving);
        Assert.Contains("4 units cannot be assessed until their specification is added, so the qualification has no completion date yet.", moving, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_caseload_finds_a_learner_by_name_or_uln_and_answers_bad_page_numbers_with_the_first_page(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var unitLink = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Units/";

        foreach (var found in new[] { "cara", "1234567899", "4567" })
        {
            var page = await assessor.GetStringAsync("/Assessor?q=" + found);
            Assert.Contains(unitLink, page, StringComparison.Ordinal);
            Assert.Contains("Showing 1 to 1 of 1.", page, StringComparison.Ordinal);
        }

        var none = await assessor.GetStringAsync("/Assessor?q=nobody-by-this-name");
        Assert.DoesNotContain(unitLink, none, StringComparison.Ordinal);
        Assert.Contains("None of your candidates matches that search.", none, StringComparison.Ordinal);

        foreach (var bad in new[] { "-1", "abc", "999" })
        {
            var response = await assessor.GetAsync("/Assessor?page=" + bad);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(unitLink, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_caseload_filters_by_qualification_and_unit_status_sorts_and_ignores_values_it_does_not_know(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var cara = $"/Tracking/Enrolments/{app.A.EnrolmentId}";
        var otto = $"/Tracking/Enrolments/{app.A.GradedEnrolmentId}";

        var diploma = await assessor.GetStringAsync("/Assessor?qualification=03456");
        Assert.Contains(cara, diploma, StringComparison.Ordinal);
        Assert.DoesNotContain(otto, diploma, StringComparison.Ordinal);

        // Nothing is mapped in the seed: nothing awaits a decision, and no unit of either is signed off.
        Assert.Contains("None of your candidates matches that search.", await assessor.GetStringAsync("/Assessor?status=awaiting"), StringComparison.Ordinal);
        var none = await assessor.GetStringAsync("/Assessor?status=none-signed-off");
        Assert.Contains(cara, none, StringComparison.Ordinal);
        Assert.Contains(otto, none, StringComparison.Ordinal);

        // Cara and Otto share a family name: by name Cara comes first, Z to A Otto.
        var byName = await assessor.GetStringAsync("/Assessor");
        Assert.True(byName.IndexOf(cara, StringComparison.Ordinal) < byName.IndexOf(otto, StringComparison.Ordinal));
        var reversed = await assessor.GetStringAsync("/Assessor?sort=name-desc");
        Assert.True(reversed.IndexOf(otto, StringComparison.Ordinal) < reversed.IndexOf(cara, StringComparison.Ordinal));

        foreach (var unknown in new[] { "qualification=&assessor=abc&standing=purple&status=1&sort=%3Cb%3E", "sort=99&standing=0&qualification=ZZZ", "assessor=" + Guid.Empty })
        {
            var response = await assessor.GetAsync("/Assessor?" + unknown);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(page.IndexOf(cara, StringComparison.Ordinal) is var at && at >= 0 && at < page.IndexOf(otto, StringComparison.Ordinal), unknown);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_caseload_of_many_pages_keeps_its_search_and_order_from_page_to_page(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        await AddLearnersAsync(app, app.A.AssessorUserId, 30);
        var assessor = await app.SignedInAsync(app.A.Assessor);

        var first = WebUtility.HtmlDecode(await assessor.GetStringAsync("/Assessor?q=learner&sort=name-desc"));
        Assert.Contains("Showing 1 to 25 of 30.", first, StringComparison.Ordinal);
        Assert.Contains("Lena Learner29", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Lena Learner04", first, StringComparison.Ordinal);
        Assert.Contains("/Assessor?q=learner&sort=name-desc&page=2", first, StringComparison.Ordinal);

        var second = WebUtility.HtmlDecode(await assessor.GetStringAsync("/Assessor?q=learner&sort=name-desc&page=2"));
        Assert.Contains("Showing 26 to 30 of 30.", second, StringComparison.Ordinal);
        Assert.Contains("Lena Learner00", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Lena Learner29", second, StringComparison.Ordinal);
        Assert.True(second.IndexOf("Lena Learner04", StringComparison.Ordinal) < second.IndexOf("Lena Learner00", StringComparison.Ordinal));

        // Past the end is the last page; the standing filter, in SQL over the kept standings, pages the same way.
        Assert.Contains("Showing 26 to 30 of 30.", await assessor.GetStringAsync("/Assessor?q=learner&page=9"), StringComparison.Ordinal);
        Assert.Contains("Showing 26 to 30 of 30.", await assessor.GetStringAsync("/Assessor?q=learner&standing=green&page=2"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unit_status_filters_follow_the_work_as_soon_as_it_is_saved_and_never_trust_a_standing_from_another_day(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var cara = $"/Tracking/Enrolments/{app.A.EnrolmentId}";
        Assert.DoesNotContain(cara, await assessor.GetStringAsync("/Assessor?status=awaiting"), StringComparison.Ordinal);

        // Evidence mapped to C3 (saved straight to the database, as an import or the CLI would): Cara awaits a decision at once.
        var pieces = C3Portfolio.Complete();
        var ids = await C3Portfolio.AddAsync(app, app.A, pieces);
        Assert.Contains(cara, await assessor.GetStringAsync("/Assessor?status=awaiting"), StringComparison.Ordinal);
        Assert.DoesNotContain(cara, await assessor.GetStringAsync("/Assessor?status=ready"), StringComparison.Ordinal);

        // Every C3 criterion decided met through the unit page: nothing awaits, and C3 is ready for sign-off.
        await C3Portfolio.AssessAsync(assessor, app.A, pieces, ids);
        Assert.DoesNotContain(cara, await assessor.GetStringAsync("/Assessor?status=awaiting"), StringComparison.Ordinal);
        Assert.Contains(cara, await assessor.GetStringAsync("/Assessor?status=ready"), StringComparison.Ordinal);

        // A standing kept from yesterday is worked out again, whatever it said.
        await using (var db = app.Db(app.A.Id))
        {
            var kept = await db.TrackedStandings.SingleAsync(s => s.EnrolmentId == app.A.EnrolmentId);
            Assert.Equal((0, 1), (kept.AwaitingDecision, kept.ReadyForSignOff));
            await db.TrackedStandings.ExecuteUpdateAsync(s => s.SetProperty(x => x.Day, kept.Day.AddDays(-1)).SetProperty(x => x.AwaitingDecision, 5));
        }

        Assert.DoesNotContain(cara, await assessor.GetStringAsync("/Assessor?status=awaiting"), StringComparison.Ordinal);
    }

    /// <summary>Learners "Lena Learner00" onwards, each enrolled on 03456 today with this assessor and a planned end a year on.</summary>
    internal static async Task AddLearnersAsync(AttestFactory app, Guid assessorId, int count)
    {
        await using var db = app.Db(app.A.Id);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            var learner = new Attest.Core.Centres.Candidate
            {
                CentreId = app.A.Id, GivenName = "Lena", FamilyName = $"Learner{i:00}", DateOfBirth = new DateOnly(2000, 1, 1), Uln = Attest.Core.Centres.Uln.Temporary, CreatedAt = now,
            };
            db.Candidates.Add(learner);
            var enrolment = Attest.Core.Portfolios.Enrolment.Create(app.A.Id, learner.Id, ShippedCatalogue.Diploma03456, Units, DateOnly.FromDateTime(now), now);
            enrolment.AssignAssessor(assessorId);
            enrolment.PlanEnd(DateOnly.FromDateTime(now).AddYears(1));
            db.Enrolments.Add(enrolment);
        }

        await db.SaveChangesAsync();
    }
}
