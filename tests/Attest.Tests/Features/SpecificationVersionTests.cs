using System.Globalization;
using System.Net;
using System.Text;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// A centre brings in the specification of a unit Attest ships as title and credits only (issue 16): OCR's student guide
/// for 03456 gives C4 "Deliver customer service to difficult customers" its title, credits and level only ("its learning
/// outcomes and assessment criteria must be added from the OCR unit specification before it can be assessed"). The criteria
/// below are written for the test, not OCR's wording.
/// </summary>
public class SpecificationVersionTests
{
    private const string Wording = "Test wording: stay calm and polite with a customer who is angry";
    private const string Corrected = "Test wording, corrected: keep calm and polite with a customer who is angry or upset";
    private static readonly string[] Selection = ["F3", "F4", "A13", "B10", "C4", "D8", "D2"];
    private static readonly string[] C4Criteria = ["1.1", "1.2"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_correction_reaches_an_enrolled_learner_only_when_they_are_moved_and_the_move_is_recorded(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var admin = await app.SignedInAsync(a.Admin);

        // Version 1: C4's criteria added on the form. New enrolments use it; the catalogue shows C4 as assessable.
        var saved = await SaveC4Async(admin, Wording, "C4's criteria added from the OCR unit specification.");
        Assert.Equal("/Admin/Specifications/03456", saved.Headers.Location?.OriginalString);
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Specifications"));
        Assert.Contains("Your version 1", list, StringComparison.Ordinal);
        Assert.Contains(Wording, WebUtility.HtmlDecode(await admin.GetStringAsync("/Catalogue/03456/Units/C4")), StringComparison.Ordinal);

        var enrol = await admin.PostFormAsync($"/Admin/Candidates/{a.OtherCandidateId}/Enrol", EnrolFields(Selection), tokenFrom: $"/Admin/Candidates/{a.OtherCandidateId}/Enrol");
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Guid enrolmentId, versionOne;
        await using (var db = app.Db(a.Id))
        {
            versionOne = (await db.SpecificationVersions.SingleAsync()).Id;
            var enrolment = await db.Enrolments.SingleAsync(e => e.CandidateId == a.OtherCandidateId && e.QualificationCode == "03456");
            Assert.Equal(versionOne, enrolment.SpecificationId);
            enrolment.AssignAssessor(a.AssessorUserId);
            enrolmentId = enrolment.Id;
            // The learner's evidence, mapped to C4's two criteria (as the evidence page would).
            var now = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);
            var item = new EvidenceItem
            {
                CentreId = a.Id, CandidateId = a.OtherCandidateId, Reference = "E002", Kind = EvidenceKind.WorkProduct, Title = "A difficult customer",
                Body = "What the customer said and how I kept calm.", ActivityFrom = new DateOnly(2026, 9, 1), ActivityTo = new DateOnly(2026, 9, 1),
                Context = EvidenceContext.RealWork, Occasions = Occasions.Routine, UploadedAt = now,
            };
            db.EvidenceItems.Add(item);
            db.EvidenceMappings.AddRange(C4Criteria.Select(c => new EvidenceMapping
            {
                CentreId = a.Id, EvidenceItemId = item.Id, EnrolmentId = enrolmentId, UnitCode = "C4", CriterionRef = c, Locator = "paragraph 2", CreatedAt = now,
            }));
            await EvidenceNumbering.MovePastAsync(db, a.OtherCandidateId, ["E002"]);
            await db.SaveChangesAsync();
            var assessor = await app.SignedInAsync(a.Assessor);
            await Assess.AcceptAsync(assessor, enrolmentId, "C4", item.Id, C4Criteria, method: "WorkProduct");
            var decided = await Assess.DecideManyAsync(assessor, enrolmentId, "C4",
                [new("1.1", "Met", "The log shows the learner calm with an angry customer.", "C4 1.1: your log shows this in paragraph 2."),
                 new("1.2", "Met", "The log shows the learner explaining what can be done.", "C4 1.2: your log shows this in paragraph 2.")], acceptWarnings: true);
            Assert.True(decided.StatusCode == HttpStatusCode.Redirect, await decided.Content.ReadAsStringAsync());
            var signOff = await assessor.PostFormAsync(Assess.UnitUrl(enrolmentId, "C4") + "?handler=SignOff", new() { ["SignOff.Confirmed"] = "true" }, tokenFrom: Assess.UnitUrl(enrolmentId, "C4"));
            Assert.True(signOff.StatusCode == HttpStatusCode.Redirect, await signOff.Content.ReadAsStringAsync());
        }

        // Version 2 rewords C4 1.1 on the form: the learner enrolled on version 1 still reads version 1's wording everywhere.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveC4Async(admin, Corrected, "C4 1.1 reworded.")).StatusCode);
        var assessorClient = await app.SignedInAsync(a.Assessor);
        var unitPage = WebUtility.HtmlDecode(await assessorClient.GetStringAsync(Assess.UnitUrl(enrolmentId, "C4")));
        Assert.Contains(Wording, unitPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Corrected, unitPage, StringComparison.Ordinal);
        var sheetPath = Path.Combine(app.DataFolder, "c4-sheet.pdf");
        await File.WriteAllBytesAsync(sheetPath, await assessorClient.GetByteArrayAsync($"/Portfolio/{enrolmentId}/Units/C4/RecordSheet"));
        var sheet = await ExternalTool.PdfTextAsync(sheetPath);
        // The sheet wraps long lines: the start of each wording tells them apart.
        Assert.Contains("1.1 Test wording: stay calm", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("Test wording, corrected", sheet, StringComparison.Ordinal);

        Assert.Contains(Corrected, WebUtility.HtmlDecode(await admin.GetStringAsync("/Catalogue/03456/Units/C4")), StringComparison.Ordinal);
        var versions = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Specifications/03456"));
        Assert.Contains("1 learner is on version 1", versions, StringComparison.Ordinal);
        Assert.Contains($"C4: criterion 1.1 reworded from \"{Wording}\" to \"{Corrected}\"", versions, StringComparison.Ordinal);

        // Moving needs a reason: without one nobody moves.
        var refused = await admin.PostFormAsync("/Admin/Specifications/03456", new() { ["Input.FromVersion"] = "1", ["Input.Reason"] = " " }, tokenFrom: "/Admin/Specifications/03456");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Say why the learner moves", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.Db(a.Id))
        {
            Assert.Equal(versionOne, (await db.Enrolments.SingleAsync(e => e.Id == enrolmentId)).SpecificationId);
        }

        const string Why = "C4 1.1's wording corrected from the OCR unit specification.";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Specifications/03456", new() { ["Input.FromVersion"] = "1", ["Input.Reason"] = Why }, tokenFrom: "/Admin/Specifications/03456")).StatusCode);
        await using (var db = app.Db(a.Id))
        {
            var versionTwo = (await db.SpecificationVersions.SingleAsync(v => v.Version == 2)).Id;
            Assert.Equal(versionTwo, (await db.Enrolments.SingleAsync(e => e.Id == enrolmentId)).SpecificationId);
            var move = await db.EnrolmentStatusChanges.SingleAsync(c => c.EnrolmentId == enrolmentId);
            Assert.Equal((EnrolmentAct.SpecificationMoved, Why), (move.Act, move.Reason));
            Assert.Equal($"from version 1 to version 2\nC4: criterion 1.1 reworded from \"{Wording}\" to \"{Corrected}\"", move.Changes);
            Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == EnrolmentStatusChange.Kind && e.SubjectId == move.Id));
            // Every decision and the sign-off are kept as they were made.
            Assert.Equal(2, await db.CriterionDecisions.CountAsync(d => d.EnrolmentId == enrolmentId));
            Assert.Equal(1, await db.UnitSignOffs.CountAsync(s => s.EnrolmentId == enrolmentId));
            // The learner enrolled on the shipped specification was not moved by it.
            Assert.Null((await db.Enrolments.SingleAsync(e => e.Id == a.EnrolmentId)).SpecificationId);
        }

