using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Attest.Core.Data;
using Attest.Core.Qualifications;
using Attest.Tests.Data;
using Attest.Tests.Qualifications;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// A centre imports a CASE 1.1 framework on the specifications page (issue 16, 2c): it becomes the next version through the
/// same validator as a YAML file, says what it could not map, downloads again as CASE, and a bad framework saves nothing.
/// The fixture's wording is the test's own.
/// </summary>
public class CaseImportTests
{
    private const string Page = "/Admin/Specifications";
    private const string Title = "T0001 Test Level 2 Certificate in Customer Service";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_framework_imports_as_the_next_version_and_its_CASE_download_imports_as_the_same(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);

        var imported = await ImportAsync(admin, "test-certificate.json", File.ReadAllBytes(CaseFrameworkTests.FixturePath));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal("/Admin/Specifications/T0001", imported.Headers.Location?.OriginalString);
        var versions = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Specifications/T0001"));
        Assert.Contains($"{Title} version 1 is saved, signed by you.", versions, StringComparison.Ordinal);
        Assert.Contains("From the CASE framework: 3 units, 3 learning outcomes and 4 criteria. Not mapped (1): Range Statement", versions, StringComparison.Ordinal);
        Assert.Contains("From test-certificate.json", versions, StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            var saved = await db.SpecificationVersions.SingleAsync();
            Assert.Equal(("T0001", 1, "test-certificate.json"), (saved.QualificationCode, saved.Version, saved.Origin));
            Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == SpecificationVersion.Kind && e.SubjectId == saved.Id));
        }

        // Learners and assessors read the imported criteria in the catalogue.
        var unit = WebUtility.HtmlDecode(await admin.GetStringAsync("/Catalogue/T0001/Units/U1"));
        Assert.Contains("Test wording: greet customers promptly and politely", unit, StringComparison.Ordinal);
        Assert.Contains("Test wording: explain why a first impression matters", unit, StringComparison.Ordinal);

        // Downloaded as CASE and imported again: the same content, so nothing to save.
        var download = await admin.GetAsync("/Admin/Specifications/T0001?handler=Case&version=1");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        var exported = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(exported, await admin.GetByteArrayAsync("/Admin/Specifications/T0001?handler=Case&version=1"));
        var again = await ImportAsync(admin, "T0001-version-1-case.json", exported);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"This is the same as {Title} version 1: nothing to save.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The shipped 03456 as CASE, imported where it is in force: CASE's parts are the same and the rest is kept from it.
        var shipped = await admin.GetByteArrayAsync("/Admin/Specifications/03456?handler=Case&version=0");
        var same = await ImportAsync(admin, "03456-as-shipped-case.json", shipped);
        Assert.Contains("This is the same as 03456 Level 3 NVQ Diploma in Customer Service as shipped: nothing to save.", WebUtility.HtmlDecode(await same.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A changed wording in the downloaded framework is a new version.
        var changed = JsonNode.Parse(exported)!;
        changed["CFItems"]!.AsArray().First(i => (string?)i!["fullStatement"] == "Test wording: greet customers promptly and politely")!["fullStatement"] = "Test wording, corrected: greet every customer promptly";
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(admin, "corrected.json", Encoding.UTF8.GetBytes(changed.ToJsonString()))).StatusCode);
        Assert.Contains("U1: criterion 1.1 reworded", WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Specifications/T0001")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_framework_is_refused_with_each_reason_and_nothing_is_saved(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);

        var broken = await ImportAsync(admin, "broken.json", "{\n  \"CFDocument\": {,\n}"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("The file is not valid CASE JSON at line 2, position", WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // U1 made a child of its own learning outcome, and an outcome placed under an item that is not there: both said.
        var package = JsonNode.Parse(File.ReadAllText(CaseFrameworkTests.FixturePath))!;
        var items = package["CFItems"]!.AsArray();
        var associations = package["CFAssociations"]!.AsArray();
        string IdOf(string type, string code) => items.First(i => (string?)i!["CFItemType"] == type && (string?)i["humanCodingScheme"] == code)!["identifier"]!.GetValue<string>();
        JsonNode Placing(string id) => associations.First(a => (string?)a!["originNodeURI"]!["identifier"] == id)!;
        Placing(IdOf("Unit", "U1"))["destinationNodeURI"]!["identifier"] = IdOf("Learning Outcome", "2");
        Placing(IdOf("Unit", "U3"))["destinationNodeURI"]!["identifier"] = "not-in-this-framework";
        var refused = WebUtility.HtmlDecode(await (await ImportAsync(admin, "cycle.json", Encoding.UTF8.GetBytes(package.ToJsonString()))).Content.ReadAsStringAsync());
        Assert.Contains("The isChildOf associations go round in a cycle: Unit U1", refused, StringComparison.Ordinal);
        Assert.Contains("not-in-this-framework, which is neither this CFDocument nor one of its CFItems", refused, StringComparison.Ordinal);

        // Over the limit: sent back before it is read, the reason beside the CASE form.
        var huge = await ImportAsync(admin, "huge.json", new byte[CaseFramework.MaxJsonBytes + (2 << 20)]);
        Assert.Equal(HttpStatusCode.Redirect, huge.StatusCode);
        var sentBack = WebUtility.HtmlDecode(await admin.GetStringAsync(huge.Headers.Location!.OriginalString));
        Assert.Contains("a CASE framework can be at most 10 MB", sentBack, StringComparison.Ordinal);
        Assert.Contains("id=\"Framework_File-error\"", sentBack, StringComparison.Ordinal);

        await using var db = app.Db(app.A.Id);
        Assert.False(await db.SpecificationVersions.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_centres_administrator_imports_and_downloads_its_frameworks(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(admin, "test-certificate.json", File.ReadAllBytes(CaseFrameworkTests.FixturePath))).StatusCode);
        const string Download = "/Admin/Specifications/T0001?handler=Case&version=1";
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Specifications/T0001?handler=Case&version=2")).StatusCode);

        var otherAdmin = await app.SignedInAsync(app.B.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(Download)).StatusCode);
        foreach (var user in new[] { app.A.Assessor, app.A.Iqa, app.A.Candidate })
        {
            var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Download)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(Page + "?handler=Case", new() { ["Framework.Note"] = "x" }, tokenFrom: "/Catalogue")).StatusCode);
        }

        await using var db = app.Db(app.B.Id);
        Assert.False(await db.SpecificationVersions.AnyAsync());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient admin, string name, byte[] json) =>
        JourneyTests.PostFileAsync(admin, Page + "?handler=Case", Page, "Framework.File", name, json);
}
