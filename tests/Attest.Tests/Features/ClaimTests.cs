using System.Net;
using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>Certification claims through the pages: made from achievement that stands, signed into the ledger, exported as CSV, recorded as PDF, seen by no one else.</summary>
public class ClaimTests
{
    private const string Hostile = "=HYPERLINK(\"http://evil.test\",\"Click\")";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_countersigned_unit_is_claimed_once_signed_into_the_ledger_exported_as_csv_text_and_recorded_as_pdf(DatabaseProvider provider)
    {
        ExternalTool.Require("pdftotext", "poppler-utils");
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        var admin = await app.SignedInAsync(app.A.Admin);
        var page = $"/Admin/Claims/{app.A.EnrolmentId}";

        var waiting = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains("Unit C3 waits for the candidate to countersign its sign-off", waiting, StringComparison.Ordinal);
        Assert.Contains("Unit F3 is not achieved: it has no sign-off that stands.", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign and make the claim", waiting, StringComparison.Ordinal);

        await C3Portfolio.CountersignAsync(app, app.A);
        await using (var db = app.Db(app.A.Id))
        {
            (await db.Candidates.SingleAsync(c => c.Id == app.A.CandidateId)).GivenName = Hostile;
            await db.SaveChangesAsync();
        }

        Assert.Contains("Ready to claim", await admin.GetStringAsync(page), StringComparison.Ordinal);
        var unconfirmed = await admin.PostFormAsync(page, [new("Input.Scope", "Unit"), new("Input.Units", "C3")]);
        Assert.Contains("Confirm the declaration to make the claim", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notReady = await admin.PostFormAsync(page, [new("Input.Scope", "Unit"), new("Input.Units", "C3"), new("Input.Units", "F3"), new("Input.Confirmed", "true")]);
        Assert.Contains("Unit F3 is not achieved: it has no sign-off that stands.", WebUtility.HtmlDecode(await notReady.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var whole = await admin.PostFormAsync(page, [new("Input.Scope", "Qualification"), new("Input.Confirmed", "true")]);
        Assert.Contains("do not yet meet the rules of combination", await whole.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var claimed = await admin.PostFormAsync(page, [new("Input.Scope", "Unit"), new("Input.Units", "C3"), new("Input.Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        var again = await admin.PostFormAsync(page, [new("Input.Scope", "Unit"), new("Input.Units", "C3"), new("Input.Confirmed", "true")]);
        Assert.Contains("Unit C3 has already been claimed.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        CertificationClaim claim;
        await using (var db = app.Db(app.A.Id))
        {
            claim = await db.CertificationClaims.SingleAsync();
            Assert.Equal(("C3", "1234567899", ClaimScope.Unit), (claim.Lines.Single().UnitCode, claim.Uln, claim.Scope));
            var entry = await db.LedgerEntries.SingleAsync(e => e.SubjectId == claim.Id);
            Assert.Equal((CertificationClaim.Kind, "CentreAdmin", "admin A"), (entry.Kind, entry.SignerRole, entry.SignerName));
            Assert.Contains("units: C3 ", entry.Content, StringComparison.Ordinal);
            Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
        }

        var csv = await admin.GetAsync("/Admin/Claims/Export");
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition!.DispositionType);
        var rows = await CsvDownload.ReadAsync(csv);
        Assert.Equal(ClaimsCsv.Header, rows[0]);
        var row = rows.Single(r => r[10] == "C3");
        Assert.Equal(["20001", "1234567899", "'" + Hostile + " Centrea", "03456", "C3"], new[] { row[0], row[5], row[6], row[7], row[10] });
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"cell starts a formula: {cell}"));
        Assert.Single(await CsvDownload.ReadAsync(await admin.GetAsync("/Admin/Claims/Export?from=2099-01-01"))); // header only

        var pdf = await admin.GetAsync($"/Admin/Claims/Certificate/{claim.Id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var path = Path.Combine(app.DataFolder, "record.pdf");
        await File.WriteAllBytesAsync(path, await pdf.Content.ReadAsByteArrayAsync());
        var text = await ExternalTool.PdfTextAsync(path);
        Assert.Contains("Record of unit achievement", text, StringComparison.Ordinal);
        Assert.Contains("Unit C3 Resolve customer service problems: achieved", text, StringComparison.Ordinal);

        // Nobody else sees it: centre B's administrator, and the wrong roles of centre A.
        var otherAdmin = await app.SignedInAsync(app.B.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/Admin/Claims/Certificate/{claim.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(page)).StatusCode);
        Assert.DoesNotContain("C3", (await otherAdmin.GetStringAsync("/Admin/Claims/Export")).Split("\r\n", 2)[1], StringComparison.Ordinal);
        foreach (var user in new[] { app.A.Assessor, app.A.Iqa, app.A.Eqa, app.A.Candidate })
        {
            var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Admin/Claims/Certificate/{claim.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Claims/Export")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_qualification_claim_is_exported_as_a_row_for_the_qualification_followed_by_the_units_it_rests_on(DatabaseProvider provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var app = await new AttestFactory(provider, services: s => s.AddSingleton<TimeProvider>(clock)).SeedAsync();
        await GradedUnitTests.SignOffWithDistinctionAsync(app);
        await using (var db = app.Db(app.A.Id))
        {
            var enrolment = await db.Enrolments.SingleAsync(e => e.Id == app.A.GradedEnrolmentId);
            (await db.Candidates.SingleAsync(c => c.Id == enrolment.CandidateId)).Uln = "1000000004"; // seeded with the temporary ULN, on which nothing is claimed
            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync(app.A.Admin);
        var page = $"/Admin/Claims/{app.A.GradedEnrolmentId}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, [new("Input.Scope", "Unit"), new("Input.Units", "7"), new("Input.Confirmed", "true")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, [new("Input.Scope", "Qualification"), new("Input.Confirmed", "true")])).StatusCode);

        var rows = await CsvDownload.ReadAsync(await admin.GetAsync("/Admin/Claims/Export"));
        var columns = rows[0].ToList();
        const string today = "2026-11-27";
        Assert.Equal(
            [
                ("Unit", "CTL2-CS", "7", "Handling challenging customer service situations", today, "Distinction"),
                ("Qualification", "CTL2-CS", "", "", today, ""),
                ("Qualification", "CTL2-CS", "7", "Handling challenging customer service situations", today, "Distinction"),
            ],
            rows.Skip(1).Select(r => (r[columns.IndexOf("Claim type")], r[columns.IndexOf("Qualification code")], r[columns.IndexOf("Unit")], r[columns.IndexOf("Unit title")],
                r[columns.IndexOf("Achieved on")], r[columns.IndexOf("Grade")])));
        Assert.Equal(2, rows.Skip(1).Select(r => r[columns.IndexOf("Claim reference")]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_administrators_claiming_the_same_unit_at_once_make_one_claim(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        await C3Portfolio.CountersignAsync(app, app.A);
        var page = $"/Admin/Claims/{app.A.EnrolmentId}";
        var admins = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SignedInAsync(app.A.Admin)));

        var responses = await Task.WhenAll(admins.Select(a => a.PostFormAsync(page, [new("Input.Scope", "Unit"), new("Input.Units", "C3"), new("Input.Confirmed", "true")])));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.ClaimLines.CountAsync(l => l.UnitCode == "C3"));
    }
}
