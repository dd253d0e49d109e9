using System.Net;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Tests.Data;
using Attest.Tests.Scanning;
using Attest.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>With clamd configured, uploads wait for their scan and EICAR never becomes downloadable (security.md tests 5-6).</summary>
public class VirusScanJourneyTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Uploads_wait_for_their_scan_and_the_EICAR_file_is_never_served_or_exported(DatabaseProvider provider)
    {
        var clamd = TestClamd.Scanner(TestClamd.Variable); // skips (locally) or fails (CI) without clamd
        var address = Environment.GetEnvironmentVariable(TestClamd.Variable)!;
        using var app = await new AttestFactory(provider, new Dictionary<string, string>
        {
            ["Scanning:ClamdHost"] = address[..address.LastIndexOf(':')],
            ["Scanning:ClamdPort"] = address[(address.LastIndexOf(':') + 1)..],
            ["Scanning:PollSeconds"] = "3600", // the test drives the worker itself
        }).SeedAsync();
        Assert.True(clamd.Enabled);
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var virus = await EvidenceTests.PostRawFileAsync(candidate, "notes.txt", TestClamd.Eicar, "Notes");
        var clean = await EvidenceTests.PostRawFileAsync(candidate, "letter.pdf", "%PDF-1.4 a letter to Customer A"u8.ToArray(), "Letter");
        var virusId = virus.Headers.Location!.OriginalString.Split('/')[^1];
        var cleanId = clean.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Contains("Waiting for virus scan", await candidate.GetStringAsync(virus.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await candidate.GetAsync($"/Evidence/{virusId}/Download")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await candidate.GetAsync($"/Evidence/{cleanId}/Download")).StatusCode);

        Assert.Equal(2, await app.Services.GetRequiredService<VirusScanWorker>().ScanPendingAsync(default));

        await using (var db = app.Db(app.A.Id))
        {
            var virusItem = await db.EvidenceItems.SingleAsync(i => i.Id == Guid.Parse(virusId));
            Assert.Equal(ScanStatus.Infected, virusItem.Scan);
            Assert.Contains("EICAR", virusItem.ScanDetail, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(ScanStatus.Clean, (await db.EvidenceItems.SingleAsync(i => i.Id == Guid.Parse(cleanId))).Scan);
        }

        var assessor = await app.SignedInAsync(app.A.Assessor);
        var refused = await assessor.GetAsync($"/Evidence/{virusId}/Download");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.DoesNotContain("EICAR-STANDARD", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("%PDF-1.4 a letter to Customer A", await assessor.GetStringAsync($"/Evidence/{cleanId}/Download"));
        Assert.Contains("Virus found", await assessor.GetStringAsync($"/Evidence/{virusId}"), StringComparison.Ordinal);

        var export = await assessor.GetByteArrayAsync($"/Portfolio/{app.A.EnrolmentId}/Export");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(export));
        Assert.Null(zip.GetEntry("evidence/E002.txt")); // the EICAR file
        Assert.Contains(zip.Entries, e => e.FullName == "evidence/E003.pdf");
    }
}
