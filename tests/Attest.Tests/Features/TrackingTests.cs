using System.Net;
using Attest.Core.Data;
using Attest.Core.Tracking;
using Attest.Tests.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 5 tracking: "candidate view (units, ACs met, what is missing, next review), assessor caseload (... items awaiting
/// decision), centre dashboard (progress, achievement, IQA coverage, overdue actions), with SVG charts and CSV/XLSX exports".
/// </summary>
public class TrackingTests
{
    /// <summary>The units of the seeded candidate's 03456 enrolment.</summary>
    private static readonly string[] SeededUnits = ["F3", "F4", "A13", "B10", "C3", "D8", "D2"];

    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_candidate_sees_what_is_missing_the_assessor_what_awaits_a_decision_and_the_centre_its_dashboard(DatabaseProvider provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var app = await new AttestFactory(provider, services: s => s.AddSingleton<TimeProvider>(clock)).SeedAsync();
        var a = app.A;
        var piece = C3Portfolio.Complete()[0];
        var ids = await C3Portfolio.AddAsync(app, a, [piece]); // mapped to C3's performance criteria on 1 October 2026
        var performance = C3Portfolio.Performance;

        var candidate = await app.SignedInAsync(a.Candidate);
        var page = WebUtility.HtmlDecode(await candidate.GetStringAsync("/Candidate"));
        Assert.Contains("Next review</dt><dd class=\"govuk-summary-list__value\">25 December 2026 (Initial assessment and learning contract)", page, StringComparison.Ordinal);
        var mine = MissingOfC3(page);
        Assert.Contains($"<strong>{performance[0]}</strong>", mine, StringComparison.Ordinal);
        Assert.Contains("Evidence mapped on 1 October 2026, awaiting the assessor's decision", mine, StringComparison.Ordinal);
        Assert.Contains($"{C3Portfolio.Unit.Criteria.Count()} criteria to meet, {performance.Length} awaiting a decision", mine, StringComparison.Ordinal);
        Assert.Contains("No evidence mapped yet", mine, StringComparison.Ordinal);

        var assessor = await app.SignedInAsync(a.Assessor);
        Assert.Contains($"Awaiting your decision ({performance.Length})", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        await Assess.AcceptAsync(assessor, a.EnrolmentId, "C3", ids[piece.Reference], performance, piece.Requirements, piece.Method);
        Assert.Equal(HttpStatusCode.Redirect, (await Assess.DecideAsync(assessor, a.EnrolmentId, "C3", performance[0], "Met",
            "The accepted evidence shows it.", $"C3 {performance[0]}: your problem log shows this on page 1, in your own words and with the customer's response.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Assess.DecideAsync(assessor, a.EnrolmentId, "C3", performance[1], "NotYetMet",
            "The log does not show this yet.", $"C3 {performance[1]}: page 1 of your problem log says what you did but not how you checked the customer was satisfied; add that.")).StatusCode);

        Assert.Contains($"Awaiting your decision ({performance.Length - 2})", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        mine = MissingOfC3(WebUtility.HtmlDecode(await candidate.GetStringAsync("/Candidate")));
        Assert.Contains($"<strong>{performance[1]}</strong> {C3Portfolio.Unit.FindCriterion(performance[1])!.Text}: Not yet met on 27 November 2026: act on the assessor's feedback", mine, StringComparison.Ordinal);
        Assert.DoesNotContain($"<strong>{performance[0]}</strong>", mine, StringComparison.Ordinal);

        await using (var db = app.Db(a.Id))
        {
            var other = await db.Candidates.SingleAsync(c => c.Id == a.OtherCandidateId);
            other.GivenName = Formula;
            // One row starts with the awarding body's candidate number, the other with an empty cell (no number yet).
            (await db.Candidates.SingleAsync(c => c.Id == a.CandidateId)).AwardingBodyCandidateNumber = "A0042";
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromDays(40)); // the learning contract's review (25 December) is now overdue
        var admin = await app.SignedInAsync(a.Admin);
        var dashboard = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Dashboard"));
        Assert.Contains("2 enrolments on 6 January 2027", dashboard, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"attest-chart\"", dashboard, StringComparison.Ordinal);
        var criteria = SeededUnits.Select(u => ShippedCatalogue.Diploma03456.FindUnit(u)!).Where(u => u.IsAssessable).Sum(u => u.Criteria.Count());
        Assert.Contains($"<td class=\"govuk-table__cell govuk-table__cell--numeric\">1 of {criteria} ({100 / criteria}%)</td>", dashboard, StringComparison.Ordinal);
        Assert.Contains("Initial assessment and learning contract: review due 25 December 2026", dashboard, StringComparison.Ordinal);
        Assert.Contains("Cara Centrea", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Centreb", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"http://evil.example\"", dashboard, StringComparison.Ordinal);

        var xlsx = await admin.GetAsync("/Admin/Dashboard?handler=Xlsx");
        Assert.Equal(Attest.Core.Spreadsheets.Xlsx.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(XlsxText).ToList()).ToList();
        Assert.Equal(TrackingTable.Columns.Select(c => c.Header), rows[0]);
        Assert.Equal(3, rows.Count);
        var number = TrackingTable.Columns.ToList().FindIndex(c => c.Header == "Candidate number");
        var name = TrackingTable.Columns.ToList().FindIndex(c => c.Header == "Candidate name");
        var met = TrackingTable.Columns.ToList().FindIndex(c => c.Header == "Criteria met");
        Assert.Contains(rows, r => r[name] == Formula + " Centrea" && r[number] == "");
        Assert.Equal(("A0042", "1"), (rows.Single(r => r[name] == "Cara Centrea")[number], rows.Single(r => r[name] == "Cara Centrea")[met]));
        Assert.Empty(workbook.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());

        // The CSV holds the same cells in the same columns as the workbook; only a cell a spreadsheet would run as a formula is escaped.
        var csv = await admin.GetAsync("/Admin/Dashboard?handler=Csv");
        Assert.Equal("tracking-20001-2027-01-06.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        var csvRows = await CsvDownload.ReadAsync(csv);
        Assert.Equal(rows.Select(r => r.Select(cell => cell.StartsWith('=') ? "'" + cell : cell).ToList()).ToList(), csvRows.Select(r => r.ToList()).ToList());

        // Filtered to one qualification, the page and both downloads hold its candidates only.
        var filtered = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Dashboard?qualification=03456"));
        Assert.Contains("1 enrolment on", filtered, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Dashboard?handler=Csv&qualification=03456\"", filtered, StringComparison.Ordinal);
        var one = await CsvDownload.ReadAsync(await admin.GetAsync("/Admin/Dashboard?handler=Csv&qualification=03456"));
        Assert.Equal(2, one.Count);
        Assert.Equal("Cara Centrea", one[1][name]);

        foreach (var user in new[] { a.Assessor, a.Iqa, a.Candidate, a.Eqa })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Dashboard?handler=Csv")).StatusCode);
        }

        using var otherAdmin = await app.SignedInAsync(app.B.Admin);
        Assert.DoesNotContain("Centrea", await (await otherAdmin.GetAsync("/Admin/Dashboard?handler=Csv")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_dashboard_counts_every_enrolment_but_lists_them_a_page_at_a_time_and_exports_them_all(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using (var db = app.Db(app.A.Id))
        {
            for (var i = 0; i < 30; i++)
            {
                var candidate = new Attest.Core.Centres.Candidate { CentreId = app.A.Id, GivenName = "Paged", FamilyName = $"Learner{i:00}", DateOfBirth = new DateOnly(2000, 1, 1), Uln = "1234567899", CreatedAt = now };
                db.Candidates.Add(candidate);
                db.Enrolments.Add(Attest.Core.Portfolios.Enrolment.Create(app.A.Id, candidate.Id, ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], DateOnly.FromDateTime(now).AddDays(-10), now));
            }

            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync(app.A.Admin);
        await using var counted = app.Db(app.A.Id);
        var enrolments = await counted.Enrolments.CountAsync();
        var first = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Dashboard?qualification=03456"));
        var onQualification = await counted.Enrolments.CountAsync(e => e.QualificationCode == "03456");
        Assert.Contains($"{onQualification} enrolments on", first, StringComparison.Ordinal);
        Assert.Contains("page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Dashboard?page=2&qualification=03456\"", first, StringComparison.Ordinal);
        var second = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Dashboard?page=2&qualification=03456"));
        Assert.Contains("page 2 of 2", second, StringComparison.Ordinal);
        Assert.Contains("Learner29", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Learner29", first, StringComparison.Ordinal);
        var csv = await CsvDownload.ReadAsync(await admin.GetAsync("/Admin/Dashboard?handler=Csv"));
        Assert.Equal(enrolments, csv.Count - 1);
    }

    /// <summary>A cell as the workbook shows it: text, a number, or a date-formatted number as an ISO date (as the CSV writes dates).</summary>
    private static string XlsxText(Cell cell) =>
        cell.StyleIndex?.Value == 1 && cell.CellValue is { } date
            ? DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(date.Text, System.Globalization.CultureInfo.InvariantCulture))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : cell.InlineString?.Text?.Text ?? cell.CellValue?.Text ?? "";

    /// <summary>The "what is missing" list of unit C3 alone: other units have criteria with the same numbers.</summary>
    private static string MissingOfC3(string page)
    {
        var start = page.IndexOf($"C3 {C3Portfolio.Unit.Title}:", StringComparison.Ordinal);
        Assert.True(start >= 0, "C3 has nothing missing");
        return page[start..page.IndexOf("</details>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_candidates_progress_page_is_for_them_their_assessor_the_IQA_and_the_administrator(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var url = $"/Tracking/Enrolments/{a.EnrolmentId}";
        foreach (var (user, unitLink) in new[] { (a.Candidate, "/Candidate/Enrolments/"), (a.Assessor, "/Assessor/Enrolments/"), (a.Iqa, "/Iqa/Enrolments/"), (a.Admin, null) })
        {
            using var client = await app.SignedInAsync(user);
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await page.Content.ReadAsStringAsync();
            Assert.Contains("Cara Centrea", body, StringComparison.Ordinal);
            Assert.Contains("What is missing", body, StringComparison.Ordinal);
            Assert.Equal(unitLink is not null, body.Contains($"{unitLink}{a.EnrolmentId}/Units/C3", StringComparison.Ordinal));
        }

        foreach (var user in new[] { a.OtherCandidate, a.OtherAssessor, app.B.Admin, app.B.Iqa })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        using var eqa = await app.SignedInAsync(a.Eqa);
        Assert.Equal(HttpStatusCode.Forbidden, (await eqa.GetAsync(url)).StatusCode);
    }
}
