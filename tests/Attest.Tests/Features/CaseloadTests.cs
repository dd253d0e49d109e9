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
        Assert.Contains("At risk", stalled, StringComparison.Ordinal);
        Assert.Contains("No criterion met in the 0 days since registration", stalled, StringComparison.Ordinal);

        await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        var moving = WebUtility.HtmlDecode(await assessor.GetStringAsync("/Assessor"));
        Assert.Contains("On track", moving, StringComparison.Ordinal);
        Assert.Matches($"{C3Portfolio.Unit.Criteria.Count()} of \\d+ criteria met in 1 day; at that pace, complete by", moving);
    }
}
