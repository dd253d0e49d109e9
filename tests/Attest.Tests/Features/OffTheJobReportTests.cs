using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using static Attest.Tests.Features.OffTheJobLogTests;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 17, item 2: the centre's off-the-job hours report. Its totals are each log's (verified entries of a type that
/// counts; withdrawn and unverified entries left out), its file has the columns of each log's own file, its search and
/// filters narrow both the page and the file, and only the centre's administrator sees it, and only their own centre's.
/// </summary>
public class OffTheJobReportTests
{
    private const string Report = "/Admin/OffTheJob";

    private static readonly string[] Columns = ["LearnRefNumber", "ULN", "Apprenticeship", "LearnStartDate", "LearnPlanEndDate", "PHours", "OTJActHours", "GapHoursToDate"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_totals_are_the_verified_hours_that_count_as_each_log_and_its_file_show_them(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        await StartedHalfAYearAgoAsync(app, admin);
        var today = Today(app);
        using var candidate = await app.SignedInAsync(app.A.Candidate);
        const string Log = "/Candidate/OffTheJob";
        foreach (var (daysAgo, hours, type) in new[] { (1, "3", "teaching"), (2, "1.5", "mentoring"), (3, "2", "shadowing"), (4, "1", "english-maths"), (5, "2", "teaching"), (6, "4", "teaching") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Log, Activity(today.AddDays(-daysAgo), hours, type))).StatusCode);
        }

        Dictionary<DateOnly, Guid> ids;
        await using (var db = app.Db(app.A.Id))
        {
            ids = await db.OffTheJobActivities.ToDictionaryAsync(a => a.Date, a => a.Id);
        }

        // Five days ago is taken out of the log; six days ago waits to be verified; the rest are verified, English and
        // maths among them, which does not count towards off-the-job hours.
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(Log + "?handler=Withdraw", new() { ["activityId"] = ids[today.AddDays(-5)].ToString(), ["reason"] = "Logged twice." }, tokenFrom: Log)).StatusCode);
        using var assessor = await app.SignedInAsync(app.A.Assessor);
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"/Assessor/Enrolments/{app.A.EnrolmentId}/OffTheJob",
            [.. Enumerable.Range(1, 4).Select(d => KeyValuePair.Create("Ticked", ids[today.AddDays(-d)].ToString()))])).StatusCode);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Report));
        Assert.Contains($"Cara Centre{app.A.Suffix}", page, StringComparison.Ordinal);
        Assert.Contains("ST0229 Hospitality team member", page, StringComparison.Ordinal);
        Assert.Contains(">280</td>", page, StringComparison.Ordinal);
        Assert.Contains(">6.5</td>", page, StringComparison.Ordinal);
        Assert.Contains("1 apprentice: 0 green, 0 amber, 1 red", page, StringComparison.Ordinal);

        // The centre's file has the columns of the log's own file, and the same line for Cara.
        var centre = await CsvDownload.ReadAsync(await admin.GetAsync(Report + "?handler=Csv"));
        var own = await CsvDownload.ReadAsync(await candidate.GetAsync(Log + "?handler=Export&format=csv"));
        Assert.Equal(Columns, centre[0]);
        Assert.Equal(Columns, own[0]);
        var line = Assert.Single(centre.Skip(1));
        Assert.Equal(own[1], line);
        Assert.Equal(("1234567899", "280", "6"), (line[1], line[5], line[6]));
        Assert.True(decimal.Parse(line[7], System.Globalization.CultureInfo.InvariantCulture) > 0, "half a year in with 6.5 hours verified, Cara is behind");

        var xlsx = await admin.GetAsync(Report + "?handler=Xlsx");
        Assert.Equal(Core.Spreadsheets.Xlsx.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "").ToList()).ToList();
        Assert.Equal(Columns, rows[0]);
        Assert.Equal(("280", "6", line[7]), (rows[1][5], rows[1][6], rows[1][7]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_employer_and_status_narrow_the_page_and_the_file_to_the_centres_own_apprentices(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        await StartedHalfAYearAgoAsync(app, admin);
        var today = Today(app);
        // Otto starts today with another employer: nothing is expected of him yet, so he is green, and Cara, half a year in with nothing verified, red.
        var added = await admin.PostFormAsync("/Admin/Employers/Add", new() { ["Input.Name"] = "Quayside Bistro" });
        var bistro = Guid.Parse(added.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Enrolments/{app.A.GradedEnrolmentId}/Apprenticeship", new()
        {
            ["Input.Programme"] = "Standard", ["Input.ProgrammeCode"] = "ST0229", ["Input.ProgrammeTitle"] = "Hospitality team member", ["Input.StartDate"] = Iso(today),
            ["Input.PlannedEndDate"] = Iso(today.AddDays(365)), ["Input.ContractedHoursPerWeek"] = "37.5", ["Input.PlannedOffTheJobHours"] = "300", ["Input.EmployerId"] = bistro.ToString(),
        })).StatusCode);
        var cara = $"Cara Centre{app.A.Suffix}";
        var otto = $"Otto Centre{app.A.Suffix}";

        async Task<(bool Cara, bool Otto)> ListedAsync(HttpClient client, string query)
        {
            var page = WebUtility.HtmlDecode(await client.GetStringAsync(Report + query));
            return (page.Contains(cara, StringComparison.Ordinal), page.Contains(otto, StringComparison.Ordinal));
        }

        Assert.Equal((true, true), await ListedAsync(admin, ""));
        Assert.Equal((true, false), await ListedAsync(admin, "?status=red"));
        Assert.Equal((false, true), await ListedAsync(admin, "?status=green"));
        Assert.Equal((false, false), await ListedAsync(admin, "?status=amber"));
        Assert.Equal((false, true), await ListedAsync(admin, $"?employer={bistro}"));
        Assert.Equal((true, false), await ListedAsync(admin, $"?employer={app.A.EmployerId}&status=red"));
        Assert.Equal((false, true), await ListedAsync(admin, "?q=otto"));
        // A status or employer the list does not know is no filter.
        Assert.Equal((true, true), await ListedAsync(admin, $"?status=purple&employer={Guid.NewGuid()}"));

        // The file is the filtered list, every row of it.
        Assert.Equal(2, (await CsvDownload.ReadAsync(await admin.GetAsync(Report + "?handler=Csv"))).Count - 1);
        var red = await CsvDownload.ReadAsync(await admin.GetAsync(Report + "?handler=Csv&status=red"));
        Assert.Equal("1234567899", Assert.Single(red.Skip(1))[1]);
        var bistros = await CsvDownload.ReadAsync(await admin.GetAsync($"{Report}?handler=Csv&employer={bistro}"));
        Assert.Equal("300", Assert.Single(bistros.Skip(1))[5]);

        // Another centre's administrator sees their own apprentice only, and centre A's employer is no filter to them.
        using var otherCentre = await app.SignedInAsync(app.B.Admin);
        var theirs = WebUtility.HtmlDecode(await otherCentre.GetStringAsync($"{Report}?employer={bistro}"));
        Assert.Contains($"Cara Centre{app.B.Suffix}", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(cara, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Quayside Bistro", theirs, StringComparison.Ordinal);
        Assert.Single((await CsvDownload.ReadAsync(await otherCentre.GetAsync($"{Report}?handler=Csv&employer={bistro}"))).Skip(1));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_centres_administrator_opens_the_report_and_its_files(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        foreach (var user in new[] { app.A.Assessor, app.A.Iqa, app.A.Eqa, app.A.Candidate, app.A.Employer })
        {
            using var client = await app.SignedInAsync(user);
            foreach (var url in new[] { Report, Report + "?handler=Csv", Report + "?handler=Xlsx" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            }
        }

        using var admin = await app.SignedInAsync(app.A.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Report)).StatusCode);
    }
}
