using System.Globalization;
using Attest.Core;
using Attest.Tests.Features;
using Attest.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// Issue 17 in Chromium: the administrator adds an employer and invites its line manager, and makes Sam Patel's enrolment
/// an apprenticeship there; Sam logs two activities on a phone, the line manager verifies one on a phone and the assessor
/// the other; the log shows planned, expected to date, actual and the gap with its status; the assessor records a
/// progress review that Sam and the line manager sign; the administrator records a break in learning and Sam's log shows
/// the plan re-worked. axe-core on every page; the apprentice's and the line manager's pages fit a phone's width.
/// (Gateway is left to its own journey.)
/// </summary>
public sealed class ApprenticeshipJourneyTests : IDisposable
{
    private const string Planned = "300";

    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task An_apprentice_logs_hours_the_employer_and_assessor_verify_all_three_sign_a_review_and_a_break_reworks_the_plan()
    {
        Browser.RequireChromium();
        await DemoC3.PrepareAsync(_server);
        var today = UkTime.DateOf(_server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        // Four weeks in, a year's apprenticeship (365 days) with 300 hours planned: expected hours grow evenly by the day.
        var start = today.AddDays(-28);
        var plannedEnd = start.AddDays(364);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        // Alex adds the employer and its line manager, and invites Rhys to sign in.
        var alex = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(alex, "admin@demo.attest.test", DemoOptions.Password);
        await alex.GetByRole(AriaRole.Link, new() { Name = "Employers", Exact = true }).ClickAsync();
        await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "Employers", Exact = true }));
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByRole(AriaRole.Button, new() { Name = "Add an employer" }).ClickAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("Employer’s name").FillAsync("Quayside Bistro");
        await alex.GetByLabel("Address (optional)").FillAsync("4 Harbour Walk, Exampleton EX1 2BB");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Add the employer" }).ClickAsync();
        await Expect(alex.GetByText("Quayside Bistro added."));
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("Full name").First.FillAsync("Rhys Owen");
        await alex.GetByLabel("Job title (optional)").First.FillAsync("Restaurant manager");
        await alex.GetByLabel("Email address").First.FillAsync("rhys@quayside.example");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Add the contact" }).ClickAsync();
        await Expect(alex.GetByText("Rhys Owen added as a contact at Quayside Bistro."));
        await alex.GetByRole(AriaRole.Button, new() { Name = "Invite Rhys Owen to sign in as line manager" }).ClickAsync();
        await Expect(alex.GetByText("We have emailed rhys@quayside.example a link to choose a password."));
        await Browser.AssertAccessibleAsync(alex);

        // Sam's enrolment becomes an apprenticeship with Quayside Bistro.
        await alex.GetByRole(AriaRole.Link, new() { Name = "Candidates", Exact = true }).ClickAsync();
        await alex.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).First.ClickAsync();
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByRole(AriaRole.Link, new() { Name = "Make it an apprenticeship" }).ClickAsync();
        await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "Make the enrolment an apprenticeship" }));
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("An apprenticeship standard").CheckAsync();
        await alex.GetByLabel("Standard reference or framework code").FillAsync("SAMPLE-CS3");
        await alex.GetByLabel("Title of the standard or framework").FillAsync("Sample customer service standard (not an IfATE standard)");
        await alex.GetByLabel("Start date").FillAsync(Iso(start));
        await alex.GetByLabel("Planned end date").FillAsync(Iso(plannedEnd));
        await alex.GetByLabel("Contracted hours a week").FillAsync("30");
        await alex.GetByLabel("Planned off-the-job training hours").FillAsync("100");
        await alex.GetByLabel("Employer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Quayside Bistro" });
        await alex.GetByRole(AriaRole.Button, new() { Name = "Make it an apprenticeship" }).ClickAsync();
        await Expect(alex.GetByRole(AriaRole.Link, new() { Name = "Plan at least 187 hours", Exact = false }));
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("Planned off-the-job training hours").FillAsync(Planned);
        await alex.GetByRole(AriaRole.Button, new() { Name = "Make it an apprenticeship" }).ClickAsync();
        await Expect(alex.GetByText("The enrolment is now an apprenticeship with Quayside Bistro."));
        await Browser.AssertAccessibleAsync(alex);

        // Rhys, on a phone, chooses a password from the mailed link and signs in to his apprentices only.
        var rhys = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await rhys.GotoAsync(Mailbox.LinkPath(await _server.Mail.WaitForAsync("rhys@quayside.example"), "/Account/Password/"));
        await Expect(rhys.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" }));
        await CheckedAsync(rhys);
        const string password = "harbour kettle mooring lamp";
        await rhys.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await rhys.GetByLabel("Enter the password again").FillAsync(password);
        await rhys.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(rhys.GetByText("Your password is set."));
        await Browser.SignInAsync(rhys, "rhys@quayside.example", password);
        await Expect(rhys.GetByRole(AriaRole.Heading, new() { Name = "My apprentices" }));
        await Assertions.Expect(rhys.Locator("#apprentices tbody tr")).ToHaveCountAsync(1);
        await CheckedAsync(rhys);

        // Sam, on a phone, logs two activities from before the break to come.
        var sam = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(sam, "candidate1@demo.attest.test", DemoOptions.Password);
        await CheckedAsync(sam);
        await sam.GetByRole(AriaRole.Link, new() { Name = "My off-the-job training log" }).ClickAsync();
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Off-the-job training log" }));
        await Expect(sam.GetByText("No activities logged yet."));
        await CheckedAsync(sam);
        await LogAsync(sam, today.AddDays(-20), "shadowing", "3", "Shadowed the head waiter handling a party of twelve with allergies: how the kitchen is told.");
        await Expect(sam.GetByText($"Logged 3 hours on {Day(today.AddDays(-20))}"));
        await LogAsync(sam, today.AddDays(-18), "teaching", "2", "Online module on complaint handling: the four steps and when to hand a complaint on.");
        await Expect(sam.GetByText($"Logged 2 hours on {Day(today.AddDays(-18))}"));
        await LogAsync(sam, today.AddDays(1), "teaching", "2", "Tomorrow's module.");
        await Expect(sam.GetByRole(AriaRole.Link, new() { Name = "An activity cannot be logged for a day still to come", Exact = false }));
        await CheckedAsync(sam);
        await sam.GotoAsync("/Candidate/OffTheJob");
        await Assertions.Expect(sam.GetByText("Waiting to be verified")).ToHaveCountAsync(2);
        await CheckedAsync(sam);

        // Rhys verifies the shadowing he arranged at work.
        await rhys.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).ClickAsync();
        await CheckedAsync(rhys);
        await rhys.GetByRole(AriaRole.Button, new() { Name = "Off-the-job hours" }).ClickAsync();
        await Expect(rhys.GetByRole(AriaRole.Heading, new() { Name = "Off-the-job log of Sam Patel" }));
        await CheckedAsync(rhys);
        await rhys.GetByLabel($"Verify {Day(today.AddDays(-20))} Shadowing").CheckAsync();
        await rhys.GetByRole(AriaRole.Button, new() { Name = "Verify the ticked activities" }).ClickAsync();
        await Expect(rhys.GetByText("1 activity verified and signed."));
        await Expect(rhys.GetByText("Verified by Rhys Owen on " + today.ToString("d MMM yyyy", CultureInfo.InvariantCulture)));
        await CheckedAsync(rhys);

        // Asha verifies the online module from her caseload.
        var asha = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(asha, "assessor@demo.attest.test", DemoOptions.Password);
        await asha.GotoAsync("/Assessor?q=Sam+Patel");
        await Browser.AssertAccessibleAsync(asha);
        await asha.GetByRole(AriaRole.Link, new() { Name = "Sam Patel", Exact = true }).ClickAsync();
        await Expect(asha.GetByRole(AriaRole.Heading, new() { Name = "Sam Patel" }));
        await Browser.AssertAccessibleAsync(asha);
        await asha.GetByRole(AriaRole.Link, new() { Name = "Off-the-job training log" }).ClickAsync();
        await Expect(asha.GetByRole(AriaRole.Heading, new() { Name = "Off-the-job log of Sam Patel" }));
        await Browser.AssertAccessibleAsync(asha);
        await asha.GetByRole(AriaRole.Button, new() { Name = "Verify the ticked activities" }).ClickAsync();
        await Expect(asha.GetByRole(AriaRole.Link, new() { Name = "Tick the activities you can confirm took place as logged." }));
        await Browser.AssertAccessibleAsync(asha);
        await asha.GetByLabel($"Verify {Day(today.AddDays(-18))} Teaching", new() { Exact = false }).CheckAsync();
        await asha.GetByRole(AriaRole.Button, new() { Name = "Verify the ticked activities" }).ClickAsync();
        await Expect(asha.GetByText("1 activity verified and signed."));
        await Browser.AssertAccessibleAsync(asha);

        // Sam's log: 300 planned, the share expected by today of an even spread, 5 verified, and the gap, amber.
        await sam.ReloadAsync();
        var expected = 300m * 29 / 365;
        await ExpectRowAsync(sam, "Planned (PHours)", $"{Planned} hours by {Day(plannedEnd)}");
        await ExpectRowAsync(sam, "Expected to date", $"{Hours(expected)} hours");
        await ExpectRowAsync(sam, "Actual, verified (OTJActHours)", "5 hours");
        await ExpectRowAsync(sam, "Gap", $"{Hours(expected - 5)} hours");
        await Expect(sam.GetByText("Amber: more than 2 weeks behind"));
        await Assertions.Expect(sam.GetByText("Waiting to be verified")).ToHaveCountAsync(0);
        await CheckedAsync(sam);

        // Asha holds the progress review and signs it as she records it.
        await asha.GotoAsync("/Assessor?q=Sam+Patel");
        await asha.GetByText("Units and records of Sam Patel").ClickAsync();
        await asha.GetByRole(AriaRole.Link, new() { Name = "Progress reviews for Sam Patel" }).ClickAsync();
        await Expect(asha.GetByRole(AriaRole.Heading, new() { Name = "Progress reviews" }));
        await Browser.AssertAccessibleAsync(asha);
        await asha.GetByRole(AriaRole.Button, new() { Name = "Record and sign the review" }).ClickAsync();
        await Expect(asha.GetByRole(AriaRole.Link, new() { Name = "Enter the date the review was held" }));
        await Browser.AssertAccessibleAsync(asha);
        await asha.GetByLabel("Date held").FillAsync(Iso(today));
        await asha.GetByLabel("Progress against the plan").FillAsync("C3 evidence is judged; the problem logs are ahead of plan.");
        await asha.GetByLabel("Off-the-job hours discussed").FillAsync("5 hours verified against about 24 expected: Rhys books two shadowing shifts a week until we catch up.");
        await asha.GetByLabel("Knowledge, skills and behaviours").FillAsync("Complaint handling shown at work; product knowledge next.");
        await asha.GetByRole(AriaRole.Group, new() { Name = "Has the apprentice any wellbeing concern?" }).GetByLabel("No", new() { Exact = true }).CheckAsync();
        await asha.GetByRole(AriaRole.Group, new() { Name = "Has a safeguarding concern been raised?" }).GetByLabel("No", new() { Exact = true }).CheckAsync();
        await asha.GetByLabel("Targets to the next review").FillAsync("Two shadowing shifts a week; log each one the same day.");
        await asha.GetByRole(AriaRole.Button, new() { Name = "Record and sign the review" }).ClickAsync();
        await Expect(asha.GetByText("Review recorded and signed by you."));
        await Expect(asha.GetByText("Waiting for signatures"));
        await Browser.AssertAccessibleAsync(asha);

        // Sam signs it on his phone, then Rhys on his.
        await sam.GotoAsync("/Candidate");
        await sam.GetByRole(AriaRole.Link, new() { Name = "My progress reviews" }).ClickAsync();
        await Expect(sam.GetByText("Two shadowing shifts a week; log each one the same day."));
        await CheckedAsync(sam);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Sign this review" }).ClickAsync();
        await Expect(sam.GetByText("You have signed the review."));
        await Assertions.Expect(sam.GetByRole(AriaRole.Button, new() { Name = "Sign this review" })).ToHaveCountAsync(0);
        await CheckedAsync(sam);
        await rhys.GetByRole(AriaRole.Link, new() { Name = "My apprentices" }).ClickAsync();
        await rhys.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).ClickAsync();
        await rhys.GetByRole(AriaRole.Link, new() { Name = "Progress reviews to read and sign" }).ClickAsync();
        await Expect(rhys.GetByText("Waiting for signatures"));
        await CheckedAsync(rhys);
        await rhys.GetByRole(AriaRole.Button, new() { Name = "Sign this review as the employer" }).ClickAsync();
        await Expect(rhys.GetByText("You have signed the review as the employer."));
        await Expect(rhys.GetByText("Signed by all three"));
        await Expect(rhys.GetByText("Rhys Owen on " + Day(today)));
        await CheckedAsync(rhys);
        await asha.ReloadAsync();
        await Expect(asha.GetByText("Signed by all three"));

        // Alex records a fortnight's break in learning, now over: Sam's plan moves on by the break.
        await alex.GotoAsync("/Admin/Candidates");
        await alex.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).First.ClickAsync();
        await alex.GetByRole(AriaRole.Link, new() { Name = "Breaks and withdrawal" }).ClickAsync();
        await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "Breaks and withdrawal" }));
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("Start a break in learning").CheckAsync();
        await alex.GetByLabel("Date it happened").FillAsync(Iso(today.AddDays(-14)));
        await alex.GetByLabel("Reason").FillAsync("Broken wrist at home: signed off work for two weeks.");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Sign and record" }).ClickAsync();
        await Expect(alex.GetByText("Recorded and signed:", new() { Exact = false }));
        await Browser.AssertAccessibleAsync(alex);
        await alex.GetByLabel("Return from the break").CheckAsync();
        await alex.GetByLabel("Date it happened").FillAsync(Iso(today));
        await alex.GetByLabel("Reason").FillAsync("Back at work; agreed with Rhys Owen at the review.");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Sign and record" }).ClickAsync();
        await Expect(alex.GetByText("Recorded and signed:", new() { Exact = false }));
        await Browser.AssertAccessibleAsync(alex);

        // Nothing was expected during the break; what is still to come is spread from today to the new end, so Sam is back on track.
        await sam.GotoAsync("/Candidate/OffTheJob");
        var beforeBreak = 300m * 14 / 365;
        var replanned = beforeBreak + ((300m - beforeBreak) * 1 / 351);
        await ExpectRowAsync(sam, "Planned (PHours)", $"{Planned} hours by {Day(plannedEnd.AddDays(14))}");
        await ExpectRowAsync(sam, "Expected to date", $"{Hours(replanned)} hours");
        await ExpectRowAsync(sam, "Gap", $"{Hours(replanned - 5)} hours");
        await Expect(sam.GetByText("Green: on track"));
        await CheckedAsync(sam);
        await LogAsync(sam, today.AddDays(-7), "shadowing", "3", "Shadowing on a day of the break.");
        await Expect(sam.GetByRole(AriaRole.Link, new() { Name = "is in the break in learning", Exact = false }));
        await CheckedAsync(sam);

        // Rhys sees the same re-worked plan.
        await rhys.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).ClickAsync();
        await rhys.GetByRole(AriaRole.Button, new() { Name = "Off-the-job hours" }).ClickAsync();
        await ExpectRowAsync(rhys, "Planned (PHours)", $"{Planned} hours by {Day(plannedEnd.AddDays(14))}");
        await CheckedAsync(rhys);
    }

    /// <summary>Logs one activity on the apprentice's log page.</summary>
    private static async Task LogAsync(IPage page, DateOnly day, string type, string hours, string learnt)
    {
        await page.GotoAsync("/Candidate/OffTheJob");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(Iso(day));
        await page.GetByLabel("Type of activity").SelectOptionAsync(type);
        await page.GetByLabel("Time spent, in hours").FillAsync(hours);
        await page.GetByLabel("What did you learn?").FillAsync(learnt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the activity" }).ClickAsync();
    }

    /// <summary>axe on the page and, on a phone, no sideways scrolling.</summary>
    private static async Task CheckedAsync(IPage page)
    {
        await Browser.AssertAccessibleAsync(page);
        await Browser.AssertFitsTheScreenAsync(page);
    }

    /// <summary>A row of the log's summary: its value starts with <paramref name="value"/>.</summary>
    private static Task ExpectRowAsync(IPage page, string key, string value) =>
        Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { Has = page.Locator("dt", new() { HasTextString = key }) }).Locator("dd"))
            .ToContainTextAsync(value);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Hours(decimal hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();
}
