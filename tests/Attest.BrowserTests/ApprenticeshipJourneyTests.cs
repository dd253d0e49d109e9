using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Tests.Features;
using Attest.Web.Features.OffTheJob;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// Issue 17 in Chromium: the administrator adds an employer and invites its line manager, and makes Sam Patel's enrolment
/// an apprenticeship there; Sam logs two activities on a phone, the line manager verifies one on a phone and the assessor
/// the other; the log shows planned, expected to date, actual and the gap with its status; the assessor records a
/// progress review that Sam and the line manager sign; the administrator records a break in learning and Sam's log shows
/// the plan re-worked. Then gateway: Sam maps his evidence to every KSB from his coverage page, Asha records English and
/// maths, the line manager signs the declaration, Asha signs for the provider and downloads the pack for the end-point
/// assessment organisation. axe-core on every page; the apprentice's and the line manager's pages fit a phone's width.
/// </summary>
public sealed class ApprenticeshipJourneyTests : IDisposable
{
    private const string Planned = "300";

    /// <summary>
    /// The sample standard without a mandatory qualification, as many published standards are, so the gateway journey
    /// reaches a complete checklist without a full award of 03456 (seven units) behind it.
    /// </summary>
    private const string Standard = "TEST-EPA";

    private readonly CatalogueCopy _catalogue = new CatalogueCopy().WithStandard(Standard, CatalogueCopy.WithoutQualification);

    private readonly AttestServer _server;

    public ApprenticeshipJourneyTests() => _server = new(new Dictionary<string, string> { ["Catalogue:Folder"] = _catalogue.Path });

    public void Dispose()
    {
        _server.Dispose();
        _catalogue.Dispose();
    }

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

