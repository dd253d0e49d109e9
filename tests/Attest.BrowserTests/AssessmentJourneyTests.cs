using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// The assessment cycle in real Chromium: the assessor plans and the candidate agrees; the candidate names a witness,
/// the assessor sends a link and the witness writes a testimony without an account; the assessor observes, judges the
/// testimony, decides the last criterion and signs the unit off; the candidate countersigns. axe-core on every page.
/// </summary>
public sealed class AssessmentJourneyTests : IDisposable
{
    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task Assessor_plans_observes_decides_and_signs_off_a_witness_writes_by_link_and_the_candidate_countersigns()
    {
        Browser.RequireChromium();
        var enrolmentId = await DemoC3.PrepareAsync(_server);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        // The assessor writes an assessment plan.
        var assessor = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(assessor, "assessor@demo.attest.test", DemoOptions.Password);
        await assessor.GetByText("Units and records of Sam Patel").ClickAsync();
        await assessor.GetByRole(AriaRole.Link, new() { Name = "Plans of Sam Patel" }).ClickAsync();
        await Browser.AssertAccessibleAsync(assessor);
        await assessor.GetByRole(AriaRole.Link, new() { Name = "Write an assessment plan" }).ClickAsync();
        await assessor.GetByLabel("C3", new() { Exact = true }).CheckAsync();
        await assessor.GetByLabel("When the candidate will be observed").FillAsync("2026-11-27");
        await assessor.GetByLabel("Where the candidate will be observed").FillAsync("Front desk, Riverside Hotel");
        await assessor.GetByLabel("What the candidate will be doing").FillAsync("Handling guests' problems at check-in on a busy Friday afternoon.");
        await assessor.GetByLabel("What evidence the candidate will produce").FillAsync("My observation record; a testimony from the duty manager.");
        await assessor.GetByLabel("Next review").FillAsync("2026-12-11");
        await Browser.AssertAccessibleAsync(assessor);
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Sign and send to the candidate" }).ClickAsync();
        await Expect(assessor.GetByText("Awaiting the candidate's agreement").First);
        await Browser.AssertAccessibleAsync(assessor);

        // The candidate, on a phone, agrees the plan and names a witness.
        var candidate = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(candidate, "candidate1@demo.attest.test", DemoOptions.Password);
        await candidate.GetByRole(AriaRole.Link, new() { Name = "My plans for 03456" }).ClickAsync();
        await Browser.AssertAccessibleAsync(candidate);
        await candidate.GetByRole(AriaRole.Link, new() { Name = "Assessment plan 1" }).ClickAsync();
        await Expect(candidate.GetByText("Handling guests' problems at check-in on a busy Friday afternoon."));
        await Browser.AssertAccessibleAsync(candidate);
        await candidate.GetByLabel("I agree", new() { Exact = true }).CheckAsync();
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Sign to agree" }).ClickAsync();
        await Expect(candidate.GetByText("Agreed; next review 11 December 2026"));
        await candidate.GotoAsync("/Candidate/Witnesses");
        await Browser.AssertAccessibleAsync(candidate);
        await candidate.GetByLabel("Name", new() { Exact = true }).FillAsync("Omar Owen");
        await candidate.GetByLabel("Job title").FillAsync("Duty manager");
        await candidate.GetByLabel("Relationship to the candidate").FillAsync("Supervisor");
        await candidate.GetByLabel("Telephone or email").FillAsync("Omar.Owen@hotel.example");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Add witness" }).ClickAsync();
        await Expect(candidate.GetByText("Omar Owen is in your register of witnesses."));
        await Browser.AssertAccessibleAsync(candidate);

        // The assessor asks the witness for a testimony through a single-use link.
        await assessor.GotoAsync("/Assessor");
        await Browser.AssertAccessibleAsync(assessor);
        await assessor.GetByText("Units and records of Sam Patel").ClickAsync();
        await assessor.GetByRole(AriaRole.Link, new() { Name = "Witnesses and testimonies for Sam Patel" }).ClickAsync();
        await assessor.GetByLabel("What to describe").FillAsync("The guest whose room was not ready on Friday.");
        await assessor.GetByText("Unit C3 Resolve customer service problems").ClickAsync();
        await assessor.GetByLabel("C3 3.5 Check with their customer to make sure the problem has been resolved to the customer's satisfaction").CheckAsync();
        await Browser.AssertAccessibleAsync(assessor);
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Make a single-use link" }).ClickAsync();
        var link = await assessor.Locator("#new-link code").InnerTextAsync();
        Assert.Contains("/Witness/", link, StringComparison.Ordinal);
        await Expect(assessor.GetByText("We are emailing this link to Omar.Owen@hotel.example."));
        await Browser.AssertAccessibleAsync(assessor);
        var mail = await _server.Mail.WaitForAsync("omar.owen@hotel.example");
        Assert.Equal(link, _server.BaseUrl + Attest.Tests.Features.Mailbox.LinkPath(mail, "/Witness/"));

        // The witness, with no account, writes the testimony on a phone.
        var witness = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await witness.GotoAsync(link);
        await Expect(witness.GetByRole(AriaRole.Heading, new() { Name = "What did Sam Patel do?" }));
        await Browser.AssertAccessibleAsync(witness);
        await witness.GetByLabel("The candidate’s name").FillAsync("Sam Patel");
        await witness.GetByLabel("Date of the activity").FillAsync("2026-11-27");
        await witness.GetByLabel("Time of the activity").FillAsync("16:20");
        await witness.GetByLabel("Where the activity took place").FillAsync("Front desk");
        await witness.GetByLabel("What the candidate did").FillAsync("A guest's room was not ready. Sam apologised, offered a seat in the lounge, rang housekeeping, "
            + "and went back to the guest twenty minutes later with the key. She then asked him whether everything was now as he wanted; he said it was and thanked her.");
        await witness.GetByLabel("Signature: type your full name").FillAsync("Omar Owen");
        await witness.GetByRole(AriaRole.Button, new() { Name = "Sign and send the testimony" }).ClickAsync();
        await Expect(witness.GetByRole(AriaRole.Heading, new() { Name = "Testimony sent" }));
        await Browser.AssertAccessibleAsync(witness);
        await witness.GotoAsync(link);
        await Expect(witness.GetByText("This link has already been used"));

        // The assessor records the observation, judges the testimony, decides 1.1 and signs the unit off.
        await assessor.GotoAsync($"/Assessor/Enrolments/{enrolmentId}/Records/New?kind=Observation");
        await assessor.GetByLabel("Date", new() { Exact = true }).FillAsync("2026-11-27");
        await assessor.GetByLabel("Time (optional)").FillAsync("16:15");
        await assessor.GetByLabel("Where", new() { Exact = true }).FillAsync("Front desk, Riverside Hotel");
        await assessor.GetByLabel("Customer (anonymised, optional)").FillAsync("Customer D");
        await assessor.GetByLabel("Busy time").CheckAsync();
        await assessor.GetByLabel("What you saw the candidate do").FillAsync("Sam listened to the whole complaint without interrupting, then repeated it back before offering options.");
        await assessor.GetByText("Unit C3 Resolve customer service problems").ClickAsync();
        await assessor.GetByLabel("C3 1.1 Listen carefully to customers about any problem they have raised").CheckAsync();
        await Browser.AssertAccessibleAsync(assessor);
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Sign and keep the record" }).ClickAsync();
        await Expect(assessor.GetByText("observation record is recorded and accepted for C3"));
        await Browser.AssertAccessibleAsync(assessor);

        await assessor.GotoAsync($"/Assessor/Enrolments/{enrolmentId}/Units/C3");
        var testimony = assessor.Locator("#j-E005");
        await testimony.GetByText("Judge E005 for unit C3").ClickAsync();
        await testimony.GetByLabel("Accept", new() { Exact = true }).CheckAsync();
        await testimony.GetByLabel("Why (the candidate sees this)").FillAsync("The duty manager describes what Sam did and how the guest's satisfaction was checked.");
        await testimony.GetByRole(AriaRole.Button, new() { Name = "Record judgement of E005" }).ClickAsync();
        await Expect(assessor.GetByText("E005 accepted for unit C3."));
        // 1.1 decided in the unit's one decision form, with the justification and feedback written once for every criterion decided.
        await assessor.Locator("#c-1-1").GetByLabel("Met", new() { Exact = true }).CheckAsync();
        await assessor.GetByLabel("Justification", new() { Exact = true }).FillAsync("My observation E006: Sam heard the guest out and repeated the problem back.");
        await assessor.GetByLabel("Feedback to the candidate", new() { Exact = true }).FillAsync("C3 1.1: in E006 you let the guest finish, then summarised the problem back before offering options; that is careful listening.");
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Record decisions" }).ClickAsync();
        await Expect(assessor.GetByText("1 decision recorded: 1.1 met."));
        await Expect(assessor.GetByText("the unit can be signed off"));
        await Browser.AssertAccessibleAsync(assessor);
        await assessor.GetByLabel("The candidate is competent in unit C3 on the evidence listed, which I have judged valid, authentic, current and sufficient").CheckAsync();
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Sign off unit C3" }).ClickAsync();
        await Expect(assessor.GetByRole(AriaRole.Heading, new() { Name = "Unit C3 signed off" }));
        await Browser.AssertAccessibleAsync(assessor);

        // The candidate countersigns and can download the record sheet.
        await candidate.GotoAsync($"/Candidate/Enrolments/{enrolmentId}/Units/C3");
        await Expect(candidate.GetByText("Awaiting the candidate's countersignature."));
        await Browser.AssertAccessibleAsync(candidate);
        await candidate.GetByLabel("I agree with this statement").CheckAsync();
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Countersign unit C3" }).ClickAsync();
        await Expect(candidate.GetByText("Countersigned by Sam Patel"));
        await Browser.AssertAccessibleAsync(candidate);
        var sheet = await candidate.APIRequest.GetAsync($"/Portfolio/{enrolmentId}/Units/C3/RecordSheet");
        Assert.Equal(200, sheet.Status);
        Assert.Equal("application/pdf", sheet.Headers["content-type"]);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();
}