        Assert.Contains(Corrected, WebUtility.HtmlDecode(await assessorClient.GetStringAsync(Assess.UnitUrl(enrolmentId, "C4"))), StringComparison.Ordinal);
        Assert.Contains("Moved from version 1 to version 2 of the specification", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Enrolments/{enrolmentId}/Status")), StringComparison.Ordinal);
        var (exit, output) = await app.CliAsync("ledger", "verify");
        Assert.True(exit == 0, output);

        // Each version downloads as the YAML it was checked from, to correct or to give another centre: uploaded, it changes nothing.
        var download = await admin.GetStringAsync("/Admin/Specifications/03456?handler=Yaml&version=2");
        Assert.Contains(Corrected, download, StringComparison.Ordinal);
        Assert.Contains("This is the same as 03456 Level 3 NVQ Diploma in Customer Service version 2: nothing to save.", WebUtility.HtmlDecode(await (await UploadAsync(admin, "again.yaml", download, null)).Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unit_form_shows_each_problem_by_line_and_saves_nothing_and_previews_the_unit_as_learners_read_it(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        const string Page = "/Admin/Specifications/03456/Unit";
        var refused = await admin.PostFormAsync(Page + "?handler=Preview", new()
        {
            ["Input.Code"] = "C3", ["Input.Title"] = "Test unit", ["Input.Group"] = "D", ["Input.Source"] = "Test",
            ["Input.Outcomes"] = "1.1 Test wording: before any outcome\nOutcome 1: Test outcome\n1.1 Test wording\n1.1 [knowlege] Test wording again\n1.2",
        }, tokenFrom: Page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        foreach (var reason in new[]
        {
            "03456 already has unit C3 Resolve customer service problems: choose another code, or correct that unit instead.",
            "Learning outcomes and criteria, line 1: start with the learning outcome the criteria belong to",
            "Learning outcomes and criteria, line 4: criterion 1.1 is given twice (first on line 3)",
            "Learning outcomes and criteria, line 5: 1.2 has no wording after it",
        })
        {
            Assert.Contains(reason, page, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"#Input_Outcomes\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"preview\"", page, StringComparison.Ordinal);

        var preview = await admin.PostFormAsync(Page + "?handler=Preview&unit=C4", C4Form(Wording, null), tokenFrom: Page + "?unit=C4");
        var previewed = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Preview of unit C4: Deliver customer service to difficult customers, as learners will read it", previewed, StringComparison.Ordinal);
        Assert.Contains("Learning outcome 1: Deal with customers who are difficult", previewed, StringComparison.Ordinal);
        Assert.Contains(Wording, previewed, StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.False(await db.SpecificationVersions.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_file_is_refused_with_file_line_and_reason_and_nothing_is_saved(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var duplicate = WithC4(Wording).Replace("          - ref: \"1.2\"", "          - ref: \"1.1\"", StringComparison.Ordinal);
        var response = await UploadAsync(admin, "duplicate.yaml", duplicate, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var line = duplicate[..duplicate.LastIndexOf("- ref: \"1.1\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Matches($"duplicate\\.yaml:{line}:\\d+: [^<]*1\\.1", page);

        var unchanged = await UploadAsync(admin, "same.yaml", File.ReadAllText(ShippedFile()), null);
        Assert.Contains("This is the same as 03456 Level 3 NVQ Diploma in Customer Service as shipped: nothing to save.", WebUtility.HtmlDecode(await unchanged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var broken = await UploadAsync(admin, "broken.yaml", "schemaVersion: 1\nqualification: [unclosed\n", null);
        Assert.Contains("broken.yaml:", WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.False(await db.SpecificationVersions.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_centres_version_is_never_seen_by_another_centre_and_only_its_administrator_manages_it(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var own = WithC4(Wording).Replace("code: \"03456\"", "code: \"03456A\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, "own.yaml", own, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Specifications/03456A")).StatusCode);
        string[] urls = ["/Admin/Specifications/03456A", "/Admin/Specifications/03456A?handler=Yaml&version=1", "/Catalogue/03456A"];
        var otherAdmin = await app.SignedInAsync(app.B.Admin);
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(url)).StatusCode);
        }

        Assert.DoesNotContain("03456A", await otherAdmin.GetStringAsync("/Admin/Specifications"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostFormAsync(urls[0], new() { ["Input.FromVersion"] = "0", ["Input.Reason"] = "x" }, tokenFrom: "/Admin/Specifications")).StatusCode);
        foreach (var user in new[] { app.A.Assessor, app.A.Iqa, app.A.Candidate })
        {
            var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(urls[0])).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Specifications")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync("/Admin/Specifications", new() { ["Input.Note"] = "x" }, tokenFrom: "/Catalogue")).StatusCode);
        }

        await using var db = app.Db(app.B.Id);
        Assert.False(await db.SpecificationVersions.AnyAsync());
    }

    private static string ShippedFile() => Path.Combine(AppContext.BaseDirectory, "catalogue", "ocr", "03456-l3-nvq-diploma-customer-service.yaml");

    /// <summary>The shipped 03456 with C4's title-only entry replaced by one learning outcome of two criteria, the first worded <paramref name="first"/>.</summary>
    internal static string WithC4(string first)
    {
        var shipped = File.ReadAllText(ShippedFile());
        var start = shipped.IndexOf("    notAssessableReason: >-", shipped.IndexOf("code: \"C4\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = shipped.IndexOf("  - code: \"C5\"", start, StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "03456's C4 entry has changed shape: update the test");
        return shipped[..start] + $"""
                learningOutcomes:
                  - ref: "1"
                    title: "Deal with customers who are difficult"
                    criteria:
                      - ref: "1.1"
                        kind: performance
                        text: "{first}"
                      - ref: "1.2"
                        kind: performance
                        text: "Test wording: explain to the customer what can and cannot be done"

            """ + shipped[end..];
    }

    /// <summary>C4's criteria on the unit form, as an administrator types them.</summary>
    private static Dictionary<string, string> C4Form(string first, string? note) => new()
    {
        ["Input.Title"] = "Deliver customer service to difficult customers", ["Input.AccreditationNumber"] = "T/601/1512", ["Input.Level"] = "2", ["Input.Credits"] = "6",
        ["Input.Source"] = "OCR unit C4 specification (test copy)", ["Input.Simulation"] = "false",
        ["Input.Outcomes"] = $"Outcome 1: Deal with customers who are difficult\n1.1 {first}\n1.2 Test wording: explain to the customer what can and cannot be done\n",
        ["Input.Note"] = note ?? string.Empty,
    };

    private static Task<HttpResponseMessage> SaveC4Async(HttpClient admin, string first, string note) =>
        admin.PostFormAsync("/Admin/Specifications/03456/Unit?unit=C4", C4Form(first, note), tokenFrom: "/Admin/Specifications/03456/Unit?unit=C4");

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient admin, string name, string yaml, string? note) =>
        JourneyTests.PostFileAsync(admin, "/Admin/Specifications", name, Encoding.UTF8.GetBytes(yaml), note is null ? [] : [("Input.Note", note)]);

    private static Dictionary<string, string> EnrolFields(string[] units)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.QualificationCode"] = "03456", ["Input.RegisteredOn"] = new DateOnly(2026, 9, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < units.Length; i++)
        {
            fields[$"Input.Units[{i}]"] = units[i];
        }

        return fields;
    }
}