    [SkippableFact]
    public async Task An_apprentice_maps_every_KSB_the_line_manager_then_the_provider_sign_the_gateway_and_the_pack_goes_to_the_end_point_assessment_organisation()
    {
        Browser.RequireChromium();
        var enrolmentId = await ApprenticeWithHoursDoneAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        // Sam, on a phone, opens his KSB coverage: none shown yet, and the page says where KSBs are mapped.
        var sam = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(sam, "candidate1@demo.attest.test", DemoOptions.Password);
        await sam.GetByRole(AriaRole.Link, new() { Name = "My KSB coverage" }).ClickAsync();
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "KSB coverage" }));
        await Expect(sam.GetByText("0 of 16 KSBs covered"));
        await CheckedAsync(sam);

        // He maps each problem log to what it shows, going from the coverage page to the log's page each time.
        (string Reference, string Kind, string[] Codes)[] mappings =
        [
            ("E001", "Knowledge", ["K1", "K2", "K3", "K4", "K5", "K6"]),
            ("E002", "Skills", ["S1", "S2", "S3", "S4", "S5", "S6"]),
            ("E003", "Behaviours", ["B1", "B2", "B3", "B4"]),
        ];
        foreach (var (reference, kind, codes) in mappings)
        {
            await sam.GotoAsync($"/Tracking/Enrolments/{enrolmentId}/Ksbs");
            await sam.GetByRole(AriaRole.Link, new() { Name = "your evidence" }).ClickAsync();
            await sam.GetByRole(AriaRole.Link, new() { Name = $"Problem log {reference}" }).ClickAsync();
            var form = sam.Locator("form", new() { Has = sam.GetByRole(AriaRole.Button, new() { Name = "Map to the chosen KSBs" }) });
            await form.GetByText($"{kind} of {Standard}").ClickAsync();
            foreach (var code in codes)
            {
                await form.GetByLabel(new Regex($"^{code} ")).CheckAsync();
            }

            await CheckedAsync(sam);
            await form.GetByRole(AriaRole.Button, new() { Name = "Map to the chosen KSBs" }).ClickAsync();
            await Expect(sam.GetByText($"{reference} is mapped to {string.Join(", ", codes)}."));
            await CheckedAsync(sam);
        }

        await sam.GotoAsync($"/Tracking/Enrolments/{enrolmentId}/Ksbs");
        await Expect(sam.GetByText("16 of 16 KSBs covered"));
        await Expect(sam.Locator("#ksb-B4").GetByRole(AriaRole.Link, new() { Name = "E003 Problem log E003" }));
        await CheckedAsync(sam);

        // Asha opens Sam's gateway: the KSBs and the hours are met; English and maths and the employer's agreement are not.
        var asha = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(asha, "assessor@demo.attest.test", DemoOptions.Password);
        await asha.GotoAsync("/Assessor?q=Sam+Patel");
        await asha.GetByRole(AriaRole.Link, new() { Name = "Sam Patel", Exact = true }).ClickAsync();
        await asha.GetByRole(AriaRole.Link, new() { Name = "Gateway to end-point assessment" }).ClickAsync();
        await Expect(asha.GetByRole(AriaRole.Heading, new() { Name = "Gateway to end-point assessment" }));
        await Expect(asha.GetByText("2 of 4 items met."));
        await Expect(asha.Locator("#item-EnglishAndMaths").GetByText("English: nothing recorded yet; Maths: nothing recorded yet", new() { Exact = false }));
        await Browser.AssertAccessibleAsync(asha);

        // She records English and maths: a record with nothing chosen is refused on its fields, then each subject in turn.
        await asha.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Expect(asha.GetByRole(AriaRole.Link, new() { Name = "Choose English or maths" }));
        await Browser.AssertAccessibleAsync(asha);
        await asha.GetByRole(AriaRole.Group, new() { Name = "Subject" }).GetByLabel("English").CheckAsync();
        await asha.GetByRole(AriaRole.Group, new() { Name = "Outcome" }).GetByLabel("Achieved").CheckAsync();
        await asha.GetByLabel("Level achieved").FillAsync("2");
        await asha.GetByLabel("Date achieved").FillAsync("2024-08-22");
        await asha.GetByLabel("Evidence seen").FillAsync("GCSE English Language, grade 5: certificate seen.");
        await asha.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Expect(asha.GetByText("English recorded."));
        await asha.GetByRole(AriaRole.Group, new() { Name = "Subject" }).GetByLabel("Maths").CheckAsync();
        await asha.GetByRole(AriaRole.Group, new() { Name = "Outcome" }).GetByLabel("Exempt").CheckAsync();
        await asha.GetByLabel("Reason for the exemption").FillAsync("Holds A level maths (level 3): certificate seen.");
        await asha.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Expect(asha.GetByText("Maths recorded."));
        await Expect(asha.Locator("#english-and-maths").GetByText("Exempt: Holds A level maths (level 3): certificate seen.", new() { Exact = false }));
        await Browser.AssertAccessibleAsync(asha);

        // The provider signs last: refused while the employer has not agreed.
        await asha.GetByRole(AriaRole.Button, new() { Name = "Sign the declaration for the training provider" }).ClickAsync();
        await Expect(asha.GetByRole(AriaRole.Link, new() { Name = "Not met yet: Employer agrees the apprentice is ready.", Exact = false }));
        await Browser.AssertAccessibleAsync(asha);

        // Lee, Sam's line manager, agrees on his phone.
        var lee = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(lee, "linemanager@demo.attest.test", DemoOptions.Password);
        await lee.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).ClickAsync();
        await lee.GetByRole(AriaRole.Link, new() { Name = "Gateway to end-point assessment" }).ClickAsync();
        await Expect(lee.GetByRole(AriaRole.Heading, new() { Name = "Gateway to end-point assessment" }));
        await Expect(lee.GetByText("3 of 4 items met."));
        await CheckedAsync(lee);
        await lee.GetByRole(AriaRole.Button, new() { Name = "Sign the declaration for the employer" }).ClickAsync();
        await Expect(lee.GetByText("You have signed the gateway declaration for the employer."));
        await Expect(lee.GetByText("Ready for gateway"));
        await Expect(lee.Locator("#declaration").GetByText("Lee Morgan on", new() { Exact = false }));
        await CheckedAsync(lee);

        // Asha signs for the provider and downloads the pack: the index with the checklist, the ILR line, and each log mapped.
        await asha.GotoAsync($"/Gateway/{enrolmentId}");
        await Expect(asha.GetByText("Ready for gateway"));
        await asha.GetByRole(AriaRole.Button, new() { Name = "Sign the declaration for the training provider" }).ClickAsync();
        await Expect(asha.GetByText("You have signed the gateway declaration for the training provider."));
        await Browser.AssertAccessibleAsync(asha);
        var download = await asha.RunAndWaitForDownloadAsync(() => asha.GetByRole(AriaRole.Button, new() { Name = "Download the gateway pack" }).ClickAsync());
        Assert.Equal($"gateway-Patel-{Standard}.zip", download.SuggestedFilename);
        using var pack = new MemoryStream();
        await using (var stream = await download.CreateReadStreamAsync())
        {
            await stream.CopyToAsync(pack);
        }

        using var zip = new ZipArchive(pack);
        Assert.Equal(["evidence/E001.txt", "evidence/E002.txt", "evidence/E003.txt", "index.html", "off-the-job.csv"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var index = System.Net.WebUtility.HtmlDecode(await TextOfAsync(zip, "index.html"));
        Assert.Contains("<h2>Gateway checklist</h2>", index, StringComparison.Ordinal);
        Assert.Contains("<td>Every knowledge, skill and behaviour evidenced</td>", index, StringComparison.Ordinal);
        Assert.DoesNotContain("Not met:", index, StringComparison.Ordinal);
        Assert.Contains("16 of 16 covered.", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"evidence/E002.txt\">E002</a> Problem log E002", index, StringComparison.Ordinal);
        Assert.StartsWith("E003 Problem log E003", await TextOfAsync(zip, "evidence/E003.txt"), StringComparison.Ordinal);
        Assert.Contains(",187,187", await TextOfAsync(zip, "off-the-job.csv"), StringComparison.Ordinal);

        // Sam reads his gateway, ready and signed, on his phone.
        await sam.GotoAsync("/Candidate");
        await sam.GetByRole(AriaRole.Link, new() { Name = "My gateway" }).ClickAsync();
        await Expect(sam.GetByText("Ready for gateway"));
        await Assertions.Expect(sam.GetByRole(AriaRole.Button, new() { Name = "Download the gateway pack" })).ToHaveCountAsync(0);
        await CheckedAsync(sam);
    }

    /// <summary>
    /// Sam's C3 enrolment (<see cref="DemoC3"/>) an apprenticeship on <see cref="Standard"/> at the demo's hotel since the
    /// enrolment began, with its 187 planned off-the-job hours logged week by week and verified by Lee Morgan, the hotel's
    /// line manager: what the first journey walks in the browser, done here through the calls the pages make.
    /// </summary>
    private async Task<Guid> ApprenticeWithHoursDoneAsync()
    {
        var enrolmentId = await DemoC3.PrepareAsync(_server);
        var rules = _server.Services.GetRequiredService<OffTheJobRules>();
        var options = _server.Services.GetRequiredService<DbContextOptions<AttestDbContext>>();
        var now = _server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = UkTime.DateOf(now);
        AppUser alex, lee, sam;
        await using (var global = new AttestDbContext(options, NoCentre.Instance))
        {
            alex = await global.Users.SingleAsync(u => u.Email == "admin@demo.attest.test");
            lee = await global.Users.SingleAsync(u => u.Email == "linemanager@demo.attest.test");
            sam = await global.Users.SingleAsync(u => u.Email == "candidate1@demo.attest.test");
        }

        await using var db = new AttestDbContext(options, new FixedCentre(alex.CentreId));
        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == enrolmentId);
        var hotel = await db.Employers.SingleAsync(e => e.Name == "Harbour View Hotel");
        db.Apprenticeships.Add(Apprenticeship.Start(enrolment, new(ApprenticeshipProgramme.Standard, Standard, "Customer service (a test standard)", enrolment.RegisteredOn,
            enrolment.RegisteredOn.AddYears(1), 30, 187, hotel.Id), hotel, rules, _server.Services.GetRequiredService<Attest.Core.Qualifications.Catalogue>(), alex.Id, now));
        await db.SaveChangesAsync();

        var scope = db.Enrolments.Where(e => e.Id == enrolmentId);
        var log = (await OffTheJobLog.LoadAsync(db, rules, scope, today, default))!;
        for (var week = 1; week <= 11; week++)
        {
            var entry = new OffTheJobEntry(enrolment.RegisteredOn.AddDays(7 * week), TimeSpan.FromHours(17), "teaching");
            db.OffTheJobActivities.Add(OffTheJobActivity.Log(rules, log.Plan, enrolment, entry, $"Week {week} of the complaint-handling course at college.", [], today, sam.Id, now));
        }

        await db.SaveChangesAsync();
        log = (await OffTheJobLog.LoadAsync(db, rules, scope, today, default))!;
        await log.VerifyAsync(db, [.. log.Lines.Select(l => l.Activity.Id)], Roles.Employer, lee.Id, lee.DisplayName, now, default);
        return enrolmentId;
    }

    private static async Task<string> TextOfAsync(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return await reader.ReadToEndAsync();
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
