using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Tests.Centres.Import;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Importing candidates from a college MIS over HTTP, on each provider: every problem named before anything is written,
/// a good file imported once with accounts, invitations, enrolments and assessors, a second import of it changing nothing,
/// and the pages closed to other centres and other roles.
/// </summary>
public class CandidateImportTests
{
    private const string ImportPage = "/Admin/Candidates/Import";
    private const string Units = "\"F3,F4,A13,B10,C3,D8,D2\"";

    static CandidateImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_every_kind_of_bad_row_is_previewed_with_each_problem_and_nothing_is_written_or_imported(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var (u1, u2, u3) = (TestFiles.Uln(1), TestFiles.Uln(2), TestFiles.Uln(3));
        var file = new StringBuilder("Forename,Surname,DOB,ULN,Email,Qualification,Units,Assessor email,Planned end\r\n")
            .Append("Bad,Uln,01/02/2003,1234567898,,,,,\r\n")                                   // 2: check digit
            .Append(",Nogiven,01/02/2003," + TestFiles.Uln(4) + ",,,,,\r\n")                   // 3: missing given name
            .Append("Long," + new string('x', 101) + ",01/02/2003," + TestFiles.Uln(5) + ",,,,,\r\n") // 4: name too long
            .Append("Feb,Thirty,31/02/2004," + TestFiles.Uln(6) + ",,,,,\r\n")                 // 5: impossible date
            .Append("Future,Born,01/01/2090," + TestFiles.Uln(7) + ",,,,,\r\n")               // 6: future date
            .Append("Bad,Email,01/02/2003," + TestFiles.Uln(8) + ",not-an-email,,,,\r\n")      // 7: email format
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"First,Twin,01/02/2003,{u1},twin@a.test,,,,\r\n")                           // 8: fine
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"Second,Twin,01/02/2003,{u1},,,,,\r\n")                                     // 9: ULN also on row 8
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"Third,Twin,01/02/2003,{u2},TWIN@a.test,,,,\r\n")                           // 10: email also on row 8
            .Append("Someone,Else,05/05/2005,1234567899,,,,,\r\n")                               // 11: ULN of Cara CentreA
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"Used,Address,01/02/2003,{u3},admin@b.test,,,,\r\n")                        // 12: address of centre B's admin
            .Append("Unknown,Qual,01/02/2003," + TestFiles.Uln(9) + ",,99999," + Units + ",,\r\n") // 13: unknown qualification
            .Append("Broken,Units,01/02/2003," + TestFiles.Uln(10) + ",,03456,\"F3,F4,A13,B10,D8,D2\",,\r\n") // 14: rules of combination
            .Append("Unknown,Assessor,01/02/2003," + TestFiles.Uln(11) + ",,03456," + Units + ",nobody@a.test,\r\n") // 15: assessor
            .Append("\"=HYPERLINK(\"\"http://evil.test\"\")\",Formula,01/02/2003," + TestFiles.Uln(12) + ",,,,,\r\n") // 16: formula-like name
            .Append("No,Birthday,," + TestFiles.Uln(13) + ",,,,,\r\n")                           // 17: missing date of birth
            .Append("Early,End,01/02/2003," + TestFiles.Uln(14) + ",,03456," + Units + ",assessor@a.test,01/01/2020\r\n"); // 18: planned end before registration
        var before = await CountsAsync(app);
        var mails = await MailCountAsync(app);

        var import = await UploadAsync(admin, "mis-export.csv", Encoding.UTF8.GetBytes(file.ToString()));
        var (page, columns) = await PreviewAsync(admin, import);
        var problems = Problems(page);
        (int Row, string Column, string Reason)[] expected =
        [
            (2, "ULN", "check digit"),
            (3, "Forename", "Enter the candidate's given name"),
            (4, "Surname", "Family name must be 100 characters or fewer"),
            (5, "DOB", "31/02/2004 is not a real date"),
            (6, "DOB", "Date of birth must be a real date in the past"),
            (7, "Email", "Enter an email address in the correct format"),
            (9, "ULN", "is also on row 8"),
            (10, "Email", "This email address is also on row 8"),
            (11, "ULN", "is already registered at this centre to Cara Centrea"),
            (12, "Email", "This email address is already used for an Attest account"),
            (13, "Qualification", "No qualification in the catalogue has the code 99999"),
            (14, "Units", "Needs at least one unit from group D, Handling problems: C3-C8."),
            (15, "Assessor email", "No assessor at this centre signs in with nobody@a.test"),
            (16, "Forename", "Starts with \"=\", as a spreadsheet formula does"),
            (17, "DOB", "Enter the candidate's date of birth"),
            (18, "Planned end", "The planned end date must be after the registration date"),
        ];
        foreach (var (row, column, reason) in expected)
        {
            Assert.True(problems.Any(p => p.Row == row && p.Column == column && p.Reason.Contains(reason, StringComparison.Ordinal)),
                $"row {row}, {column}: \"{reason}\" not among:\n" + string.Join("\n", problems));
        }

        var rows = expected.Select(e => e.Row).ToList();
        Assert.Equal(rows, problems.Select(p => p.Row).Distinct());
        Assert.DoesNotContain("Centre B", page, StringComparison.Ordinal);
        Assert.Contains("You cannot import this file until every problem is fixed.", page, StringComparison.Ordinal);

        // The whole list as CSV, with the same rows, columns and reasons.
        var csv = await CsvDownload.ReadAsync(await admin.GetAsync($"{import}?handler=Problems&{columns}"));
        Assert.Equal(["Row", "Column", "Problem"], csv[0]);
        Assert.Equal(problems.Select(p => (p.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Column, p.Reason)), csv.Skip(1).Select(r => (r[0], r[1], r[2])));

        // Confirming anyway is refused, saying why, and writes nothing.
        var confirm = await ConfirmAsync(admin, import, columns);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains($"Nothing was imported: the file has {problems.Count} problems on {rows.Count} rows", WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal(mails, await MailCountAsync(app));
        await using var db = app.Db(app.A.Id);
        var record = await db.CandidateImports.SingleAsync();
        Assert.Null(record.ImportedAt);
        Assert.NotNull(record.Content);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_good_file_registers_invites_enrols_and_assigns_once_and_importing_it_again_changes_nothing(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var (u1, u2) = (TestFiles.Uln(21), TestFiles.Uln(22));
        var bytes = Encoding.GetEncoding(1252).GetBytes(
            "Given name;Family name;Date of birth;ULN;Email;Candidate number;Qualification;Units;Assessor email;Planned end date\r\n"
            + $"Renée;Dubois;27/03/2004;{u1};renee@a.test;0042;03456;F3,F4,A13,B10,C3,D8,D2;assessor@a.test;31/07/2027\r\n"
            + $"Sam;Patel;2003-11-02;{u2};sam@a.test;;03456;F3 F4 A13 B10 C3 D8 D2;ASSESSOR@a.test;\r\n"
            + $"Tom;Nobody;01/01/2005;{Uln.Temporary};;;;;;\r\n");
        var assessorId = await UserIdAsync(app, app.A.Assessor);

        var import = await UploadAsync(admin, "intake.csv", bytes);
        var (page, columns) = await PreviewAsync(admin, import);
        Assert.Empty(Problems(page));
        Assert.Equal(("3", "3 (2 invited to sign in)", "2", "0"), (Count(page, "Rows in the file"), Count(page, "To register"), Count(page, "To enrol"), Count(page, "Unchanged")));
        Assert.Contains("Renée Dubois", page, StringComparison.Ordinal);
        var before = await CountsAsync(app);

        var confirmed = await ConfirmAsync(admin, import, columns);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("3 registered (2 invited to sign in), 0 updated, 2 enrolled, 0 unchanged", WebUtility.HtmlDecode(await admin.GetStringAsync(import)), StringComparison.Ordinal);
        var after = await CountsAsync(app);
        Assert.Equal((before.Candidates + 3, before.Enrolments + 2, before.Users + 2), (after.Candidates, after.Enrolments, after.Users));

        await using (var db = app.Db(app.A.Id))
        {
            var renee = await db.Candidates.SingleAsync(c => c.Uln == u1);
            Assert.Equal(("Renée", "Dubois", new DateOnly(2004, 3, 27), "0042"), (renee.GivenName, renee.FamilyName, renee.DateOfBirth, renee.AwardingBodyCandidateNumber));
            Assert.NotNull(renee.UserId);
            var enrolment = await db.Enrolments.Include(e => e.Units).SingleAsync(e => e.CandidateId == renee.Id);
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            Assert.Equal(("03456", today, assessorId, new DateOnly(2027, 7, 31)), (enrolment.QualificationCode, enrolment.RegisteredOn, enrolment.AssessorId, enrolment.PlannedEndDate));
            Assert.Equal(["A13", "B10", "C3", "D2", "D8", "F3", "F4"], enrolment.Units.Select(u => u.UnitCode).Order(StringComparer.Ordinal));
            var sam = await db.Candidates.SingleAsync(c => c.Uln == u2);
            Assert.Equal((assessorId, (DateOnly?)null), await db.Enrolments.Where(e => e.CandidateId == sam.Id).Select(e => new ValueTuple<Guid?, DateOnly?>(e.AssessorId, e.PlannedEndDate)).SingleAsync());
            var tom = await db.Candidates.SingleAsync(c => c.FamilyName == "Nobody");
            Assert.Null(tom.UserId);
            Assert.False(await db.Enrolments.AnyAsync(e => e.CandidateId == tom.Id));
            var record = await db.CandidateImports.SingleAsync();
            var adminId = await UserIdAsync(app, app.A.Admin);
            Assert.Equal((adminId, adminId), (record.UploadedBy, record.ImportedBy));
            Assert.NotNull(record.ImportedAt);
            Assert.Null(record.Content);
            Assert.StartsWith("3 registered", record.Summary, StringComparison.Ordinal);
        }

        // Both invitations arrive, each with a link to choose a password.
        foreach (var address in new[] { "renee@a.test", "sam@a.test" })
        {
            Assert.Contains("/Account/Password/", Mailbox.LinkPath(await app.Mail.WaitForAsync(address), "/Account/Password/"), StringComparison.Ordinal);
        }

        // The same file again: every row is unchanged, and confirming it writes nothing and sends nothing.
        var again = await UploadAsync(admin, "intake.csv", bytes);
        var (second, secondColumns) = await PreviewAsync(admin, again);
        Assert.Empty(Problems(second));
        Assert.Equal(("0", "0", "3"), (Count(second, "To register"), Count(second, "To enrol"), Count(second, "Unchanged")));
        var mails = await MailCountAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(admin, again, secondColumns)).StatusCode);
        Assert.Equal(after, await CountsAsync(app));
        Assert.Equal(mails, await MailCountAsync(app));
        await Task.Delay(500);
        Assert.Single(app.Mail.To("renee@a.test"));

        // A second confirmation of an imported file does nothing more.
        var replay = await admin.PostFormAsync(import, [.. secondColumns.Split('&').Select(p => new KeyValuePair<string, string>("Columns", Uri.UnescapeDataString(p.Split('=')[1])))], tokenFrom: ImportPage);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal(after, await CountsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Formula_cells_in_a_workbook_are_reported_and_never_written(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var bytes = TestFiles.Xlsx(
            ["Forename", "Surname", "DOB", "ULN"],
            ["Gina", "Good", new XCell.Date(new DateOnly(2004, 3, 27)), TestFiles.Uln(31)],
            [new XCell.Formula("HYPERLINK(\"http://evil.test\",\"Click\")", "Click"), "Formula", 38073d, TestFiles.Uln(32)]);
        var import = await UploadAsync(admin, "mis.xlsx", bytes);
        var (page, columns) = await PreviewAsync(admin, import);
        var problem = Assert.Single(Problems(page));
        Assert.Equal((3, "Forename"), (problem.Row, problem.Column));
        Assert.StartsWith("The cell holds a spreadsheet formula, not a value", problem.Reason, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(admin, import, columns)).StatusCode);
        await using var db = app.Db(app.A.Id);
        Assert.False(await db.Candidates.AnyAsync(c => c.FamilyName == "Formula" || c.GivenName == "Click" || c.FamilyName == "Good"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Files_too_large_too_long_or_not_csv_or_xlsx_are_refused_with_a_clear_message_and_nothing_is_kept(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var rows = new StringBuilder("Forename,Surname,DOB,ULN\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            rows.Append("Ann,Lee,01/02/2003,1234567899\r\n");
        }

        var tooLarge = new byte[21 * 1024 * 1024];
        Array.Fill(tooLarge, (byte)'a');
        (string Name, byte[] Content, string Message)[] cases =
        [
            ("huge.csv", tooLarge, "The file is 21 MB; the largest file Attest can import is 20 MB. Split it into smaller files"),
            ("long.csv", Encoding.UTF8.GetBytes(rows.ToString()), "The file has 100,000 rows of candidates; an import takes at most 10,000. Split it into files of 10,000 rows or fewer"),
            ("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "Excel 97-2003 workbook (.xls)"),
            ("photo.jpg", [0xFF, 0xD8, 0xFF], "The file must be a CSV file (.csv) or an Excel workbook (.xlsx)."),
        ];
        foreach (var (name, content, message) in cases)
        {
            var response = await JourneyTests.PostFileAsync(admin, ImportPage, name, content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("There is a problem", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
        }

        // A post declaring more than the page reads at all is sent back to the page with the reason, before its body is read.
        var huge = new byte[(int)Web.Features.Admin.Candidates.Import.IndexModel.BodyLimit + 1];
        var refused = await JourneyTests.PostFileAsync(admin, ImportPage, "huge.csv", huge);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(refused.Headers.Location!.OriginalString));
        Assert.Contains("The file is 80 MB; the largest file Attest can import is 20 MB.", page, StringComparison.Ordinal);

        await using var db = app.Db(app.A.Id);
        Assert.Equal(0, await db.CandidateImports.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_centres_admin_gets_404_and_other_roles_get_403_and_old_uploads_are_removed(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var file = Encoding.UTF8.GetBytes($"Forename,Surname,DOB,ULN\r\nAnn,Lee,01/02/2003,{TestFiles.Uln(41)}\r\n");

        // An upload left a day and more ago, never imported, goes when the next file is uploaded; an imported one stays as the record.
        var centreA = app.A.Id;
        await using (var db = app.Db(centreA))
        {
            var past = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-2);
            db.CandidateImports.AddRange(
                new CandidateImport { CentreId = centreA, FileName = "abandoned.csv", Content = file, UploadedBy = Guid.NewGuid(), UploadedAt = past },
                new CandidateImport { CentreId = centreA, FileName = "done.csv", UploadedBy = Guid.NewGuid(), UploadedAt = past, ImportedAt = past, Summary = "1 registered" });
            await db.SaveChangesAsync();
        }

        var import = await UploadAsync(admin, "a.csv", file);
        var (_, columns) = await PreviewAsync(admin, import);
        await using (var db = app.Db(centreA))
        {
            Assert.Equal(["a.csv", "done.csv"], (await db.CandidateImports.Select(i => i.FileName).ToListAsync()).Order(StringComparer.Ordinal));
        }

        var other = await app.SignedInAsync(app.B.Admin);
        foreach (var url in new[] { import, $"{import}?{columns}", $"{import}?handler=Problems&{columns}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ConfirmAsync(other, import, columns, tokenFrom: ImportPage)).StatusCode);
        Assert.DoesNotContain("a.csv", await other.GetStringAsync(ImportPage), StringComparison.Ordinal);

        foreach (var user in new[] { app.A.Assessor, app.A.Iqa, app.A.Candidate })
        {
            var client = await app.SignedInAsync(user);
            foreach (var url in new[] { ImportPage, import })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(url, new Dictionary<string, string> { ["Columns"] = "GivenName" }, tokenFrom: "/Catalogue")).StatusCode);
            }
        }

        await using (var db = app.Db(centreA))
        {
            Assert.False(await db.Candidates.AnyAsync(c => c.FamilyName == "Lee"));
        }
    }

    [Fact]
    public async Task The_template_offered_on_the_page_has_a_heading_for_every_field_and_each_is_matched()
    {
        using var app = await new AttestFactory(DatabaseProvider.Sqlite).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var header = Assert.Single(await CsvDownload.ReadAsync(await admin.GetAsync(ImportPage + "?handler=Template")));
        var mapping = Core.Centres.Import.ImportColumns.Guess(header);
        Assert.Equal(Enum.GetValues<Core.Centres.Import.ImportField>().Where(f => f != Core.Centres.Import.ImportField.Ignore), mapping.Columns);
    }

    /// <summary>Uploads the file and returns the import's page (where the upload redirects).</summary>
    internal static async Task<string> UploadAsync(HttpClient client, string name, byte[] content)
    {
        var response = await JourneyTests.PostFileAsync(client, ImportPage, name, content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload of {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(ImportPage + "/", location, StringComparison.Ordinal);
        return location;
    }

    /// <summary>Takes the columns as the page matched them (as a browser submits the form) and returns the preview and its query.</summary>
    internal static async Task<(string Page, string Columns)> PreviewAsync(HttpClient client, string import)
    {
        var matching = new HtmlParser().ParseDocument(await client.GetStringAsync(import));
        var selects = matching.QuerySelectorAll("select[name=Columns]");
        Assert.NotEmpty(selects);
        var columns = string.Join("&", selects.Select(s => "Columns=" + Uri.EscapeDataString(s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "Ignore")));
        return (WebUtility.HtmlDecode(await client.GetStringAsync($"{import}?{columns}")), columns);
    }

    internal static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string import, string columns, string? tokenFrom = null) =>
        client.PostFormAsync(import, columns.Split('&').Select(p => new KeyValuePair<string, string>("Columns", Uri.UnescapeDataString(p.Split('=')[1]))), tokenFrom ?? $"{import}?{columns}");

    /// <summary>The problems table of a preview: row, column and reason of each.</summary>
    internal static List<(int Row, string Column, string Reason)> Problems(string page) =>
        [.. new HtmlParser().ParseDocument(page).QuerySelectorAll("#problem-table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(cells => (int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture), cells[1], cells[2]))];

    private static string Count(string page, string key) =>
        new HtmlParser().ParseDocument(page).QuerySelectorAll("#import-counts .govuk-summary-list__row")
            .Single(r => r.QuerySelector("dt")!.TextContent.Trim() == key).QuerySelector("dd")!.TextContent.Trim();

    private static async Task<Guid> UserIdAsync(AttestFactory app, string email)
    {
        await using var db = app.Db(app.A.Id);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<int> MailCountAsync(AttestFactory app)
    {
        await using var db = app.Db(app.A.Id);
        return await db.OutboxMails.CountAsync();
    }

    private static async Task<(int Candidates, int Enrolments, int Users)> CountsAsync(AttestFactory app)
    {
        await using var db = app.Db(app.A.Id);
        return (await db.Candidates.CountAsync(), await db.Enrolments.CountAsync(), await db.Users.CountAsync());
    }
}
