using System.Collections.Concurrent;
using System.Security.Cryptography;
using Attest.Web.Infrastructure;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>The evidence form's file goes up with tus in real Chromium, survives a dropped request, then becomes evidence.</summary>
public sealed class ResumableUploadTests : IDisposable
{
    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task A_phone_upload_shows_its_progress_retries_a_dropped_request_and_is_added_without_posting_the_file_again()
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = _server.BaseUrl,
            BypassCSP = true, // for the axe scan only; the app's own scripts are files, allowed by script-src 'self'
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue($"{request.Method} {new Uri(request.Url).AbsolutePath} {request.PostDataBuffer?.Length ?? 0}");

        // The first PATCH is held (so the progress display can be checked) and then dropped, as a lost connection would be.
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var patches = 0;
        await page.RouteAsync("**/uploads/*", async route =>
        {
            if (route.Request.Method == "PATCH" && Interlocked.Increment(ref patches) == 1)
            {
                held.TrySetResult();
                await release.Task;
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        await page.GotoAsync("/");
        await page.GetByLabel("Email address").FillAsync("candidate1@demo.attest.test");
        await page.GetByLabel("Password").FillAsync(DemoOptions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My qualification" })).ToBeVisibleAsync();

        await page.GotoAsync("/Candidate/Evidence/Add?kind=UploadedFile");
        await page.GetByLabel("Title").FillAsync("Video of the busy Saturday");
        var video = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        byte[] box = [0, 0, 0, 0x18, .. "ftypisom"u8];
        box.CopyTo(video, 0);
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "saturday.mp4", MimeType = "video/mp4", Buffer = video });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();

        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assertions.Expect(page.GetByLabel("Uploading saturday.mp4")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" })).ToBeDisabledAsync();
        await Browser.AssertAccessibleAsync(page);
        release.SetResult();

        await Assertions.Expect(page.GetByText("Video of the busy Saturday is added.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var seen = requests.ToList();
        Assert.Contains("POST /uploads 0", seen);
        Assert.True(seen.Count(r => r.StartsWith("PATCH /uploads/", StringComparison.Ordinal)) >= 2, string.Join("\n", seen));
        Assert.Contains(seen, r => r.StartsWith("HEAD /uploads/", StringComparison.Ordinal)); // the retry asks where to carry on
        var form = seen.Single(r => r.StartsWith("POST /Candidate/Evidence/Add ", StringComparison.Ordinal));
        Assert.True(int.Parse(form.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) < 100_000, $"the form carried the file again: {form}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "saturday.mp4" })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Under_the_apps_own_content_security_policy_the_upload_scripts_run()
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = _server.BaseUrl });
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue(message.Text);
            }
        };
        var patched = false;
        page.Request += (_, request) => patched |= request.Method == "PATCH";

        await page.GotoAsync("/");
        await page.GetByLabel("Email address").FillAsync("candidate1@demo.attest.test");
        await page.GetByLabel("Password").FillAsync(DemoOptions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My qualification" })).ToBeVisibleAsync();
        await page.GotoAsync("/Candidate/Evidence/Add?kind=UploadedFile");
        await page.GetByLabel("Title").FillAsync("Photo of the notice board");
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "board.jpg", MimeType = "image/jpeg", Buffer = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Photo of the notice board is added.")).ToBeVisibleAsync();
        Assert.True(patched, "the file was posted with the form: the upload script did not run");
        Assert.Empty(errors);
    }
}
