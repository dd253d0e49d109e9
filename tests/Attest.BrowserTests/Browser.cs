using System.Text.Json;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), with an axe-core scan helper.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Skips with the reason when Chromium is absent, except in CI, where it must be there.</summary>
    public static void RequireChromium()
    {
        var present = File.Exists(ChromiumPath);
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.False(inCi && !present, $"CI must install Chromium at {ChromiumPath} (.ci/run does).");
        Skip.IfNot(present, $"Browser tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium); .ci/run installs it.");
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Runs axe-core on the page and fails on serious or critical violations, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js") });
        var result = await page.EvaluateAsync<JsonElement>("async () => await axe.run(document, { resultTypes: ['violations'] })");
        var serious = result.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at "
                + string.Join(", ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("target")[0].ToString())))
            .ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious));
    }

    /// <summary>
    /// Fails when the page is wider than its window, so a phone would scroll the whole page sideways; names the elements
    /// that stick out. A wide table scrolling inside its own region (attest-scroll) does not count.
    /// </summary>
    public static async Task AssertFitsTheScreenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var wider = await page.EvaluateAsync<string[]>("""
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                const sticking = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.attest-scroll *'))
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)}px)`);
                return sticking.length > 0 ? sticking : [`the page (${document.documentElement.scrollWidth}px)`];
            }
            """);
        Assert.True(wider.Length == 0, $"{page.Url} is wider than the {page.ViewportSize?.Width}px screen:\n" + string.Join("\n", wider));
    }

    /// <summary>A page in a fresh context: a phone-sized touch screen or a desktop. CSP is bypassed only so axe can be injected.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, string baseUrl, bool phone)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl,
            BypassCSP = true,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, checking it with axe on the way.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Attest" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
