using System.Net;
using Attest.Core;
using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 13's findings about certification, tried through the pages as an administrator would: no whole-qualification claim
/// with no unit achieved, and no date a user types moves a deadline rule (the claim is dated the day it is signed; a
/// registration is recorded no later than the day it is made, and the record says who recorded it and when).
/// </summary>
public class CertificationIntegrityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_qualification_without_rules_and_with_no_unit_achieved_is_never_offered_or_claimed(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var page = $"/Admin/Claims/{app.A.GradedEnrolmentId}";

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.DoesNotContain("the whole qualification can be claimed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The whole qualification (0 units)", html, StringComparison.Ordinal);
        Assert.Contains("No unit is achieved and cleared for certification yet.", html, StringComparison.Ordinal);

        var forced = await admin.PostFormAsync(page, [new("Input.Scope", "Qualification"), new("Input.Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("No unit is achieved and cleared for certification yet.", WebUtility.HtmlDecode(await forced.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(0, await db.CertificationClaims.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_claim_is_dated_the_day_it_is_signed_whatever_date_is_posted(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        await C3Portfolio.CountersignAsync(app, app.A);
        var admin = await app.SignedInAsync(app.A.Admin);
        var page = $"/Admin/Claims/{app.A.EnrolmentId}";
        Assert.DoesNotContain("Input.ClaimDate", await admin.GetStringAsync(page), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"on\"", await admin.GetStringAsync("/Admin/Claims"), StringComparison.Ordinal);

        var claimed = await admin.PostFormAsync(page + "?on=2023-08-31",
            [new("Input.ClaimDate", "2023-08-31"), new("Input.Scope", "Unit"), new("Input.Units", "C3"), new("Input.Confirmed", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        await using var db = app.Db(app.A.Id);
        var claim = await db.CertificationClaims.SingleAsync();
        Assert.Equal(UkTime.DateOf(TimeProvider.System.GetUtcNow().UtcDateTime), claim.ClaimDate);
        Assert.Equal(ClaimScope.Unit, claim.Scope);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registration_date_never_opens_a_closed_qualification_nor_lies_in_the_future_and_the_record_says_who_entered_it(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var enrol = $"/Admin/Candidates/{app.A.OtherCandidateId}/Enrol";

        // 03455 closed to registration on 31 August 2020 (OCR moderators' report, 2019 series): a date typed on or before it does not reopen it.
        var backdated = await admin.PostFormAsync(enrol, Form(("Input.QualificationCode", "03455"), ("Input.RegisteredOn", "2020-08-31"), ("Input.Units", "F1")), enrol + "?qualification=03455");
        Assert.Equal(HttpStatusCode.OK, backdated.StatusCode);
        Assert.Contains("closed on 31 August 2020 (its last registration date); no registration can be recorded after it.", WebUtility.HtmlDecode(await backdated.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var tomorrow = UkTime.DateOf(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var future = await admin.PostFormAsync(enrol, Form(("Input.QualificationCode", "03456"), ("Input.RegisteredOn", tomorrow), ("Input.Units", "F3"), ("Input.Units", "F4"), ("Input.Units", "A13"), ("Input.Units", "B10"), ("Input.Units", "C3"), ("Input.Units", "D8"), ("Input.Units", "D2")), enrol + "?qualification=03456");
        var futureHtml = WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Input_RegisteredOn-error\"", futureHtml, StringComparison.Ordinal);
        Assert.Contains("The registration date cannot be after today", futureHtml, StringComparison.Ordinal);

        var past = await admin.PostFormAsync(enrol, Form(("Input.QualificationCode", "03456"), ("Input.RegisteredOn", "2026-09-01"), ("Input.Units", "F3"), ("Input.Units", "F4"), ("Input.Units", "A13"), ("Input.Units", "B10"), ("Input.Units", "C3"), ("Input.Units", "D8"), ("Input.Units", "D2")), enrol + "?qualification=03456");
        Assert.Equal(HttpStatusCode.Redirect, past.StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            var enrolment = await db.Enrolments.SingleAsync(e => e.CandidateId == app.A.OtherCandidateId && e.QualificationCode == "03456");
            Assert.Equal((new DateOnly(2026, 9, 1), await app.UserIdAsync(app.A.Admin)), (enrolment.RegisteredOn, enrolment.CreatedBy));
        }

        var details = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Candidates/{app.A.OtherCandidateId}"));
        Assert.Contains("by admin A", details, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) => [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];
}
