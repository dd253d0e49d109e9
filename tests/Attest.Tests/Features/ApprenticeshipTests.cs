using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 17, item 1: employers of a centre with contacts; a contact invited to sign in as the employer's line manager, who
/// sees their own apprentices and nothing else, and writes witness testimonies from their account; an enrolment made an
/// apprenticeship with an employer of the same centre.
/// </summary>
public class ApprenticeshipTests
{
    private const string NewPassword = "harbour lantern copper field";

    private const string Description = "On the Saturday breakfast rush a guest complained that his table had been given away. Otto apologised, found him a window table within "
        + "five minutes, told the kitchen so his order went first, and came back to check he was happy. The guest thanked him at the desk as he left.";

    private static string Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Terms(Guid employerId, string start = "2026-09-01", string end = "2027-09-30", string contracted = "37.5", string planned = "280") => new()
    {
        ["Input.Programme"] = "Standard", ["Input.ProgrammeCode"] = "ST0229", ["Input.ProgrammeTitle"] = "Hospitality team member", ["Input.StartDate"] = start,
        ["Input.PlannedEndDate"] = end, ["Input.ContractedHoursPerWeek"] = contracted, ["Input.PlannedOffTheJobHours"] = planned, ["Input.EmployerId"] = employerId.ToString(),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_adds_an_employer_and_invites_its_line_manager_who_signs_in_and_sees_only_their_own_apprentices(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);

        var added = await admin.PostFormAsync("/Admin/Employers/Add", new() { ["Input.Name"] = "Quayside Café", ["Input.Address"] = "2 Quay Street" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var employerPage = added.Headers.Location!.OriginalString;
        var employerId = Guid.Parse(employerPage.Split('/')[^1]);
        var contact = await admin.PostFormAsync(employerPage + "?handler=AddContact", new()
        {
            ["Contact.Name"] = "Lina Line", ["Contact.JobTitle"] = "Café manager", ["Contact.Email"] = "lina@a.test", ["Contact.Phone"] = "01632 960456",
        }, tokenFrom: employerPage);
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        Guid contactId;
        await using (var db = app.Db(app.A.Id))
        {
            contactId = await db.EmployerContacts.Where(c => c.EmployerId == employerId).Select(c => c.Id).SingleAsync();
            var employer = await db.Employers.SingleAsync(e => e.Id == employerId);
            Assert.Equal((await app.UserIdAsync(app.A.Admin), "2 Quay Street"), (employer.ChangedBy, employer.Address));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(employerPage + "?handler=Invite", new() { ["ContactId"] = contactId.ToString() }, tokenFrom: employerPage)).StatusCode);
        var mail = await app.Mail.WaitForAsync("lina@a.test");
        Assert.Contains("as an employer (line manager)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Invited: has not chosen a password yet", await admin.GetStringAsync(employerPage), StringComparison.Ordinal);
        Assert.Contains("Quayside Café", WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Employers?q=lina")), StringComparison.Ordinal);
        Assert.DoesNotContain("Quayside", WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Employers?q=nobody")), StringComparison.Ordinal);
        Assert.DoesNotContain("Lina Line", await admin.GetStringAsync("/Admin/Staff"), StringComparison.Ordinal);

        // Cara's apprenticeship follows the sample standard, whose only version the catalogue holds is 1.0: stated, not offered.
        var onlyVersion = new HtmlParser().ParseDocument(await admin.GetStringAsync($"/Admin/Enrolments/{app.A.EnrolmentId}/Apprenticeship"));
        Assert.Null(onlyVersion.GetElementById("Input_StandardVersion"));
        Assert.StartsWith("The apprentice follows version 1.0 of SAMPLE-CS3, the only version the catalogue holds.", onlyVersion.GetElementById("standard-version")!.TextContent, StringComparison.Ordinal);

        // Otto's enrolment becomes the café's apprenticeship.
        var made = await admin.PostFormAsync($"/Admin/Enrolments/{app.A.GradedEnrolmentId}/Apprenticeship", Terms(employerId));
        Assert.Equal($"/Admin/Candidates/{app.A.OtherCandidateId}", made.Headers.Location!.OriginalString);
        Assert.Contains("Standard ST0229 Hospitality team member, with Quayside Café", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Candidates/{app.A.OtherCandidateId}")), StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            var apprenticeship = await db.Apprenticeships.SingleAsync(a => a.EnrolmentId == app.A.GradedEnrolmentId);
            Assert.Equal((employerId, 37.5m, 280m, new DateOnly(2026, 9, 1)), (apprenticeship.EmployerId, apprenticeship.ContractedHoursPerWeek, apprenticeship.PlannedOffTheJobHours, apprenticeship.StartDate));
            Assert.Equal(await app.UserIdAsync(app.A.Admin), apprenticeship.ChangedBy);
            Assert.Equal(new DateOnly(2027, 9, 30), (await db.Enrolments.SingleAsync(e => e.Id == app.A.GradedEnrolmentId)).PlannedEndDate);
        }

        var link = Mailbox.LinkPath(mail, "/Account/Password/");
        using var lina = app.Anonymous();
        Assert.Equal("/Account/SignIn", (await lina.PostFormAsync(link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword })).Headers.Location!.OriginalString);
        using var signedIn = await app.SignedInAsync("lina@a.test", NewPassword);
        Assert.Equal("/Employer", (await signedIn.GetAsync("/")).Headers.Location!.OriginalString);
        var home = await signedIn.GetStringAsync("/Employer");
        Assert.Contains("Otto Centrea", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Cara", home, StringComparison.Ordinal); // the seeded employer's apprentice
        Assert.Contains("Otto Centrea", await signedIn.GetStringAsync("/Employer?q=otto"), StringComparison.Ordinal);
        Assert.DoesNotContain("Otto Centrea", await signedIn.GetStringAsync("/Employer?q=zzz"), StringComparison.Ordinal);
        var apprentice = WebUtility.HtmlDecode(await signedIn.GetStringAsync($"/Employer/Apprentices/{app.A.GradedEnrolmentId}"));
        Assert.Contains("Standard ST0229 Hospitality team member", apprentice, StringComparison.Ordinal);
        Assert.Contains("Units of", apprentice, StringComparison.Ordinal);

        // Another employer's apprentice, and another centre's, are not there; staff pages are refused.
        foreach (var enrolment in new[] { app.A.EnrolmentId, app.B.EnrolmentId, app.B.GradedEnrolmentId })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync($"/Employer/Apprentices/{enrolment}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync($"/Employer/Apprentices/{enrolment}/Testimony")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await signedIn.PostFormAsync($"/Employer/Apprentices/{enrolment}/Testimony", new() { ["Input.Description"] = Description }, tokenFrom: "/Employer")).StatusCode);
        }

        foreach (var url in new[] { "/Admin/Employers", $"/Admin/Employers/{employerId}", "/Assessor", "/Iqa", "/Candidate", $"/Tracking/Enrolments/{app.A.GradedEnrolmentId}", $"/Planning/Enrolments/{app.A.GradedEnrolmentId}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync($"/Portfolio/{app.A.GradedEnrolmentId}")).StatusCode);

        // An employer's account is theirs alone: it is not given staff roles, nor is staff invited as an employer.
        var roles = await admin.PostFormAsync($"/Admin/Staff/{await app.UserIdAsync("lina@a.test")}?handler=Roles", new() { ["Input.Roles"] = "Assessor" }, tokenFrom: "/Admin/Staff");
        Assert.Contains("cannot have a centre role", WebUtility.HtmlDecode(await roles.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var asStaff = await admin.PostFormAsync("/Admin/Staff/Invite", new() { ["Input.Name"] = "Pat Boss", ["Input.Email"] = "pat@a.test", ["Input.Roles"] = Roles.Employer });
        Assert.Contains("An employer's line manager is invited from their employer's page", WebUtility.HtmlDecode(await asStaff.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_centre_gets_404_and_the_wrong_role_403_on_employer_and_apprenticeship_pages(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        string[] adminUrls = [$"/Admin/Employers/{a.EmployerId}", $"/Admin/Employers/{a.EmployerId}/Contacts/{a.EmployerContactId}", $"/Admin/Enrolments/{a.EnrolmentId}/Apprenticeship"];
        using var otherAdmin = await app.SignedInAsync(app.B.Admin);
        foreach (var url in adminUrls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostFormAsync(url.EndsWith(a.EmployerId.ToString(), StringComparison.Ordinal) ? url + "?handler=Change" : url, new() { ["Input.Name"] = "Taken over", ["Contact.Name"] = "Taken over", ["Contact.Email"] = "x@b.test" }, tokenFrom: "/Admin/Employers")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostFormAsync($"/Admin/Employers/{a.EmployerId}?handler=Invite", new() { ["ContactId"] = a.EmployerContactId.ToString() }, tokenFrom: "/Admin/Employers")).StatusCode);
        Assert.DoesNotContain("Employer A", await otherAdmin.GetStringAsync("/Admin/Employers"), StringComparison.Ordinal);

        using var otherLineManager = await app.SignedInAsync(app.B.Employer);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLineManager.GetAsync($"/Employer/Apprentices/{a.EnrolmentId}")).StatusCode);
        var theirs = await otherLineManager.GetStringAsync("/Employer");
        Assert.Contains("Cara Centreb", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Centrea", theirs, StringComparison.Ordinal);

        foreach (var user in new[] { a.Assessor, a.Iqa, a.Eqa, a.Candidate })
        {
            using var client = await app.SignedInAsync(user);
            foreach (var url in adminUrls.Append("/Admin/Employers").Append("/Employer").Append($"/Employer/Apprentices/{a.EnrolmentId}").Append($"/Employer/Apprentices/{a.EnrolmentId}/Testimony"))
            {
                Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"{user} GET {url}");
            }
        }

        await using var db = app.Db(a.Id);
        Assert.Equal("Employer A", (await db.Employers.SingleAsync()).Name);
        Assert.Single(await db.EmployerContacts.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_input_is_refused_with_each_field_named_and_nothing_saved(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);

        var noName = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/Admin/Employers/Add", new() { ["Input.Name"] = " " })).Content.ReadAsStringAsync());
        Assert.Contains("href=\"#Input_Name\">Enter the employer's name", noName, StringComparison.Ordinal);
        var employerPage = $"/Admin/Employers/{app.A.EmployerId}";
        var badContact = WebUtility.HtmlDecode(await (await admin.PostFormAsync(employerPage + "?handler=AddContact", new() { ["Contact.Email"] = "not-an-address", ["Contact.Phone"] = "call me" }, tokenFrom: employerPage)).Content.ReadAsStringAsync());
        Assert.Contains("href=\"#Contact_Name\">Enter the contact's full name", badContact, StringComparison.Ordinal);
        Assert.Contains("href=\"#Contact_Email\">Enter an email address in the correct format", badContact, StringComparison.Ordinal);
        Assert.Contains("href=\"#Contact_Phone\">Enter a telephone number", badContact, StringComparison.Ordinal);

        var page = $"/Admin/Enrolments/{app.A.GradedEnrolmentId}/Apprenticeship";
        async Task<string> RefusedAsync(Dictionary<string, string> form)
        {
            var response = await admin.PostFormAsync(page, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("href=\"#Input_EmployerId\">Choose one of this centre's employers", await RefusedAsync(Terms(app.B.EmployerId)), StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_PlannedEndDate\">The planned end date must be after the start date (1 September 2026)", await RefusedAsync(Terms(app.A.EmployerId, end: "2026-08-01")), StringComparison.Ordinal);
        var hours = await RefusedAsync(Terms(app.A.EmployerId, contracted: "0", planned: "-20"));
        Assert.Contains("href=\"#Input_ContractedHoursPerWeek\">Enter the apprentice's contracted hours a week", hours, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_PlannedOffTheJobHours\">Enter the planned off-the-job training hours", hours, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_PlannedOffTheJobHours\">Plan at least 278.4 hours: 6 hours a week over 46.4 working weeks, ESFA rules from 1 August 2022",
            await RefusedAsync(Terms(app.A.EmployerId, start: "2023-01-02", end: "2023-12-31", contracted: "30", planned: "278.39")), StringComparison.Ordinal);
        var empty = await RefusedAsync(new() { ["Input.PlannedOffTheJobHours"] = "lots" });
        foreach (var field in new[] { "Programme", "ProgrammeCode", "ProgrammeTitle", "StartDate", "PlannedEndDate", "ContractedHoursPerWeek", "PlannedOffTheJobHours", "EmployerId" })
        {
            Assert.Contains($"href=\"#Input_{field}\"", empty, StringComparison.Ordinal);
        }

        await using var db = app.Db(app.A.Id);
        Assert.Single(await db.Employers.ToListAsync());
        Assert.Single(await db.EmployerContacts.ToListAsync());
        Assert.False(await db.Apprenticeships.AnyAsync(a => a.EnrolmentId == app.A.GradedEnrolmentId));
        Assert.Null((await db.Enrolments.SingleAsync(e => e.Id == app.A.GradedEnrolmentId)).PlannedEndDate);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_testimony_written_in_the_employer_account_is_kept_on_the_apprentices_record_signed_by_the_line_manager(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var lineManager = await app.SignedInAsync(app.A.Employer);
        var form = $"/Employer/Apprentices/{app.A.EnrolmentId}/Testimony";
        Assert.Contains("Front office manager", await lineManager.GetStringAsync(form), StringComparison.Ordinal);

        var missing = WebUtility.HtmlDecode(await (await lineManager.PostFormAsync(form, new() { ["Input.Description"] = Description })).Content.ReadAsStringAsync());
        Assert.Contains("Enter the venue of the activity", missing, StringComparison.Ordinal);
        var yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var kept = await lineManager.PostFormAsync(form, new()
        {
            ["Input.CandidateName"] = "Cara Centrea", ["Input.ActivityDate"] = yesterday, ["Input.ActivityTime"] = "08:30", ["Input.Venue"] = "Hotel restaurant",
            ["Input.Description"] = Description, ["Input.WrittenOn"] = Today, ["Input.Relationship"] = "Line manager", ["Input.SignatureName"] = "linemanager A",
            ["Input.JobTitle"] = "Front office manager", ["Input.Contact"] = app.A.Employer,
        });
        Assert.Equal($"/Employer/Apprentices/{app.A.EnrolmentId}", kept.Headers.Location!.OriginalString);

        var userId = await app.UserIdAsync(app.A.Employer);
        await using (var db = app.Db(app.A.Id))
        {
            var testimony = await db.WitnessTestimonies.SingleAsync();
            Assert.Equal((TestimonySource.EmployerAccount, null), (testimony.Source, testimony.TranscribedBy));
            var item = await db.EvidenceItems.SingleAsync(i => i.Id == testimony.EvidenceItemId);
            Assert.Equal((app.A.CandidateId, userId), (item.CandidateId, item.UploadedBy));
            var signature = await db.LedgerEntries.SingleAsync(l => l.SubjectId == testimony.Id);
            Assert.Equal((Roles.Employer, userId, "linemanager A"), (signature.SignerRole, signature.SignerId, signature.SignerName));
            var witness = await db.Witnesses.SingleAsync(w => w.Id == testimony.WitnessId);
            Assert.Equal((app.A.CandidateId, "linemanager A", app.A.Employer), (witness.CandidateId, witness.Name, witness.Contact));
        }

        using var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Contains("Witness testimony from linemanager A", await candidate.GetStringAsync("/Candidate/Evidence"), StringComparison.Ordinal);
        var (exit, output) = await app.CliAsync("ledger", "verify");
        Assert.True(exit == 0, output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_newer_version_of_a_standard_moves_no_apprentice_until_an_administrator_moves_them(DatabaseProvider provider)
    {
        // The catalogue gains version 1.1 of the sample standard, with a seventh knowledge KSB.
        using var catalogue = new CatalogueCopy();
        var sample = File.ReadAllText(Path.Combine(CatalogueCopy.Shipped, "standards", "sample-cs3-customer-service.yaml"));
        catalogue.Write(Path.Combine("standards", "sample-cs3-customer-service-1.1.yaml"), sample
            .Replace("version: \"1.0\"", "version: \"1.1\"", StringComparison.Ordinal)
            .Replace("  - code: \"S1\"", "  - code: \"K7\"\n    text: \"How customer records are kept accurate and secure.\"\n  - code: \"S1\"", StringComparison.Ordinal));
        using var app = await new AttestFactory(provider, new Dictionary<string, string> { ["Catalogue:Folder"] = catalogue.Path }).SeedAsync();
        // Cara's apprenticeship began before 1.1 was added, so it follows 1.0.
        DateOnly start, end;
        await using (var db = app.Db(app.A.Id))
        {
            await db.Apprenticeships.Where(a => a.EnrolmentId == app.A.EnrolmentId).ExecuteUpdateAsync(a => a.SetProperty(x => x.StandardVersion, "1.0"));
            start = (await db.Apprenticeships.SingleAsync(a => a.EnrolmentId == app.A.EnrolmentId)).StartDate;
            end = (await db.Enrolments.SingleAsync(e => e.Id == app.A.EnrolmentId)).PlannedEndDate!.Value;
        }

        using var admin = await app.SignedInAsync(app.A.Admin);
        var coverage = $"/Tracking/Enrolments/{app.A.EnrolmentId}/Ksbs";
        Assert.DoesNotContain("How customer records are kept accurate and secure.", await admin.GetStringAsync(coverage), StringComparison.Ordinal);
        var form = $"/Admin/Enrolments/{app.A.EnrolmentId}/Apprenticeship";
        var versions = new HtmlParser().ParseDocument(await admin.GetStringAsync(form)).QuerySelectorAll("#Input_StandardVersion option");
        Assert.Equal(["Version 1.1 (newest)", "Version 1.0 (followed now)"], versions.Select(o => o.TextContent));
        Assert.True(versions[1].HasAttribute("selected"));

        Dictionary<string, string> Terms(string version) => new()
        {
            ["Input.Programme"] = "Standard", ["Input.ProgrammeCode"] = "SAMPLE-CS3", ["Input.ProgrammeTitle"] = "Sample customer service standard",
            ["Input.StartDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.PlannedEndDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.ContractedHoursPerWeek"] = "37.5", ["Input.PlannedOffTheJobHours"] = "280", ["Input.EmployerId"] = app.A.EmployerId.ToString(), ["Input.StandardVersion"] = version,
        };

        // A version the catalogue does not hold is refused at the field; saving the details as they are keeps 1.0.
        var refused = new HtmlParser().ParseDocument(await (await admin.PostFormAsync(form, Terms("2.0"))).Content.ReadAsStringAsync());
        var link = refused.QuerySelectorAll(".govuk-error-summary a").Single();
        Assert.Equal("Choose a version of SAMPLE-CS3 the catalogue holds: 1.1, 1.0", link.TextContent);
        Assert.Equal("Input.StandardVersion", refused.GetElementById(link.GetAttribute("href")![1..])!.GetAttribute("name"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(form, Terms("1.0"))).StatusCode);
        Assert.Contains("Standard SAMPLE-CS3 Sample customer service standard version 1.0", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Candidates/{app.A.CandidateId}")), StringComparison.Ordinal);

        // Moved to 1.1 with the employer's agreement, the apprentice's KSBs are 1.1's.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(form, Terms("1.1"))).StatusCode);
        Assert.Contains("How customer records are kept accurate and secure.", await admin.GetStringAsync(coverage), StringComparison.Ordinal);
        Assert.Contains("Standard SAMPLE-CS3 Sample customer service standard version 1.1", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Candidates/{app.A.CandidateId}")), StringComparison.Ordinal);
    }
}
