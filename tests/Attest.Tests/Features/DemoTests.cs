using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Web.Infrastructure;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 14, item 6: the embedded default's demo centre starts with learners at every stage, so a newcomer's first look
/// at each role's pages shows what that role does; all of it written through the domain and signed, so the ledger verifies.
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

        var maya = await PageAsync("candidate3@demo.attest.test", "/Candidate");
        Assert.Contains("21 of 21 criteria met · signed off", maya, StringComparison.Ordinal);
        Assert.Contains("1 claimed for certification", maya, StringComparison.Ordinal);
        Assert.Contains("On track", maya, StringComparison.Ordinal);

        var iqa = await PageAsync("iqa@demo.attest.test", "/Iqa");
        Assert.Contains("Tom Reid", iqa, StringComparison.Ordinal); // his C3 in progress, for interim sampling

        var claims = await PageAsync("admin@demo.attest.test", "/Admin/Claims");
        Assert.Contains("Maya Clarke (ULN 1234567802)", claims, StringComparison.Ordinal);

        var eqa = await PageAsync("eqa@demo.attest.test", "/Eqa");
        Assert.Contains("OCR EV 2026/12", eqa, StringComparison.Ordinal);
        Assert.Contains("1 portfolio", eqa, StringComparison.Ordinal);

        var apprentices = await PageAsync("linemanager@demo.attest.test", "/Employer");
        Assert.Contains("Harbour View Hotel", apprentices, StringComparison.Ordinal);
        Assert.Contains("Maya Clarke", apprentices, StringComparison.Ordinal);
        Assert.Contains("Tom Reid", apprentices, StringComparison.Ordinal);

        var (exit, output) = await app.CliAsync("ledger", "verify");
        Assert.True(exit == 0, output);
    }
}
