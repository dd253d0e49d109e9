using System.IO.Compression;
using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;

namespace Attest.Tests.Features;

/// <summary>The portfolio as seed 004 lists its contents, and its export for EQA.</summary>
public class PortfolioTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_portfolio_has_the_seeds_sections_and_an_evidence_log_built_from_the_mappings(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await MapEvidenceAsync(app);
        var page = await candidate.GetStringAsync($"/Portfolio/{app.A.EnrolmentId}");
        foreach (var text in new[] { "Introduction", "scheme code 03456", "Staff assessing and verifying", "Assessor: ", "Summary of achievements", "Evidence log", "Index of evidence", "Lunchtime rush", "E001</a> pages 2-3" })
        {
            Assert.Contains(text, page, StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_of_a_sample_opens_with_standard_tools_and_its_index_maps_every_criterion_to_evidence(DatabaseProvider provider)
    {
        ExternalTool.Require("unzip", "unzip");
        using var app = await new AttestFactory(provider).SeedAsync();
        var zipPath = await ExportC3SampleAsync(app);

        var (exit, output) = await ExternalTool.RunAsync("unzip", "-t", zipPath);
        Assert.True(exit == 0, output);
        Assert.Contains("No errors detected", output, StringComparison.Ordinal);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["evidence/E001.pdf", "evidence/E002.txt", "index.html", "index.pdf"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using (var reader = new StreamReader(zip.GetEntry("evidence/E002.txt")!.Open()))
        {
            Assert.Contains("Customer A arrived during the lunchtime rush", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        string index;
        using (var reader = new StreamReader(zip.GetEntry("index.html")!.Open()))
        {
            index = await reader.ReadToEndAsync();
        }

        Assert.Contains("Sample of units: C3", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"evidence/E001.pdf\">E001</a> pages 2-3", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"evidence/E002.txt\">E002</a>", index, StringComparison.Ordinal);
        Assert.DoesNotContain("E002</a> page", index, StringComparison.Ordinal); // a written account is read whole
        var c3 = ShippedCatalogue.Diploma03456.FindUnit("C3")!;
        Assert.All(c3.Criteria, c => Assert.Contains($"id=\"C3-{c.Ref}\"", index, StringComparison.Ordinal));
        Assert.DoesNotContain("Other candidate", index, StringComparison.Ordinal);
        Assert.DoesNotContain("F3 ", index, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_exports_PDF_index_names_the_candidate_and_where_each_criterion_is_shown(DatabaseProvider provider)
    {
        ExternalTool.Require("pdftotext", "poppler-utils");
        using var app = await new AttestFactory(provider).SeedAsync();
        var zipPath = await ExportC3SampleAsync(app);
        using var zip = ZipFile.OpenRead(zipPath);
        var pdfPath = Path.Combine(app.DataFolder, "index.pdf");
        zip.GetEntry("index.pdf")!.ExtractToFile(pdfPath);
        var pdfText = await ExternalTool.PdfTextAsync(pdfPath);
        Assert.Contains("E001 pages 2-3", pdfText, StringComparison.Ordinal);
        Assert.Contains("Portfolio of Cara Centrea", pdfText, StringComparison.Ordinal);
    }

    /// <summary>The assessor's export of unit C3 for candidate A, with another candidate's evidence in the same centre.</summary>
    private static async Task<string> ExportC3SampleAsync(AttestFactory app)
    {
        await MapEvidenceAsync(app);
        var other = await app.SignedInAsync(app.A.OtherCandidate);
        await EvidenceTests.PostRawFileAsync(other, "others.pdf", "%PDF-1.4 someone else's work"u8.ToArray(), "Other candidate's guide");

        var assessor = await app.SignedInAsync(app.A.Assessor);
        var response = await assessor.GetAsync($"/Portfolio/{app.A.EnrolmentId}/Export?units=C3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var zipPath = Path.Combine(app.DataFolder, "export.zip");
        await File.WriteAllBytesAsync(zipPath, await response.Content.ReadAsByteArrayAsync());
        return zipPath;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sample_naming_a_unit_the_candidate_is_not_on_is_refused_with_the_unit_named(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var response = await assessor.GetAsync($"/Portfolio/{app.A.EnrolmentId}/Export?units=C3&units=Z99");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not enrolled on: Z99", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> MapEvidenceAsync(AttestFactory app)
    {
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var target = $"{app.A.EnrolmentId:N}|C3";
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/Candidate/Evidence/{app.A.EvidenceId}", new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = target + "|1.1", ["Input.Criteria[0].Locator"] = "pp 2-3" })).StatusCode);
        var account = await candidate.PostFormAsync("/Candidate/Evidence/Add?kind=ReflectiveAccount", new()
        {
            ["Input.Title"] = "Lunchtime rush",
            ["Input.Body"] = "Customer A arrived during the lunchtime rush; I apologised for the wait and checked the booking.",
            ["Input.Context"] = "RealWork",
        });
        var url = account.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(url, new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = target + "|1.2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(url, new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = $"{app.A.EnrolmentId:N}|F3|1.1" })).StatusCode);
        return candidate;
    }
}
