using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 14, item 6: the embedded default's demo centre starts with learners at every stage, so a newcomer's first look
/// at each role's pages shows what that role does; all of it written through the domain and signed, so the ledger verifies.
/// Issue 17: its two apprentices show a standard and a framework, KSBs, hours, reviews and a gateway in progress.
/// </summary>
public class DemoTests
{
    [Fact]
    public async Task The_demo_centre_shows_each_role_at_work_and_its_ledger_verifies()
    {
        using var app = new AttestFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Demo:Seed"] = "true" });
        async Task<string> PageAsync(string email, string path)
        {
            using var client = await app.SignedInAsync(email, DemoOptions.Password);
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        var caseload = await PageAsync("assessor@demo.attest.test", "/Assessor");
        Assert.Contains("Awaiting your decision", caseload, StringComparison.Ordinal); // Tom's second problem log
        Assert.Contains("Maya Clarke", caseload, StringComparison.Ordinal);
        // Maya's first review was held before its twelve weeks were up; Tom, three months in, has had none.
        Assert.Contains("1 of your apprentices has a progress review overdue.", caseload, StringComparison.Ordinal);
        var overdue = await PageAsync("assessor@demo.attest.test", "/Assessor?review=overdue");
        Assert.Contains("Tom Reid", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Maya Clarke", overdue, StringComparison.Ordinal);

        var maya = await PageAsync("candidate3@demo.attest.test", "/Candidate");
        Assert.Contains("21 of 21 criteria met · signed off", maya, StringComparison.Ordinal);
        Assert.Contains("1 claimed for certification", maya, StringComparison.Ordinal);
        Assert.Contains("On track", maya, StringComparison.Ordinal);

        var iqa = await PageAsync("iqa@demo.attest.test", "/Iqa");
        Assert.Contains("Tom Reid", iqa, StringComparison.Ordinal); // his C3 in progress, for interim sampling

        var claims = await PageAsync("admin@demo.attest.test", "/Admin/Claims");
        Assert.Contains("Maya Clarke (ULN 1234567802)", claims, StringComparison.Ordinal);
        Assert.Contains("1 apprentice has a progress review overdue", await PageAsync("admin@demo.attest.test", "/Admin/Dashboard"), StringComparison.Ordinal);

        var eqa = await PageAsync("eqa@demo.attest.test", "/Eqa");
        Assert.Contains("OCR EV 2026/12", eqa, StringComparison.Ordinal);
        Assert.Contains("1 portfolio", eqa, StringComparison.Ordinal);

        var apprentices = await PageAsync("linemanager@demo.attest.test", "/Employer");
        Assert.Contains("Harbour View Hotel", apprentices, StringComparison.Ordinal);
        Assert.Contains("Maya Clarke", apprentices, StringComparison.Ordinal);
        Assert.Contains("Tom Reid", apprentices, StringComparison.Ordinal);

        // Maya is on the sample standard: every gateway item shows where she stands, for her assessor and her line manager alike.
        Guid mayas, toms;
        await using (var db = new AttestDbContext(app.Services.GetRequiredService<DbContextOptions<AttestDbContext>>(), NoCentre.Instance))
        {
            Guid EnrolmentOf(string uln) => db.Enrolments.IgnoreQueryFilters().Where(e => db.Candidates.IgnoreQueryFilters().Any(c => c.Id == e.CandidateId && c.Uln == uln)).Select(e => e.Id).Single();
            (mayas, toms) = (EnrolmentOf("1234567802"), EnrolmentOf("1234567810"));
        }

        foreach (var (email, path) in new[] { ("assessor@demo.attest.test", $"/Gateway/{mayas}"), ("linemanager@demo.attest.test", $"/Employer/Apprentices/{mayas}/Gateway") })
        {
            var gateway = await PageAsync(email, path);
            Assert.Contains("1 of 5 items met.", gateway, StringComparison.Ordinal); // English and maths
            Assert.Contains("Qualification 03456 is not achieved yet.", gateway, StringComparison.Ordinal); // C3 is claimed, not the diploma
            Assert.Contains("12 of 16 KSBs are covered; not yet K1, K4, S5, B3.", gateway, StringComparison.Ordinal);
            Assert.Contains("73.5 of the 280 planned off-the-job hours are verified; 206.5 to go.", gateway, StringComparison.Ordinal);
            Assert.Contains("Achieved at level 2 on 22 August 2019: GCSE Mathematics grade 4 certificate, seen at enrolment", gateway, StringComparison.Ordinal);
            Assert.Contains("The employer has not agreed yet.", gateway, StringComparison.Ordinal);
            Assert.Equal(2, gateway.Split("Not yet signed").Length - 1);
        }

        var ksbs = await PageAsync("linemanager@demo.attest.test", $"/Employer/Apprentices/{mayas}/Ksbs");
        Assert.Contains("12 of 16 KSBs covered", ksbs, StringComparison.Ordinal);
        Assert.Contains("Progress review held on", ksbs, StringComparison.Ordinal); // mapped to B4, beside her evidence and activities

        var mayasLog = await PageAsync("candidate3@demo.attest.test", "/Candidate/OffTheJob");
        Assert.Contains("Green: on track", mayasLog, StringComparison.Ordinal);
        Assert.Contains("KSBs: K6", mayasLog, StringComparison.Ordinal);
        Assert.Equal(2, mayasLog.Split("Waiting to be verified").Length - 1);
        Assert.Contains("Signed by all three", await PageAsync("candidate3@demo.attest.test", "/Candidate/Reviews"), StringComparison.Ordinal);

        // Tom is on a framework: no KSBs and no gateway, and his hours are behind.
        Assert.Contains("FR-EXAMPLE is a framework: frameworks have no gateway", await PageAsync("assessor@demo.attest.test", $"/Gateway/{toms}"), StringComparison.Ordinal);
        Assert.Contains("Red: more than 4 weeks behind", await PageAsync("linemanager@demo.attest.test", $"/Employer/Apprentices/{toms}/OffTheJob"), StringComparison.Ordinal);

        var (exit, output) = await app.CliAsync("ledger", "verify");
        Assert.True(exit == 0, output);
    }
}
