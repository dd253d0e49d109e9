using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 17 item 5: an apprentice's gateway, the standard's checklist with each item explained and its shortfall named,
/// English and maths recorded, the declaration signed by the line manager and then the provider (each once, the provider
/// only when every other item is met), and the pack for the end-point assessment organisation once both have signed.
/// </summary>
public class GatewayTests
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today(AttestFactory app) => Core.UkTime.DateOf(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>Makes the enrolment an apprenticeship on the standard, started half a year ago with the seeded employer.</summary>
    private static async Task ApprenticeshipOnAsync(AttestFactory app, HttpClient admin, Guid enrolmentId, string standard)
    {
        var today = Today(app);
        var made = await admin.PostFormAsync($"/Admin/Enrolments/{enrolmentId}/Apprenticeship", new()
        {
            ["Input.Programme"] = "Standard", ["Input.ProgrammeCode"] = standard, ["Input.ProgrammeTitle"] = "Customer service", ["Input.StartDate"] = Iso(today.AddDays(-182)),
            ["Input.PlannedEndDate"] = Iso(today.AddDays(182)), ["Input.ContractedHoursPerWeek"] = "37.5", ["Input.PlannedOffTheJobHours"] = "280", ["Input.EmployerId"] = app.A.EmployerId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
    }

    /// <summary>
    /// The shipped catalogue and TEST-GW: the sample standard (its 16 KSBs and its checklist) with the Cambridge Technical as
    /// its mandatory qualification, a full award the tests can reach in one unit, so every item can be met.
    /// </summary>
    private static CatalogueCopy CatalogueWithTestStandard() => new CatalogueCopy().WithStandard("TEST-GW", yaml => CatalogueCopy.WithQualification(yaml, "CTL2-CS"));

    /// <summary>The checklist item of <paramref name="kind"/> as the gateway page shows it.</summary>
    private static string ItemOf(string page, string kind)
    {
        var from = page.IndexOf($"id=\"item-{kind}\"", StringComparison.Ordinal);
        return page[from..page.IndexOf("</li>", from, StringComparison.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_item_names_its_shortfall_until_met_the_provider_signs_last_each_party_once_and_the_pack_goes_out_once_signed(DatabaseProvider provider)
    {
        using var catalogue = CatalogueWithTestStandard();
        using var app = await new AttestFactory(provider, new Dictionary<string, string> { ["Catalogue:Folder"] = catalogue.Path }).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        await ApprenticeshipOnAsync(app, admin, app.A.GradedEnrolmentId, "TEST-GW");
        var page = $"/Gateway/{app.A.GradedEnrolmentId}";
        var employerPage = $"/Employer/Apprentices/{app.A.GradedEnrolmentId}/Gateway";
        using var assessor = await app.SignedInAsync(app.A.Assessor);

        var start = WebUtility.HtmlDecode(await assessor.GetStringAsync(page));
        Assert.Contains("Not ready yet", start, StringComparison.Ordinal);
        Assert.Contains("Qualification CTL2-CS is not achieved yet.", start, StringComparison.Ordinal);
        Assert.Contains("0 of the 280 planned off-the-job hours are verified; 280 to go.", start, StringComparison.Ordinal);
        Assert.Contains("English and maths at level 2 are not met yet: English: nothing recorded yet; Maths: nothing recorded yet.", start, StringComparison.Ordinal);
        Assert.Contains("The employer has not agreed yet.", start, StringComparison.Ordinal);
        // Each item explained in the standard's words.
        Assert.Contains("The apprentice must have completed the off-the-job training hours planned for them, verified in their hours log.", start, StringComparison.Ordinal);

        // The provider signs last: refused with the items still missing, nothing kept; no pack before both have signed.
        var early = WebUtility.HtmlDecode(await (await assessor.PostFormAsync(page + "?handler=Sign", new(), tokenFrom: page)).Content.ReadAsStringAsync());
        Assert.Contains("The training provider signs last, once every other item is met. Not met yet: Mandatory qualification achieved; Every knowledge, skill and behaviour evidenced; Off-the-job training hours met; English and maths at level 2; Employer agrees the apprentice is ready.", early, StringComparison.Ordinal);
        var noPack = await admin.GetAsync(page + "?handler=Export");
        Assert.Equal("text/html", noPack.Content.Headers.ContentType!.MediaType);
        Assert.Contains("once the employer and the training provider have both signed", WebUtility.HtmlDecode(await noPack.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // English and maths: a bad record refused on its fields; then English achieved and maths exempt.
        var bad = WebUtility.HtmlDecode(await (await assessor.PostFormAsync(page + "?handler=EnglishAndMaths", new() { ["Input.Subject"] = "English", ["Input.Outcome"] = "Achieved", ["Input.Level"] = "3" }, tokenFrom: page)).Content.ReadAsStringAsync());
        Assert.Contains("Enter the level achieved: 1 or 2", bad, StringComparison.Ordinal);
        Assert.Contains("Enter the date it was achieved", bad, StringComparison.Ordinal);
        Assert.Contains("Say what shows the achievement", bad, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync(page + "?handler=EnglishAndMaths", new()
        {
            ["Input.Subject"] = "English", ["Input.Outcome"] = "Achieved", ["Input.Level"] = "2", ["Input.AchievedOn"] = "2024-08-22", ["Input.Evidence"] = "GCSE English Language grade 5 certificate, seen",
        }, tokenFrom: page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page + "?handler=EnglishAndMaths", new()
        {
            ["Input.Subject"] = "Maths", ["Input.Outcome"] = "Exempt", ["Input.ExemptionReason"] = "Holds A level maths (level 3)",
        }, tokenFrom: page)).StatusCode);

        // The line manager agrees, once.
        using var lineManager = await app.SignedInAsync(app.A.Employer);
        Assert.Contains("English and maths at level 2", await lineManager.GetStringAsync(employerPage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await lineManager.PostFormAsync(employerPage + "?handler=Sign", new(), tokenFrom: employerPage)).StatusCode);
        // Signed already (a second tab, or two at once), the button is gone: the refusal is the page's, with no link to it.
        var twice = new HtmlParser().ParseDocument(await (await lineManager.PostFormAsync(employerPage + "?handler=Sign", new(), tokenFrom: employerPage)).Content.ReadAsStringAsync());
        Assert.Contains("already signed for the employer by linemanager A", twice.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(twice.QuerySelectorAll(".govuk-error-summary a"));

        // Signed for TEST-GW version 1.0, the apprenticeship keeps it: its page offers no other version, and a new reference is refused.
        var terms = new HtmlParser().ParseDocument(await admin.GetStringAsync($"/Admin/Enrolments/{app.A.GradedEnrolmentId}/Apprenticeship"));
        Assert.Null(terms.GetElementById("Input_StandardVersion"));
        Assert.StartsWith("The apprentice follows version 1.0 of TEST-GW, as the gateway declaration was signed for", terms.GetElementById("standard-version")!.TextContent, StringComparison.Ordinal);
        var recoded = await admin.PostFormAsync($"/Admin/Enrolments/{app.A.GradedEnrolmentId}/Apprenticeship", new()
        {
            ["Input.Programme"] = "Standard", ["Input.ProgrammeCode"] = "SAMPLE-CS3", ["Input.ProgrammeTitle"] = "Customer service", ["Input.StartDate"] = Iso(Today(app).AddDays(-182)),
            ["Input.PlannedEndDate"] = Iso(Today(app).AddDays(182)), ["Input.ContractedHoursPerWeek"] = "37.5", ["Input.PlannedOffTheJobHours"] = "280", ["Input.EmployerId"] = app.A.EmployerId.ToString(),
        });
        Assert.Contains("The gateway declaration is signed for TEST-GW version 1.0: the apprentice stays on it for the end-point assessment",
            WebUtility.HtmlDecode(await recoded.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Off-the-job hours: 280 hours logged by the apprentice and verified by the assessor.
        var today = Today(app);
        using var apprentice = await app.SignedInAsync(app.A.OtherCandidate);
        for (var day = 1; day <= 14; day++)
        {
            var logged = await apprentice.PostFormAsync("/Candidate/OffTheJob", new()
            {
                ["Input.Date"] = Iso(today.AddDays(-day)), ["Input.Duration"] = "20", ["Input.ActivityType"] = "teaching", ["Input.WhatWasLearnt"] = "Handling complaints on the phone.",
            });
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        }

        List<Guid> activities;
        await using (var db = app.Db(app.A.Id))
        {
            activities = await db.OffTheJobActivities.Where(a => a.EnrolmentId == app.A.GradedEnrolmentId).Select(a => a.Id).ToListAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"/Assessor/Enrolments/{app.A.GradedEnrolmentId}/OffTheJob", activities.Select(id => KeyValuePair.Create("Ticked", id.ToString())))).StatusCode);

        // The mandatory qualification: unit 7 signed off and the full award claimed.
        await GradedUnitTests.SignOffWithDistinctionAsync(app);
        await using (var db = app.Db(app.A.Id))
        {
            (await db.Candidates.SingleAsync(c => c.Id == app.A.OtherCandidateId)).Uln = "1000000004"; // seeded with the temporary ULN, on which nothing is claimed
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Claims/{app.A.GradedEnrolmentId}", [new("Input.Scope", "Qualification"), new("Input.Confirmed", "true")])).StatusCode);

        // Every item met but the KSBs: the page says which are still to be shown.
        var ksbsToGo = WebUtility.HtmlDecode(await assessor.GetStringAsync(page));
        Assert.Contains("4 of 5 items met.", ksbsToGo, StringComparison.Ordinal);
        Assert.Contains("0 of 16 KSBs are covered; not yet K1, K2, K3, K4, K5, K6, S1, S2, S3, S4, S5, S6, B1, B2, B3, B4.", ItemOf(ksbsToGo, "KsbCoverage"), StringComparison.Ordinal);

        // Otto maps, on each item's page, the guide he handed in for unit 7 to the knowledge and skills, and a note of his
        // customers' thanks to the behaviours.
        byte[] thanks = [.. "%PDF-1.4 thank-you cards from customers"u8];
        Assert.Equal(HttpStatusCode.Redirect, (await JourneyTests.PostFileAsync(apprentice, "/Candidate/Evidence/Add?kind=UploadedFile", "thanks.pdf", thanks, ("Input.Title", "Thank-you cards from customers"))).StatusCode);
        Dictionary<string, Core.Portfolios.EvidenceItem> items;
        await using (var db = app.Db(app.A.Id))
        {
            items = await db.EvidenceItems.Where(i => i.CandidateId == app.A.OtherCandidateId).ToDictionaryAsync(i => i.Reference);
        }

        Assert.Equal(["E001", "E002"], items.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Information guide and review", items["E001"].Title);
        Assert.Equal(HttpStatusCode.Redirect, (await KsbMappingTests.MapEvidenceAsync(apprentice, $"/Candidate/Evidence/{items["E001"].Id}", app.A.GradedEnrolmentId,
            "K1", "K2", "K3", "K4", "K5", "K6", "S1", "S2", "S3", "S4", "S5", "S6")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await KsbMappingTests.MapEvidenceAsync(apprentice, $"/Candidate/Evidence/{items["E002"].Id}", app.A.GradedEnrolmentId, "B1", "B2", "B3", "B4")).StatusCode);

        var ready = WebUtility.HtmlDecode(await assessor.GetStringAsync(page));
        Assert.Contains("Ready for gateway", ready, StringComparison.Ordinal);
        Assert.Contains("govuk-tag--green\">Met", ItemOf(ready, "KsbCoverage"), StringComparison.Ordinal);
        Assert.DoesNotContain("Still missing", ready, StringComparison.Ordinal);

        // The apprentice reads their gateway but neither signs for the provider nor sends the pack.
        Assert.Contains("Ready for gateway", await apprentice.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await apprentice.PostFormAsync(page + "?handler=Sign", new(), tokenFrom: page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await apprentice.GetAsync(page + "?handler=Export")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync(page + "?handler=Sign", new(), tokenFrom: page)).StatusCode);
        var again = WebUtility.HtmlDecode(await (await admin.PostFormAsync(page + "?handler=Sign", new(), tokenFrom: page)).Content.ReadAsStringAsync());
        Assert.Contains("already signed for the training provider by assessor A", again, StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal([GatewayParty.Employer, GatewayParty.Provider], (await db.GatewaySignatures.Select(s => s.Party).ToListAsync()).Order());
            Assert.Equal(2, await db.EnglishAndMathsRecords.CountAsync());
            Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.Kind == GatewaySignature.Kind));
            Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.Kind == EnglishAndMathsRecord.Kind));
            Assert.Equal(16, await db.LedgerEntries.CountAsync(e => e.Kind == RecordKsbMapping.Kind));
        }

        var pack = await admin.GetAsync(page + "?handler=Export");
        Assert.Equal("application/zip", pack.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await pack.Content.ReadAsStreamAsync());
        Assert.Equal(["evidence/E001.pdf", "evidence/E002.pdf", "index.html", "off-the-job.csv"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        // Each mapped file as the apprentice uploaded it: the same bytes, whose SHA-256 is the one recorded at upload.
        foreach (var (entry, item, content) in new[] { ("evidence/E001.pdf", items["E001"], "%PDF-1.4 guide and review"u8.ToArray()), ("evidence/E002.pdf", items["E002"], thanks) })
        {
            using var file = new MemoryStream();
            await using (var stream = zip.GetEntry(entry)!.Open())
            {
                await stream.CopyToAsync(file);
            }

            Assert.Equal(content, file.ToArray());
            Assert.Equal(item.Sha256, Convert.ToHexStringLower(SHA256.HashData(file.ToArray())), ignoreCase: true);
        }

        using var indexReader = new StreamReader(zip.GetEntry("index.html")!.Open());
        var index = WebUtility.HtmlDecode(await indexReader.ReadToEndAsync());
        Assert.Contains("Gateway to end-point assessment: Otto Centrea", index, StringComparison.Ordinal);
        Assert.Contains("TEST-GW Sample customer service standard (not an IfATE standard)", index, StringComparison.Ordinal);
        Assert.Contains("<td>Off-the-job training hours met</td><td>The apprentice must have completed", index, StringComparison.Ordinal);
        Assert.DoesNotContain("Not met:", index, StringComparison.Ordinal);
        Assert.Contains("<td>employer</td>", index, StringComparison.Ordinal);
        Assert.Contains("<td>training provider</td>", index, StringComparison.Ordinal);
        Assert.Contains("assessor A,", index, StringComparison.Ordinal);
        Assert.Contains("Achieved at level 2 on 22 August 2024: GCSE English Language grade 5 certificate, seen", index, StringComparison.Ordinal);
        Assert.Contains("Exempt: Holds A level maths (level 3)", index, StringComparison.Ordinal);
        Assert.Contains("<th>PHours</th><th>OTJActHours</th>", index, StringComparison.Ordinal);
        Assert.Contains("<td>280</td><td>280</td>", index, StringComparison.Ordinal);
        // The coverage KSB by KSB, each linked to its file in the pack.
        Assert.Contains("16 of 16 covered.", index, StringComparison.Ordinal);
        Assert.Contains("<td>K1 Who the organisation's customers are, internal and external, and how their needs and expectations differ.</td><td><a href=\"evidence/E001.pdf\">E001</a> Information guide and review</td>", index, StringComparison.Ordinal);
        Assert.Contains("<td>B4 Seeks feedback on own performance and acts on it.</td><td><a href=\"evidence/E002.pdf\">E002</a> Thank-you cards from customers</td>", index, StringComparison.Ordinal);
        Assert.DoesNotContain("Not covered", index, StringComparison.Ordinal);
        using var csvReader = new StreamReader(zip.GetEntry("off-the-job.csv")!.Open());
        Assert.StartsWith("LearnRefNumber,ULN,Apprenticeship,LearnStartDate,LearnPlanEndDate,PHours,OTJActHours", await csvReader.ReadToEndAsync(), StringComparison.Ordinal);

        var (exit, output) = await app.CliAsync("ledger", "verify", "--centre", "20001");
        Assert.True(exit == 0, output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sample_standard_names_the_KSBs_not_covered_meets_the_item_once_all_are_and_only_the_apprentices_people_reach_the_gateway(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using (var admin = await app.SignedInAsync(app.A.Admin))
        {
            await ApprenticeshipOnAsync(app, admin, app.A.EnrolmentId, "SAMPLE-CS3");
        }

        var page = $"/Gateway/{app.A.EnrolmentId}";
        var employerPage = $"/Employer/Apprentices/{app.A.EnrolmentId}/Gateway";
        foreach (var user in new[] { app.A.Admin, app.A.Iqa, app.A.Assessor, app.A.Candidate })
        {
            using var client = await app.SignedInAsync(user);
            var seen = WebUtility.HtmlDecode(await client.GetStringAsync(page));
            Assert.Contains("0 of 16 KSBs are covered; not yet K1, K2, K3, K4, K5, K6, S1, S2, S3, S4, S5, S6, B1, B2, B3, B4.", seen, StringComparison.Ordinal);
            Assert.Contains("Each knowledge, skill and behaviour of the standard must be shown by at least one piece of evidence", seen, StringComparison.Ordinal);
        }

        using var lineManager = await app.SignedInAsync(app.A.Employer);
        Assert.Contains("0 of 16 KSBs are covered", WebUtility.HtmlDecode(await lineManager.GetStringAsync(employerPage)), StringComparison.Ordinal);

        // Cara maps her evidence to every KSB of the standard, on its page: the item is met, its shortfall gone, for staff and the line manager alike.
        using (var candidate = await app.SignedInAsync(app.A.Candidate))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await KsbMappingTests.MapEvidenceAsync(candidate, $"/Candidate/Evidence/{app.A.EvidenceId}", app.A.EnrolmentId,
                "K1", "K2", "K3", "K4", "K5", "K6", "S1", "S2", "S3", "S4", "S5", "S6", "B1", "B2", "B3", "B4")).StatusCode);
        }

        using (var assessor = await app.SignedInAsync(app.A.Assessor))
        {
            foreach (var html in new[] { await assessor.GetStringAsync(page), await lineManager.GetStringAsync(employerPage) })
            {
                var seen = WebUtility.HtmlDecode(html);
                var ksbs = ItemOf(seen, "KsbCoverage");
                Assert.Contains("govuk-tag--green\">Met", ksbs, StringComparison.Ordinal);
                Assert.DoesNotContain("Still missing", ksbs, StringComparison.Ordinal);
                Assert.DoesNotContain("KSBs are covered", seen, StringComparison.Ordinal);
                // The other four items still wait: 03456 is not achieved, no hours, no English and maths, no agreement.
                Assert.Contains("1 of 5 items met.", seen, StringComparison.Ordinal);
            }
        }

        // A standard the catalogue does not hold has no checklist, and says why; nothing can be signed.
        using var otherAdmin = await app.SignedInAsync(app.B.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await otherAdmin.PostFormAsync($"/Admin/Enrolments/{app.B.EnrolmentId}/Apprenticeship", new()
        {
            ["Input.Programme"] = "Standard", ["Input.ProgrammeCode"] = "ST0229", ["Input.ProgrammeTitle"] = "Hospitality team member",
            ["Input.StartDate"] = Today(app).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.PlannedEndDate"] = Today(app).AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.ContractedHoursPerWeek"] = "37.5", ["Input.PlannedOffTheJobHours"] = "300", ["Input.EmployerId"] = app.B.EmployerId.ToString(),
        })).StatusCode);
        var notHeld = WebUtility.HtmlDecode(await otherAdmin.GetStringAsync($"/Gateway/{app.B.EnrolmentId}"));
        Assert.Contains("The standard ST0229 is not in the catalogue", notHeld, StringComparison.Ordinal);
        // What to do is said in the product's terms: people using Attest never see its repository's docs.
        Assert.Contains("apprenticeship standards listed on the Qualifications page", notHeld, StringComparison.Ordinal);
        Assert.DoesNotContain("docs/", notHeld, StringComparison.Ordinal);

        // Another centre's people: 404 on both pages and their handlers.
        foreach (var user in new[] { app.B.Admin, app.B.Assessor, app.B.Iqa, app.B.Candidate })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page + "?handler=Export")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostFormAsync(page + "?handler=Sign", new(), tokenFrom: $"/Gateway/{app.B.EnrolmentId}")).StatusCode);
        using var otherEmployer = await app.SignedInAsync(app.B.Employer);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEmployer.GetAsync(employerPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEmployer.PostFormAsync(employerPage + "?handler=Sign", new(), tokenFrom: "/Employer")).StatusCode);

        // Within the centre: another assessor's apprentice and another candidate's gateway are 404; another employer's line manager too.
        foreach (var user in new[] { app.A.OtherAssessor, app.A.OtherCandidate })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
        }

        var rival = await AnotherEmployersLineManagerAsync(app);
        using (var client = await app.SignedInAsync(rival))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(employerPage)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(employerPage + "?handler=Sign", new(), tokenFrom: "/Employer")).StatusCode);
        }

        // The wrong role: 403.
        foreach (var (user, url) in new[] { (app.A.Eqa, page), (app.A.Employer, page), (app.A.Admin, employerPage), (app.A.Assessor, employerPage), (app.A.Candidate, employerPage), (app.A.Iqa, employerPage) })
        {
            using var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }

        // The IQA reads but does not sign or record for the provider.
        using (var iqa = await app.SignedInAsync(app.A.Iqa))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await iqa.PostFormAsync(page + "?handler=Sign", new(), tokenFrom: page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await iqa.PostFormAsync(page + "?handler=EnglishAndMaths", new() { ["Input.Subject"] = "English" }, tokenFrom: page)).StatusCode);
        }

        await using var db = app.Db(app.A.Id);
        Assert.Equal(0, await db.GatewaySignatures.CountAsync());
        Assert.Equal(0, await db.EnglishAndMathsRecords.CountAsync());
    }

    /// <summary>A second employer of centre A with a line manager who signs in: Cara is not their apprentice.</summary>
    private static async Task<string> AnotherEmployersLineManagerAsync(AttestFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<CentreProvisioning>();
        var user = await provisioning.CreateUserWithPasswordAsync(app.A.Id, "rival@a.test", "Rita Rival", Roles.Employer, AttestFactory.Password);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var adminId = await app.UserIdAsync(app.A.Admin);
        await using var db = app.Db(app.A.Id);
        var employer = Employer.Create(app.A.Id, "Quayside Café", null, adminId, now);
        var contact = EmployerContact.Create(employer, user.DisplayName, "Café manager", user.Email, null, adminId, now);
        contact.LinkAccount(user.Id);
        db.Employers.Add(employer);
        db.EmployerContacts.Add(contact);
        await db.SaveChangesAsync();
        return "rival@a.test";
    }
}
