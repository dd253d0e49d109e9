using System.Text;
using Attest.Web.Infrastructure;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// The MIS import on a phone-sized screen: the administrator uploads a file with one bad row, reads the problem (row, column,
/// reason), uploads the corrected file, checks it and confirms. Every page is scanned with axe-core.
/// </summary>
public sealed class CandidateImportJourneyTests : IDisposable
{
    private const string Heading = "Forename,Surname,DOB,ULN,Email,Qual code,Units,Assessor email\r\n";
    private const string Good = "Priya,Shah,14/02/2002,5000000012,priya.import@demo.attest.test,03456,\"F3,F4,A13,B10,C3,D8,D2\",assessor@demo.attest.test\r\n";

    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task Admin_on_a_phone_fixes_a_bad_row_and_imports_the_file_with_accessible_pages()
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(page, "admin@demo.attest.test", DemoOptions.Password);
        await page.GotoAsync("/Admin/Candidates");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import candidates from a file" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import candidates" }));
        await Browser.AssertAccessibleAsync(page);

        // A file whose second candidate has a ULN with a wrong check digit.
        await UploadAsync(page, "intake.csv", Heading + Good + "Tom,Reed,03/05/2003,5000000145,,,,\r\n");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Match the columns" }));
        await Expect(page.GetByLabel("Forename")); // each column's select is labelled with the file's heading
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 problem to fix" }));
        var problem = page.Locator("#problem-table tbody tr");
        await Expect(problem.GetByRole(AriaRole.Cell, new() { Name = "3", Exact = true }));
        await Expect(problem.GetByRole(AriaRole.Cell, new() { Name = "ULN", Exact = true }));
        await Expect(problem.GetByText("ULN is not valid: the check digit (last digit) does not match; check it was typed correctly"));
        await Expect(page.GetByText("You cannot import this file until every problem is fixed."));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).CountAsync());
        await Browser.AssertAccessibleAsync(page);

        // The corrected file.
        await page.GetByRole(AriaRole.Link, new() { Name = "upload it again" }).ClickAsync();
        await UploadAsync(page, "intake-fixed.csv", Heading + Good + "Tom,Reed,03/05/2003,5000000144,,,,\r\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What the import will do" }));
        await Expect(page.GetByText("Give an account: invite priya.import@demo.attest.test to choose a password"));
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();
        await Expect(page.GetByText("intake-fixed.csv is imported: 2 registered (1 invited to sign in), 0 updated, 1 enrolled, 0 unchanged, from 2 rows."));
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "See the candidates" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Priya Shah" }));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tom Reed" }));
        await _server.Mail.WaitForAsync("priya.import@demo.attest.test");
    }

    private static async Task UploadAsync(IPage page, string name, string csv)
    {
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and continue" }).ClickAsync();
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();
}
