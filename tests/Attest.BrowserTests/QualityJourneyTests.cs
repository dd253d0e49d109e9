using System.Globalization;
using System.Text.RegularExpressions;
using Attest.Web.Infrastructure;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// Quality assurance and certification in real Chromium: the administrator names the lead IQA; the IQA makes a sampling
/// plan, reads why each unit was picked, reviews one and records an observation of the assessor; the administrator sets up an EQA visit; the EQA reads the
/// sampled portfolio inside the window and reports; the administrator reads the log, the claims page and the centre
/// dashboard; the candidate reads what is missing on a phone. axe-core on every page.
/// </summary>
public sealed class QualityJourneyTests : IDisposable
{
    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task IQA_samples_and_reviews_and_an_EQA_visit_reads_the_sample_and_reports()
    {
        Browser.RequireChromium();
        await DemoC3.PrepareAsync(_server);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        // Alex makes Ian the lead IQA.
        var alex = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(alex, "admin@demo.attest.test", DemoOptions.Password);
        await alex.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByRole(AriaRole.Link, new() { Name = "Ian Quality" }).ClickAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("Lead IQA").CheckAsync();
        await alex.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Expect(alex.GetByText("Ian Quality is now the lead internal quality assurer (IQA)", new() { Exact = false }));

        // Ian makes a plan, reads why Sam's C3 was sampled, and reviews it.
        var ian = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(ian, "iqa@demo.attest.test", DemoOptions.Password);
        await Expect(ian.GetByRole(AriaRole.Heading, new() { Name = "Internal quality assurance" }));
        await Browser.AssertAccessibleAsync(ian);
        await ian.GetByRole(AriaRole.Link, new() { Name = "Sampling", Exact = true }).ClickAsync();
        await Browser.AssertAccessibleAsync(ian);
        await ian.GetByRole(AriaRole.Link, new() { Name = "Change the strategy for 03456 Level 3 NVQ Diploma in Customer Service" }).ClickAsync();
        await Browser.AssertAccessibleAsync(ian);
        await ian.GetByRole(AriaRole.Button, new() { Name = "Save the strategy" }).ClickAsync();
        var today = DateOnly.FromDateTime(((TimeProvider)_server.Services.GetService(typeof(TimeProvider))!).GetUtcNow().UtcDateTime);
        await ian.GetByLabel("Period from").FillAsync(today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ian.GetByLabel("Period to").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ian.GetByRole(AriaRole.Button, new() { Name = "Make the plan" }).ClickAsync();
        await Expect(ian.GetByRole(AriaRole.Heading, new() { Name = "Sampling plan" }));
        await Expect(ian.GetByText("First sample of unit C3 this period."));
        await Browser.AssertAccessibleAsync(ian);
        await ian.GetByRole(AriaRole.Link, new() { Name = "Sam Patel, unit C3" }).ClickAsync();
        await Expect(ian.GetByRole(AriaRole.Heading, new() { Name = "Review this assessment" }));
        await Browser.AssertAccessibleAsync(ian);
        foreach (var agree in await ian.Locator("input[type=radio][value=true]").AllAsync())
        {
            await agree.CheckAsync();
        }

        await ian.GetByLabel("Feedback to the assessor").FillAsync("C3: the decisions rest on E001 to E004, three real problems with three customers; justifications name the logs.");
        await ian.GetByRole(AriaRole.Button, new() { Name = "Sign and record the review" }).ClickAsync();
        await Expect(ian.GetByText("Review recorded: you agree with the assessment of unit C3."));
        await Browser.AssertAccessibleAsync(ian);
        // Ian finds Sam among every portfolio of the centre; Sam drops out when Ian asks for work awaiting the assessor's
        // decision, since every criterion of C3 with evidence mapped is decided.
        await ian.GetByRole(AriaRole.Link, new() { Name = "Portfolios", Exact = true }).ClickAsync();
        await ian.GetByLabel("Name, ULN or candidate number").FillAsync("Patel");
        await ian.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var sams = ian.GetByRole(AriaRole.Link, new() { Name = "Sam Patel", Exact = true });
        await Expect(sams.First);
        await Browser.AssertAccessibleAsync(ian);
        await ian.GetByLabel("Units").SelectOptionAsync("awaiting");
        await ian.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(sams).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(ian);
        await ian.GetByRole(AriaRole.Link, new() { Name = "Standardisation", Exact = true }).ClickAsync();
        await ian.GetByLabel("Unit code").FillAsync("C3");
        await ian.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Expect(ian.GetByRole(AriaRole.Rowheader, new() { Name = "Asha Assessor" }));
        await Browser.AssertAccessibleAsync(ian);

        // Ian records his observation of Asha assessing.
        await ian.GetByRole(AriaRole.Link, new() { Name = "Observations", Exact = true }).ClickAsync();
        await ian.GetByRole(AriaRole.Button, new() { Name = "Sign and record the observation" }).ClickAsync();
        await Expect(ian.GetByText("Choose the assessor you observed").First);
        await Browser.AssertAccessibleAsync(ian);
        await ian.GetByLabel("Assessor observed").SelectOptionAsync(new SelectOptionValue { Label = "Asha Assessor" });
        await ian.GetByLabel("What you observed").FillAsync("Asha observing Sam Patel resolve a booking problem at the front desk, unit C3.");
        await ian.GetByLabel("What went well").FillAsync("Asha asked open questions and her record names the evidence.");
        await ian.GetByLabel("Satisfactory").CheckAsync();
        await ian.GetByRole(AriaRole.Button, new() { Name = "Sign and record the observation" }).ClickAsync();
        await Expect(ian.GetByText("Observation of Asha Assessor recorded and signed."));
        await Browser.AssertAccessibleAsync(ian);

        // Alex sets up an EQA visit open now, with Sam's portfolio in its sample.
        await alex.GetByRole(AriaRole.Link, new() { Name = "EQA visits" }).ClickAsync();
        await Browser.AssertAccessibleAsync(alex);
        var now = _server.Services.GetService(typeof(TimeProvider)) is TimeProvider clock ? clock.GetUtcNow().UtcDateTime : throw new InvalidOperationException("no clock");
        await alex.GetByLabel("Awarding body reference").FillAsync("OCR EV 2026/11");
        await alex.GetByLabel("Access opens (UTC)").FillAsync(now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await alex.GetByLabel("Access closes (UTC)").FillAsync(now.AddHours(4).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await alex.GetByRole(AriaRole.Button, new() { Name = "Make the visit" }).ClickAsync();
        await Expect(alex.GetByText("Choose the portfolios in its sample."));
        await alex.GetByLabel("Name, ULN or candidate number").FillAsync("Patel");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await alex.GetByLabel(new Regex("^Sam Patel, ULN \\d+, 03456 Level 3 NVQ Diploma in Customer Service$")).CheckAsync();
        await alex.GetByRole(AriaRole.Button, new() { Name = "Add the ticked portfolios to the sample" }).ClickAsync();
        await Expect(alex.GetByText("Sam Patel's portfolio is in the sample."));
        await Browser.AssertAccessibleAsync(alex);

        // Erin reads Sam's portfolio inside the window and reports.
        var erin = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(erin, "eqa@demo.attest.test", DemoOptions.Password);
        await Expect(erin.GetByRole(AriaRole.Heading, new() { Name = "Your visits" }));
        await Browser.AssertAccessibleAsync(erin);
        await erin.GetByRole(AriaRole.Link, new() { Name = "OCR EV 2026/11" }).ClickAsync();
        await Browser.AssertAccessibleAsync(erin);
        await erin.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).ClickAsync();
        await Expect(erin.GetByText("Sam Patel").First);
        await Browser.AssertAccessibleAsync(erin);
        await erin.GoBackAsync();
        await erin.GetByLabel("Findings").FillAsync("C3 decisions are sound and well justified; the IQA sampled and agreed.");
        await erin.GetByRole(AriaRole.Button, new() { Name = "Sign and send the report" }).ClickAsync();
        await Expect(erin.GetByText("Your report is signed and kept."));
        await Browser.AssertAccessibleAsync(erin);

        // Alex reads what Erin opened, and the claims page.
        await alex.ReloadAsync();
        await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "What the EQA opened" }));
        await Expect(alex.GetByText("C3 decisions are sound and well justified"));
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByRole(AriaRole.Link, new() { Name = "Claims", Exact = true }).ClickAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).ClickAsync();
        await Expect(alex.GetByText("Unit C3 is not achieved: it has no sign-off that stands."));
        await Browser.AssertAccessibleAsync(alex);

        // And makes a token for the college MIS.
        await alex.GetByRole(AriaRole.Link, new() { Name = "API", Exact = true }).ClickAsync();
        await alex.GetByLabel("Name of the token").FillAsync("College MIS");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Make a token" }).ClickAsync();
        await Expect(alex.GetByText("Copy it now: it is not shown again."));
        await Browser.AssertAccessibleAsync(alex);

        // Alex reads the centre dashboard, downloads it for a spreadsheet, and opens Sam's progress from it.
        await alex.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await Expect(alex.GetByRole(AriaRole.Img, new() { Name = "Signed-off units with a summative IQA review, by assessor" }));
        await Expect(alex.GetByRole(AriaRole.Rowheader, new() { Name = "Asha Assessor" }));
        await Browser.AssertAccessibleAsync(alex);
        var download = await alex.RunAndWaitForDownloadAsync(() => alex.GetByRole(AriaRole.Link, new() { Name = "Excel (XLSX)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await alex.Locator("table.attest-candidates").GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).ClickAsync();
        await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "Sam Patel" }));
        await Browser.AssertAccessibleAsync(alex);

        // Sam, on a phone, sees what C3 still needs.
        var sam = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(sam, "candidate1@demo.attest.test", DemoOptions.Password);
        await sam.GotoAsync("/Candidate");
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "What is missing" }));
        await sam.GetByText("C3 Resolve customer service problems:").ClickAsync();
        await Expect(sam.GetByText("1.1", new() { Exact = true }).First);
        await Browser.AssertAccessibleAsync(sam);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();
}
