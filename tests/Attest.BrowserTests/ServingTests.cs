using System.Text;
using Attest.Web.Infrastructure;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// security.md test 6: every stored type, opened in real Chromium under the app's own CSP, arrives as a
/// download named by the server, never rendered, and no script in it ever runs.
/// </summary>
public sealed class ServingTests : IDisposable
{
    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    public static TheoryData<string, string> HostileButAllowedFiles() => new()
    {
        // Files whose first bytes pass the type check but whose rest would run if a browser rendered them.
        { "notes.txt", "Notes from the call\n<script>alert('txt')</script>" },
        { "letter.pdf", "%PDF-1.4\n<html><script>alert('pdf')</script></html>" },
        { "photo.jpg", "\u00FF\u00D8\u00FF<html><script>alert('jpg')</script></html>" },
        { "clip.mp4", "\0\0\0\u0018ftypmp42<html><script>alert('mp4')</script></html>" },
    };

    [SkippableTheory]
    [MemberData(nameof(HostileButAllowedFiles))]
    public async Task A_stored_file_opened_in_the_browser_is_downloaded_under_a_server_made_name_and_nothing_in_it_runs(string fileName, string content)
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = _server.BaseUrl, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };

        await page.GotoAsync("/");
        await page.GetByLabel("Email address").FillAsync("candidate1@demo.attest.test");
        await page.GetByLabel("Password").FillAsync(DemoOptions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/Candidate/Evidence/Add?kind=UploadedFile");
        await page.GetByLabel("Title").FillAsync("Hostile " + fileName);
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = Encoding.Latin1.GetBytes(content) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await Assertions.Expect(page.GetByText("is added")).ToBeVisibleAsync();
        var id = page.Url.Split('/')[^1];
        var url = $"/Evidence/{id}/Download";

        var download = await page.RunAndWaitForDownloadAsync(() => page.EvaluateAsync("url => { window.location.href = url; }", url));
        Assert.Matches(@"^E\d{3}" + System.Text.RegularExpressions.Regex.Escape(Path.GetExtension(fileName)) + "$", download.SuggestedFilename);
        var response = await context.APIRequest.GetAsync(url);
        Assert.StartsWith("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        Assert.Contains("no-store", response.Headers["cache-control"], StringComparison.Ordinal);

        // The item page shows what it safely can (players for recordings, no inline documents); still nothing runs.
        await page.GotoAsync($"/Candidate/Evidence/{id}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(dialogs);
    }
}
