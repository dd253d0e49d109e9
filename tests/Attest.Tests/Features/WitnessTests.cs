using System.Net;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Witness testimonies without accounts (seed 004; security.md test 13): the assessor asks through a single-use,
/// expiring link; the witness writes every field; the link then fails; the candidate can never write one.
/// </summary>
public class WitnessTests
{
    private const string Description = "On 20 November a guest arrived to find her room was not ready. Cara apologised, asked when she needed it, offered her a seat in the lounge, "
        + "rang housekeeping, and went back to her with the key twenty minutes later; the guest thanked her at the desk.";

    private static Dictionary<string, string> Complete(string? description = null) => new()
    {
        ["Input.CandidateName"] = "Cara Centrea", ["Input.ActivityDate"] = "2026-11-20", ["Input.ActivityTime"] = "15:10", ["Input.Venue"] = "Front desk, Riverside Hotel",
        ["Input.Description"] = description ?? Description, ["Input.WrittenOn"] = "2026-11-21", ["Input.Relationship"] = "Line manager", ["Input.SignatureName"] = "Wendy Witness",
        ["Input.JobTitle"] = "Front office manager", ["Input.Contact"] = "01632 960123",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_witness_writes_a_testimony_through_the_link_without_an_account_and_the_link_then_fails(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var candidate = await app.SignedInAsync(a.Candidate);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/Witnesses?handler=Add", new()
        {
            ["Witness.Name"] = "Omar Owen", ["Witness.JobTitle"] = "Duty manager", ["Witness.Relationship"] = "Supervisor", ["Witness.Contact"] = "omar@hotel.example",
        }, tokenFrom: "/Candidate/Witnesses")).StatusCode);
        var assessor = await app.SignedInAsync(a.Assessor);
        var witnesses = $"/Assessor/Enrolments/{a.EnrolmentId}/Witnesses";
        var page = await assessor.GetStringAsync(witnesses);
        Assert.Contains("Omar Owen", page, StringComparison.Ordinal);
        var omar = System.Text.RegularExpressions.Regex.Match(page, "<option value=\"([0-9a-f-]+)\">Omar Owen").Groups[1].Value;

        var asked = await assessor.PostFormAsync(witnesses + "?handler=Ask", new() { ["Ask.WitnessId"] = omar, ["Ask.Targets"] = "C3|3.4", ["Ask.Activity"] = "The room that was not ready", ["Ask.Days"] = "14" }, tokenFrom: witnesses);
        var link = System.Text.RegularExpressions.Regex.Match(await asked.Content.ReadAsStringAsync(), "http://localhost(/Witness/[0-9a-f]{32}\\.[A-Za-z0-9_-]{43})").Groups[1].Value;
        Assert.NotEmpty(link);
        Assert.DoesNotContain(link, await candidate.GetStringAsync("/Candidate/Witnesses"), StringComparison.Ordinal);

        using var witness = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = await witness.GetStringAsync(link);
        Assert.Contains("What did Cara Centrea do?", form, StringComparison.Ordinal);
        Assert.Contains("The room that was not ready", form, StringComparison.Ordinal);
        var missing = await witness.PostFormAsync(link, new() { ["Input.Description"] = Description });
        var errors = await missing.Content.ReadAsStringAsync();
        foreach (var message in new[] { "Enter the candidate&#x27;s name", "Enter the date of the activity", "Enter the venue of the activity", "Enter the witness&#x27;s contact details", "Enter the witness&#x27;s signature" })
        {
            Assert.Contains(message, errors, StringComparison.Ordinal);
        }

        var sent = await witness.PostFormAsync(link, Complete());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"{link}/Thanks", sent.Headers.Location!.OriginalString);

        var reused = await witness.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("This link has already been used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Db(a.Id);
        var testimony = await db.WitnessTestimonies.SingleAsync();
        Assert.True(testimony.IsComplete);
        Assert.Equal(TestimonySource.WitnessLink, testimony.Source);
        var item = await db.EvidenceItems.SingleAsync(i => i.Id == testimony.EvidenceItemId);
        Assert.Equal((EvidenceKind.WitnessTestimony, "Witness testimony from Omar Owen"), (item.Kind, item.Title));
        Assert.Equal("3.4", (await db.EvidenceMappings.SingleAsync(m => m.EvidenceItemId == item.Id)).CriterionRef);
        var signature = await db.LedgerEntries.SingleAsync(e => e.SubjectId == testimony.Id);
        Assert.Equal(("Witness", null, "Wendy Witness"), (signature.SignerRole, signature.SignerId, signature.SignerName));

        await Assess.AcceptAsync(assessor, a.EnrolmentId, "C3", item.Id, ["3.4"], method: "WitnessTestimony");
        Assert.Contains($"{item.Reference} (witness testimony)", await assessor.GetStringAsync(Assess.UnitUrl(a.EnrolmentId, "C3")), StringComparison.Ordinal);
        Assert.Contains("Omar Owen, Duty manager (Supervisor): omar@hotel.example", await candidate.GetStringAsync($"/Portfolio/{a.EnrolmentId}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_witness_detail_longer_than_its_field_holds_is_named_on_the_form_and_nothing_is_kept(DatabaseProvider provider)
    {
        // Issue 13's route sweep: PostgreSQL refused the row (503, "could not save") and SQLite kept 100,000 characters.
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var response = await candidate.PostFormAsync("/Candidate/Witnesses?handler=Add", new()
        {
            ["Witness.Name"] = new string('O', 201), ["Witness.JobTitle"] = "Duty manager", ["Witness.Relationship"] = "Supervisor", ["Witness.Contact"] = new string('1', 100_000),
        }, tokenFrom: "/Candidate/Witnesses");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Name must be 200 characters or fewer", page, StringComparison.Ordinal);
        Assert.Contains("Contact must be 300 characters or fewer", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#Witness_Name\"", page, StringComparison.Ordinal); // beside its field
        Assert.Contains("Wendy WitnessA", page, StringComparison.Ordinal); // the register is still shown
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.Witnesses.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_list_of_skills_is_sent_back_with_the_seeds_warning_before_it_is_kept(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var witness = app.CreateClient(new() { AllowAutoRedirect = false });
        var link = $"/Witness/{app.A.WitnessToken}";

        var warned = await witness.PostFormAsync(link, Complete("Communication, listening, teamwork, problem solving."));
        var body = await warned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("The description reads like a list of skills.", body, StringComparison.Ordinal);
        Assert.Contains("It is not appropriate for witness testimonies to contain a list of the skills", body, StringComparison.Ordinal);

        var kept = await witness.PostFormAsync(link, new(Complete("Communication, listening, teamwork, problem solving.")) { ["Input.KeepAsWritten"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        await using var db = app.Db(app.A.Id);
        Assert.Contains("list of skills", (await db.WitnessTestimonies.SingleAsync()).Warnings, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Expired_tampered_and_other_centres_links_are_refused(DatabaseProvider provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var app = await new AttestFactory(provider, services: s => s.AddSingleton<TimeProvider>(clock)).SeedAsync();
        using var witness = app.CreateClient(new() { AllowAutoRedirect = false });
        var token = app.A.WitnessToken;
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var otherCentre = $"{app.B.Id:N}{token[32..]}";

        Assert.Equal(HttpStatusCode.NotFound, (await witness.GetAsync($"/Witness/{tampered}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await witness.GetAsync($"/Witness/{otherCentre}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await witness.GetAsync("/Witness/not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await witness.GetAsync($"/Witness/{token}")).StatusCode);

        clock.Advance(TimeSpan.FromDays(15));
        var expired = await witness.GetAsync($"/Witness/{token}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This link expired on 11 December 2026", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.Empty(await db.WitnessTestimonies.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_link_sent_ten_times_at_once_makes_exactly_one_testimony(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var witness = app.CreateClient(new() { AllowAutoRedirect = false });
        var link = $"/Witness/{app.A.WitnessToken}";
        var token = await witness.AntiforgeryTokenAsync(link);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => witness.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>(Complete()) { ["__RequestVerificationToken"] = token }))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Gone, r.StatusCode));
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.WitnessTestimonies.CountAsync());
        Assert.Equal(1, await db.EvidenceItems.CountAsync(i => i.Kind == EvidenceKind.WitnessTestimony));
    }

    [Fact]
    public async Task Guessing_links_from_one_address_is_slowed_to_a_stop()
    {
        using var app = await new AttestFactory(DatabaseProvider.Sqlite).SeedAsync();
        using var guesser = app.CreateClient(new() { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await guesser.GetAsync($"/Witness/{app.A.Id:N}.{Guid.NewGuid():N}{Guid.NewGuid():N}"[..76])).StatusCode);
        }

        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.All(statuses.Skip(30), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_transcribed_testimony_without_contact_details_is_flagged_incomplete_and_cannot_be_accepted(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var assessor = await app.SignedInAsync(a.Assessor);
        var transcribe = $"/Assessor/Enrolments/{a.EnrolmentId}/Witnesses/{a.WitnessId}/Transcribe";
        var fields = Complete();
        fields.Remove("Input.Contact");
        fields["Targets"] = "C3|3.5";

        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync(transcribe, fields)).StatusCode);

        var list = await assessor.GetStringAsync($"/Assessor/Enrolments/{a.EnrolmentId}/Witnesses");
        Assert.Contains("Incomplete", list, StringComparison.Ordinal);
        Assert.Contains("missing the witness&#x27;s contact details", list, StringComparison.Ordinal);
        await using var db = app.Db(a.Id);
        var testimony = await db.WitnessTestimonies.SingleAsync();
        Assert.Equal((false, TestimonySource.Transcribed), (testimony.IsComplete, testimony.Source));
        var refused = await Assess.JudgeAsync(assessor, a.EnrolmentId, "C3", testimony.EvidenceItemId, ["3.5"], method: "WitnessTestimony");
        var refusal = AwardingBodyWordingTests.AssertNoSeed(await refused.Content.ReadAsStringAsync(), "the refused acceptance");
        Assert.Contains("lacks the witness's contact details. It cannot be accepted until the witness gives them (the OCR student guide for 03456, \"Witness statements/testimonies\", lists what a testimony must hold)", refusal, StringComparison.Ordinal);

        var candidate = await app.SignedInAsync(a.Candidate);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.PostFormAsync(transcribe, fields, tokenFrom: "/Candidate")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.PostFormAsync($"/Witness/{a.WitnessToken}", Complete(), tokenFrom: "/Candidate")).StatusCode);
        Assert.Equal(1, await db.WitnessTestimonies.CountAsync());
    }
}
