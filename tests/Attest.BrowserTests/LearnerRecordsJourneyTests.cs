using Attest.Web.Infrastructure;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// Issue 14's corrections to a learner's record, in Chromium with axe-core: the assessor withdraws a mapping they judged,
/// and the administrator, on a phone, starts a transfer to another qualification that the rules refuse, with every reason
/// beside its field.
/// </summary>
public sealed class LearnerRecordsJourneyTests : IDisposable
{
    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task An_assessor_withdraws_a_judged_mapping_and_an_administrator_is_told_why_a_transfer_is_refused()
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        // Asha: Tom's first problem log was judged for C3; read again, it does not show one criterion.
        var asha = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(asha, "assessor@demo.attest.test", DemoOptions.Password);
        await asha.GotoAsync("/Assessor?q=Tom+Reid");
        await asha.GetByText("Units and records of Tom Reid").ClickAsync();
        await asha.GetByRole(AriaRole.Link, new() { Name = "C3 Resolve customer service problems for Tom Reid" }).ClickAsync();
        await Assertions.Expect(asha.GetByText("2 of 21 criteria met").First).ToBeVisibleAsync();
        var unitPage = asha.Url;
        await asha.GetByRole(AriaRole.Link, new() { Name = "E001", Exact = true }).First.ClickAsync();
        await Browser.AssertAccessibleAsync(asha);
        var withdraw = asha.GetByText("Withdraw this mapping").First;
        await withdraw.ClickAsync();
        await asha.GetByRole(AriaRole.Button, new() { Name = "Withdraw and sign" }).First.ClickAsync();
        await Assertions.Expect(asha.GetByText("There is a problem")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(asha);
        // The refused form is open again, its field named in the error, ready for the reason.
        await asha.GetByRole(AriaRole.Textbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Why it does not show C3") }).First
            .FillAsync("Read again: the log shows the wrong order put right, not the customer's expectations checked.");
        await asha.GetByRole(AriaRole.Button, new() { Name = "Withdraw and sign" }).First.ClickAsync();
        await Assertions.Expect(asha.GetByText("is withdrawn and signed")).ToBeVisibleAsync();
        await Assertions.Expect(asha.GetByText("Withdrawn", new() { Exact = true })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(asha);
        await asha.GotoAsync(unitPage);
        await Assertions.Expect(asha.GetByText("1 of 21 criteria met").First).ToBeVisibleAsync();

        // Alex, on a phone: Tom's record, then a transfer to the level 2 certificate, whose registrations closed in 2020.
        var alex = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(alex, "admin@demo.attest.test", DemoOptions.Password);
        await alex.GotoAsync("/Admin/Candidates?q=Tom+Reid");
        await alex.GetByRole(AriaRole.Link, new() { Name = "Tom Reid" }).ClickAsync();
        await alex.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Transfer to another qualification") }).ClickAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("Qualification to transfer to").SelectOptionAsync("03455");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "To 03455 Level 2 Certificate in Customer Service" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByRole(AriaRole.Button, new() { Name = "Sign and transfer" }).ClickAsync();
        await Assertions.Expect(alex.GetByRole(AriaRole.Link, new() { Name = "Say why: the reason for the transfer is kept with it" })).ToBeVisibleAsync();
        await Assertions.Expect(alex.GetByText("Registrations for 03455").First).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GotoAsync("/Admin/Candidates?q=Tom+Reid");
        await alex.GetByRole(AriaRole.Link, new() { Name = "Tom Reid" }).ClickAsync();
        await Assertions.Expect(alex.GetByText("Enrolled").First).ToBeVisibleAsync();
    }
}
