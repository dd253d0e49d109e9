using System.Net;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>The administrator corrects a learner's details through the page: registration's rules, a reason, a history, no other centre.</summary>
public class LearnerDetailsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_learners_own_ULN_replaces_the_temporary_one_with_a_reason_kept_in_their_history_and_claims_are_no_longer_stopped_by_it(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var edit = $"/Admin/Candidates/{app.A.OtherCandidateId}/Edit";
        var claims = $"/Admin/Claims/{app.A.GradedEnrolmentId}";
        var closed = WebUtility.HtmlDecode(await admin.GetStringAsync(claims));
        Assert.Contains("has the temporary ULN 9999999999", closed, StringComparison.Ordinal);
        Assert.Contains($"href=\"{edit}\">Record Otto Centrea's own ULN", closed, StringComparison.Ordinal); // the way to mend it, from where it stops
        Assert.Contains("value=\"9999999999\"", await admin.GetStringAsync(edit), StringComparison.Ordinal); // the form starts from the details as they are

        var saved = await admin.PostFormAsync(edit, Fields(uln: "2345678908", family: "Reid", reason: "ULN received from the Learning Records Service"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Candidates/{app.A.OtherCandidateId}"));
        Assert.Contains("Otto Reid's details are changed (Family name, ULN)", page, StringComparison.Ordinal);
        var history = page[page.IndexOf("id=\"details-history\"", StringComparison.Ordinal)..];
        Assert.Contains("admin A", history, StringComparison.Ordinal);
        Assert.Contains("9999999999", history, StringComparison.Ordinal);
        Assert.Contains("2345678908", history, StringComparison.Ordinal);
        Assert.Contains("ULN received from the Learning Records Service", history, StringComparison.Ordinal);
        Assert.DoesNotContain("temporary ULN", WebUtility.HtmlDecode(await admin.GetStringAsync(claims)), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        var otto = await db.Candidates.SingleAsync(c => c.Id == app.A.OtherCandidateId);
        Assert.Equal(("Reid", "2345678908"), (otto.FamilyName, otto.Uln));
        Assert.Equal("Otto Reid", (await db.Users.SingleAsync(u => u.Id == otto.UserId)).DisplayName); // the learner's own pages follow
        Assert.Equal(2, await db.CandidateDetailsChanges.CountAsync(h => h.CandidateId == otto.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_ULN_set_by_the_college_MIS_import_is_in_the_learners_history_as_a_change_made_on_the_page_would_be(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var import = await CandidateImportTests.UploadAsync(admin, "uln-update.csv", System.Text.Encoding.UTF8.GetBytes("Given name,Family name,Date of birth,ULN\r\nOtto,Centrea,02/02/2001,2345678908\r\n"));
        var (_, columns) = await CandidateImportTests.PreviewAsync(admin, import);

        Assert.Equal(HttpStatusCode.Redirect, (await CandidateImportTests.ConfirmAsync(admin, import, columns)).StatusCode);

        var history = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Candidates/{app.A.OtherCandidateId}"));
        history = history[history.IndexOf("id=\"details-history\"", StringComparison.Ordinal)..];
        Assert.Contains("Imported from uln-update.csv", history, StringComparison.Ordinal);
        Assert.Contains("2345678908", history, StringComparison.Ordinal);
        Assert.Contains("admin A", history, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_details_are_refused_beside_their_fields_with_what_was_typed_kept_and_nothing_saved(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        var edit = $"/Admin/Candidates/{app.A.OtherCandidateId}/Edit";

        var noReason = await admin.PostFormAsync(edit, Fields(uln: "2345678908", reason: ""));
        var taken = await admin.PostFormAsync(edit, Fields(uln: "1234567899", reason: "Typed from the MIS"));
        var badDate = await admin.PostFormAsync(edit, Fields(born: "2001-02-31", family: "", reason: "Typo"));

        var first = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("href=\"#Input_Reason\"", first, StringComparison.Ordinal);
        Assert.Contains("Say why the details are changing", first, StringComparison.Ordinal);
        Assert.Contains("value=\"2345678908\"", first, StringComparison.Ordinal);
        Assert.Contains("ULN 1234567899 already belongs to Cara Centrea at this centre", WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var third = WebUtility.HtmlDecode(await badDate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Contains("href=\"#Input_DateOfBirth\"", third, StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        var otto = await db.Candidates.SingleAsync(c => c.Id == app.A.OtherCandidateId);
        Assert.Equal(("Centrea", Uln.Temporary, new DateOnly(2001, 2, 2)), (otto.FamilyName, otto.Uln, otto.DateOfBirth));
        Assert.Empty(await db.CandidateDetailsChanges.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_learners_own_centres_administrator_changes_their_details(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var edit = $"/Admin/Candidates/{app.A.OtherCandidateId}/Edit";
        var otherAdmin = await app.SignedInAsync(app.B.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostFormAsync(edit, Fields(uln: "2345678908", reason: "x"), tokenFrom: "/Admin/Candidates/Register")).StatusCode);
        foreach (var user in new[] { app.A.Assessor, app.A.Iqa, app.A.Eqa, app.A.Candidate, app.A.OtherCandidate })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(user)).GetAsync(edit)).StatusCode);
        }

        await using var db = app.Db(app.A.Id);
        Assert.Equal(Uln.Temporary, (await db.Candidates.SingleAsync(c => c.Id == app.A.OtherCandidateId)).Uln);
    }

    private static Dictionary<string, string> Fields(string? uln = null, string? family = null, string? born = null, string? reason = null) => new()
    {
        ["Input.GivenName"] = "Otto", ["Input.FamilyName"] = family ?? "Centrea", ["Input.DateOfBirth"] = born ?? "2001-02-02", ["Input.Uln"] = uln ?? Uln.Temporary,
        ["Input.CandidateNumber"] = "", ["Input.Reason"] = reason ?? string.Empty,
    };
}
