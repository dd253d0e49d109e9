using System.Text;
using Attest.Web.Infrastructure;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// The administrator adds the criteria of a unit Attest ships as title and credits only (03456 C4), on a phone-sized
/// screen: the unit form with a mistake first (its line and reason in the error summary), then the preview, then the
/// saved version; and a specification file with a problem. axe-core on every page. The criteria are test wording.
/// </summary>
public sealed class SpecificationJourneyTests : IDisposable
{
    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task Admin_adds_a_units_criteria_on_the_form_after_fixing_a_mistake_with_accessible_pages()
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(page, "admin@demo.attest.test", DemoOptions.Password);
        await page.GotoAsync("/Catalogue/03456");
        await Expect(page.Locator("#title-only"));
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add its criteria for unit C4" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Correct unit C4" }));
        await Browser.AssertAccessibleAsync(page);

        // A criterion given twice: named with its line, in the summary first and beside the field.
        var outcomes = page.GetByLabel("Learning outcomes and criteria");
        await outcomes.FillAsync("Outcome 1: Deal with customers who are difficult\n1.1 Test wording: stay calm with an angry customer\n1.1 Test wording: explain what can be done");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Learning outcomes and criteria, line 3: criterion 1.1 is given twice (first on line 2)" }));
        await Browser.AssertAccessibleAsync(page);
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(outcomes).ToBeFocusedAsync();

        await outcomes.FillAsync("Outcome 1: Deal with customers who are difficult\n1.1 Test wording: stay calm with an angry customer\n1.2 [x2] Test wording: explain what can be done");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preview of unit C4: Deliver customer service to difficult customers, as learners will read it" }));
        await Expect(page.Locator("#preview").GetByText("Test wording: explain what can be done"));
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("What this version changes (optional)").FillAsync("C4's criteria added.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and save as a new version" }).ClickAsync();
        await Expect(page.GetByText("Unit C4 Deliver customer service to difficult customers is saved in 03456 Level 3 NVQ Diploma in Customer Service version 1, signed by you."));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Version 1 (in force)" }));
        await Browser.AssertAccessibleAsync(page);

        // A specification file with a problem: each listed as file:line:column: reason, nothing saved.
        await page.GotoAsync("/Admin/Specifications");
        await page.GetByLabel("Specification file").SetInputFilesAsync(new FilePayload { Name = "bad.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes("schemaVersion: 1\nqualification:\n  code: 3456\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and save" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary").GetByText("bad.yaml:3:9: qualification.code: must be text", new() { Exact = false }));
        await Browser.AssertAccessibleAsync(page);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();
}
