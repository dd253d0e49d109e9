using System.Net;
using System.Net.Http.Headers;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>The foundation journey over HTTP, on each database provider.</summary>
public class JourneyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Admin_registers_enrols_and_assigns_then_candidate_uploads_and_maps_and_assessor_decides(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var centre = app.A;

        // Admin registers a candidate; a bad ULN is refused with the rule.
        var admin = await app.SignedInAsync(centre.Admin);
        var refused = await admin.PostFormAsync("/Admin/Candidates/Register", new()
        {
            ["Input.GivenName"] = "Dana", ["Input.FamilyName"] = "Reed", ["Input.DateOfBirth"] = "2003-05-06", ["Input.Uln"] = "1234567898", ["Input.Email"] = "dana@a.test",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("check digit", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var registered = await admin.PostFormAsync("/Admin/Candidates/Register", new()
        {
            ["Input.GivenName"] = "Dana", ["Input.FamilyName"] = "Reed", ["Input.DateOfBirth"] = "2003-05-06", ["Input.Uln"] = "2345678908", ["Input.CandidateNumber"] = "0042", ["Input.Email"] = "dana@a.test",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var candidatePage = registered.Headers.Location!.OriginalString;
        Assert.Contains("Invited: has not chosen a password yet", await admin.GetStringAsync(candidatePage), StringComparison.Ordinal);

        // No password is shown to anyone: the candidate chooses one through the emailed link.
        var invitation = await app.Mail.WaitForAsync("dana@a.test");
        var candidateClient = app.CreateClient(new() { AllowAutoRedirect = false });
        const string password = "heron quarry velvet tide";
        var chosen = await candidateClient.PostFormAsync(Mailbox.LinkPath(invitation, "/Account/Password/"), new() { ["Password"] = password, ["ConfirmPassword"] = password });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        // Enrolment that breaks the rules is refused with the engine's reasons, and nothing is saved.
        var enrolUrl = candidatePage + "/Enrol";
        var broken = await admin.PostFormAsync(enrolUrl, Form(("Input.QualificationCode", "03456"), ("Input.RegisteredOn", "2026-11-20"), ("Input.Units", "F3"), ("Input.Units", "F4"), ("Input.Units", "A13"), ("Input.Units", "B10"), ("Input.Units", "D8"), ("Input.Units", "D2"), ("Input.Units", "D3")), enrolUrl + "?qualification=03456");
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("Needs at least one unit from group D, Handling problems: C3-C8.", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Registration after the qualification's last registration date is refused with the reason (seed 003).
        var late = await admin.PostFormAsync(enrolUrl, Form(("Input.QualificationCode", "03455"), ("Input.RegisteredOn", "2020-09-01"), ("Input.Units", "F1")), enrolUrl + "?qualification=03455");
        Assert.Contains("closed on 31 August 2020", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var enrolled = await admin.PostFormAsync(enrolUrl, Form(("Input.QualificationCode", "03456"), ("Input.RegisteredOn", "2026-11-20"), ("Input.Units", "F3"), ("Input.Units", "F4"), ("Input.Units", "A13"), ("Input.Units", "B10"), ("Input.Units", "C3"), ("Input.Units", "D8"), ("Input.Units", "D2")), enrolUrl + "?qualification=03456");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Guid enrolmentId;
        await using (var db = app.Db(centre.Id))
        {
            var candidate = await db.Candidates.SingleAsync(c => c.GivenName == "Dana");
            enrolmentId = (await db.Enrolments.SingleAsync(e => e.CandidateId == candidate.Id)).Id;
            Assert.Equal(1, await db.Enrolments.CountAsync(e => e.CandidateId == candidate.Id));
        }

        var assessorId = await AssessorIdAsync(app, centre.Id, centre.Assessor);
        var assigned = await admin.PostFormAsync($"/Admin/Enrolments/{enrolmentId}/Assessor", new() { ["AssessorId"] = assessorId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        // The candidate sees units, criteria, and uploads a file as evidence.
        var signIn = await candidateClient.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "dana@a.test", ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var unitPage = await candidateClient.GetStringAsync($"/Candidate/Enrolments/{enrolmentId}/Units/C3");
        Assert.Contains("Listen carefully to customers about any problem they have raised", unitPage, StringComparison.Ordinal);
        Assert.Contains("0 of 21 criteria met", unitPage, StringComparison.Ordinal);

        var pdf = "%PDF-1.7\nA log of a customer problem I resolved.\n"u8.ToArray();
        var upload = await PostFileAsync(candidateClient, "/Candidate/Evidence/Add?kind=UploadedFile", "case-log.pdf", pdf, ("Input.Title", "Case log: late delivery"));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var evidenceUrl = upload.Headers.Location!.OriginalString;
        await using (var db = app.Db(centre.Id))
        {
            var item = await db.EvidenceItems.SingleAsync(i => i.Title == "Case log: late delivery");
            Assert.Equal("E001", item.Reference);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), item.Sha256);
            Assert.Equal(pdf.Length, item.SizeBytes);
        }

        var mapped = await candidateClient.PostFormAsync(evidenceUrl, new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = $"{enrolmentId:N}|C3|1.1", ["Input.Criteria[0].Locator"] = "page 1", ["Input.Note"] = "I listened to the customer" });
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);

        // The assessor sees the caseload, opens the evidence, and decides.
        var assessor = await app.SignedInAsync(centre.Assessor);
        Assert.Contains("Dana Reed", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        var assessorUnit = $"/Assessor/Enrolments/{enrolmentId}/Units/C3";
        var download = await assessor.GetAsync(evidenceUrl.Replace("/Candidate/Evidence/", "/Evidence/", StringComparison.Ordinal) + "/Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var noJustification = await Assess.DecideAsync(assessor, enrolmentId, "C3", "1.1", "Met", "", "Well listened.");
        Assert.Contains("Justification is required", await noJustification.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noEvidence = await Assess.DecideAsync(assessor, enrolmentId, "C3", "1.1", "Met", "Seen.", "Good.");
        Assert.Contains("no evidence is accepted for 1.1 yet", await noEvidence.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var itemId = Guid.Parse(evidenceUrl.Split('/')[^1]);
        await Assess.AcceptAsync(assessor, enrolmentId, "C3", itemId, ["1.1"], ["4a"], "WorkProduct");
        Assert.Contains("Accepted as work product for 1.1; covers requirements 4a", await assessor.GetStringAsync(assessorUnit), StringComparison.Ordinal);

        var decided = await Assess.DecideAsync(assessor, enrolmentId, "C3", "1.1", "Met", "E001 page 1 records the customer's words and her summary back.", "C3 1.1: E001 page 1 shows you listened to the whole complaint and checked back what you heard before acting.");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("1 of 21 criteria met", await candidateClient.GetStringAsync($"/Candidate/Enrolments/{enrolmentId}/Units/C3"), StringComparison.Ordinal);

        await using (var db = app.Db(centre.Id))
        {
            var decision = await db.CriterionDecisions.SingleAsync();
            Assert.Equal((DecisionOutcome.Met, "E001", assessorId), (decision.Outcome, decision.EvidenceReferences, decision.AssessorId));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unit_7_shows_the_grade_the_criteria_met_give(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var centre = app.A;
        var candidate = await app.SignedInAsync(centre.OtherCandidate);
        var upload = await PostFileAsync(candidate, "/Candidate/Evidence/Add?kind=UploadedFile", "guide.pdf", "%PDF-1.4 guide"u8.ToArray(), ("Input.Title", "Information guide"));
        var evidenceUrl = upload.Headers.Location!.OriginalString;
        string[] pass = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"];
        foreach (var p in pass)
        {
            await candidate.PostFormAsync(evidenceUrl, new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = $"{centre.GradedEnrolmentId:N}|7|{p}" });
        }

        var assessor = await app.SignedInAsync(centre.Assessor);
        await Assess.AcceptAsync(assessor, centre.GradedEnrolmentId, "7", Guid.Parse(evidenceUrl.Split('/')[^1]), pass, method: "WorkProduct");
        Assert.Equal(HttpStatusCode.Redirect, (await Assess.DecideManyAsync(assessor, centre.GradedEnrolmentId, "7",
            pass.Take(8).Select(p => new Assess.Decision(p, "Met", $"{p} shown in E001.", $"{p}: your information guide (E001) shows this clearly, with examples from your own reception work at the hotel.")))).StatusCode);

        Assert.Contains("Grade: Unclassified", await candidate.GetStringAsync($"/Candidate/Enrolments/{centre.GradedEnrolmentId}/Units/7"), StringComparison.Ordinal);
        await Assess.DecideAsync(assessor, centre.GradedEnrolmentId, "7", "P9", "Met", "P9 shown in E001.", "P9: your review (E001) names the areas for improvement in handling the angry guest, in your own words.");
        var page = await candidate.GetStringAsync($"/Candidate/Enrolments/{centre.GradedEnrolmentId}/Units/7");
        Assert.Contains("Grade: Pass", page, StringComparison.Ordinal);
        Assert.Contains("Merit also needs M1, M2, M3, M4", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Health_reports_database_and_file_store(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var client = app.CreateClient();

        using var health = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/health"));

        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("fileStore").GetProperty("status").GetString());
    }

    internal static Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string fileName, byte[] content, params (string Name, string Value)[] fields) =>
        PostFileAsync(client, url, url, "Input.File", fileName, content, fields);

    /// <summary>Posts a file as <paramref name="fileField"/> with the antiforgery token of the form on <paramref name="tokenFrom"/>.</summary>
    internal static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string tokenFrom, string fileField, string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(tokenFrom);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        return await client.PostAsync(url, form);
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
        fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).ToList();

    private static async Task<Guid> AssessorIdAsync(AttestFactory app, Guid centreId, string email)
    {
        await using var db = app.Db(centreId);
        return (await db.Users.SingleAsync(u => u.Email == email)).Id;
    }
}
