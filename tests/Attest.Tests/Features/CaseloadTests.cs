using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

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
        // Issue 13: never "At risk" on the day of enrolment.
        Assert.DoesNotContain("At risk", stalled, StringComparison.Ordinal);
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
}
