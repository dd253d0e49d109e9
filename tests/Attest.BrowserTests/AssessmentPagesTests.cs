using Attest.Web.Infrastructure;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// The assessment pages the journeys do not walk, checked with axe-core in Chromium and used by keyboard-reachable
/// forms: the candidate's case log and graded hand-in on a phone, the assessor's other record forms and graded unit, the
/// administrator's settings and plans list.
/// </summary>
public sealed class AssessmentPagesTests : IDisposable
{
    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task Case_log_hand_in_record_forms_and_centre_settings_are_accessible_and_work()
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        // Jo, on a phone: logs a customer problem and saves it, then opens the graded unit's hand-in form.
        var jo = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(jo, "candidate2@demo.attest.test", DemoOptions.Password);
        await jo.GetByRole(AriaRole.Link, new() { Name = "Case log" }).ClickAsync();
        await Browser.AssertAccessibleAsync(jo);
        await jo.GetByLabel("The problem in a few words").FillAsync("Guest unhappy with the room");
        await jo.GetByLabel("Where it happened").FillAsync("Progress Hotel, Coventry");
        await jo.GetByLabel("How the problem was spotted").FillAsync("The guest came back to the desk and told me the room was noisy.");
        await jo.GetByRole(AriaRole.Button, new() { Name = "Save the case log" }).ClickAsync();
        await Assertions.Expect(jo.GetByText("case log is saved")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(jo);
        await jo.GotoAsync("/Candidate");
        await jo.GetByRole(AriaRole.Link, new() { Name = "7 Handling challenging customer service situations" }).ClickAsync();
        await Assertions.Expect(jo.GetByRole(AriaRole.Heading, new() { Name = "Hand in your work for assessment" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(jo);

        // Asha: the record forms she has not used in the journey, and Jo's graded unit.
        var asha = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(asha, "assessor@demo.attest.test", DemoOptions.Password);
        foreach (var (link, heading) in new[]
        {
            ("Record of questions and answers for Jo Evans", "Assessor's record of questions and answers"),
            ("Record of a professional discussion for Jo Evans", "Assessor's record of a professional discussion"),
            ("Record of examining work products for Jo Evans", "Assessor's record of examining work products"),
        })
        {
            await asha.GotoAsync("/Assessor");
            await asha.GetByText("Units and records of Jo Evans").ClickAsync();
            await asha.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
            await Assertions.Expect(asha.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
            await Browser.AssertAccessibleAsync(asha);
        }

        // Searching the caseload for the learner, then opening the unit: two page loads.
        await asha.GotoAsync("/Assessor?q=Jo+Evans");
        await asha.GetByText("Units and records of Jo Evans").ClickAsync();
        await asha.GetByRole(AriaRole.Link, new() { Name = "7 Handling challenging customer service situations for Jo Evans" }).ClickAsync();
        await Browser.AssertAccessibleAsync(asha);
        await asha.GetByRole(AriaRole.Link, new() { Name = "Record of questions and answers" }).ClickAsync();
        await asha.GetByRole(AriaRole.Button, new() { Name = "Sign and keep the record" }).ClickAsync();
        await Assertions.Expect(asha.GetByText("There is a problem")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(asha);

        // Alex: the centre's settings, refused and then saved, and the plans needing attention.
        var alex = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(alex, "admin@demo.attest.test", DemoOptions.Password);
        await alex.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("Reworks allowed for a graded unit").FillAsync("9");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(alex.GetByRole(AriaRole.Link, new() { Name = "Reworks allowed must be between 0 and 5" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("Reworks allowed for a graded unit").FillAsync("2");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(alex.GetByText("Centre settings saved.")).ToBeVisibleAsync();
        await alex.GetByRole(AriaRole.Link, new() { Name = "Plans", Exact = true }).ClickAsync();
        await Browser.AssertAccessibleAsync(alex);
    }
}
