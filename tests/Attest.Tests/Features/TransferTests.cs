using System.Globalization;
using System.Net;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// The administrator transfers a learner to another qualification (issue 14 item 5: "transfer to another assessor or
/// qualification (evidence and decisions kept)"): the old enrolment ends as a withdrawal does, signed; a new one starts
/// with the same assessor; the candidate's mappings carry over where the new qualification words the criterion the same.
/// </summary>
public class TransferTests
{
    private const string Revised = "03456R";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_transfer_ends_the_old_enrolment_signed_starts_the_new_one_and_carries_mappings_of_criteria_worded_the_same(DatabaseProvider provider)
    {
        using var catalogue = RevisedCatalogue();
        using var app = await new AttestFactory(provider, new Dictionary<string, string> { ["Catalogue:Folder"] = catalogue.Path }).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var admin = await app.SignedInAsync(app.A.Admin);
        // C3 1.1 and 1.3 read the same in the revised specification; 1.2 is reworded, so its mapping stays behind.
        foreach (var criterion in new[] { "1.1", "1.2", "1.3" })
        {
            await EvidenceJudgementTests.MapAsync(candidate, app.A.EvidenceId, app.A.EnrolmentId, "C3", criterion, "2");
        }

        await Assess.AcceptAsync(assessor, app.A.EnrolmentId, "C3", app.A.EvidenceId, ["1.1"], method: "WorkProduct");
        var page = $"/Admin/Enrolments/{app.A.EnrolmentId}/Transfer";
        var choose = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains(">03456R Level 3 NVQ Diploma in Customer Service (revised)<", choose, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"03456\"", choose, StringComparison.Ordinal);
        var preview = WebUtility.HtmlDecode(await admin.GetStringAsync($"{page}?to={Revised}"));
        Assert.Contains("Mappings that carry over when their unit is chosen: unit C3, 2 mappings.", preview, StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        List<string> units;
        await using (var db = app.Db(app.A.Id))
        {
            units = await db.Enrolments.Where(e => e.Id == app.A.EnrolmentId).SelectMany(e => e.Units.Select(u => u.UnitCode)).ToListAsync();
        }

        // Refused: a date to come and no reason; each named on its field, what was typed kept, nothing recorded.
        var refused = await admin.PostFormAsync($"{page}?to={Revised}", Fields(units, today.AddDays(3), " "), tokenFrom: $"{page}?to={Revised}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("The date of the transfer cannot be after today", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Say why: the reason for the transfer is kept with it", refusedPage, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_On\"", refusedPage, StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.False(await db.Enrolments.AnyAsync(e => e.QualificationCode == Revised));
        }

        const string Why = "Moved to the revised specification after review on 1 December.";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{page}?to={Revised}", Fields(units, today, Why), tokenFrom: $"{page}?to={Revised}")).StatusCode);

        await using (var db = app.Db(app.A.Id))
        {
            var old = await db.Enrolments.SingleAsync(e => e.Id == app.A.EnrolmentId);
            var next = await db.Enrolments.Include(e => e.Units).SingleAsync(e => e.TransferredFromEnrolmentId == old.Id);
            Assert.Equal((today, true), (old.WithdrawnOn, old.TransferredOut));
            Assert.Equal((Revised, today, old.AssessorId, (DateOnly?)null), (next.QualificationCode, next.RegisteredOn, next.AssessorId, next.WithdrawnOn));
            Assert.Equal(units.Order(), next.Units.Select(u => u.UnitCode).Order());
            var carried = await db.EvidenceMappings.Where(m => m.EnrolmentId == next.Id).OrderBy(m => m.CriterionRef).ToListAsync();
            Assert.Equal(["1.1", "1.3"], carried.Select(m => m.CriterionRef));
            Assert.All(carried, m => Assert.Equal(("C3", app.A.EvidenceId, "page 2"), (m.UnitCode, m.EvidenceItemId, m.Locator)));
            // Kept where they were made: the old enrolment's mappings and judgement are untouched, and the new one has no judgement to rest on.
            Assert.Equal(3, await db.EvidenceMappings.CountAsync(m => m.EnrolmentId == old.Id));
            Assert.Equal(1, await db.EvidenceAcceptances.CountAsync(a => a.EnrolmentId == old.Id));
            Assert.False(await db.EvidenceAcceptances.AnyAsync(a => a.EnrolmentId == next.Id));
            var change = await db.EnrolmentStatusChanges.SingleAsync(c => c.EnrolmentId == old.Id);
            Assert.Equal((EnrolmentAct.Transferred, Why), (change.Act, change.Reason));
            Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == EnrolmentStatusChange.Kind && e.SubjectId == change.Id && e.SignerName == "admin A"));
        }

        var (exit, output) = await app.CliAsync("ledger", "verify");
        Assert.True(exit == 0, output);
        var details = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Candidates/{app.A.CandidateId}"));
        Assert.Contains($"Transferred to another qualification on {today:d MMMM yyyy}", details, StringComparison.Ordinal);
        Assert.Contains("Continues the enrolment on 03456 Level 3 NVQ Diploma in Customer Service", details, StringComparison.Ordinal);
        // The old enrolment's decisions stay readable where they were made; a second transfer of it is refused.
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync(Assess.UnitUrl(app.A.EnrolmentId, "C3"))).StatusCode);
        var again = await admin.PostFormAsync($"{page}?to={Revised}", Fields(units, today, Why), tokenFrom: $"/Admin/Candidates/{app.A.CandidateId}");
        Assert.Contains("nothing more can be recorded on this enrolment", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(1, await db.Enrolments.CountAsync(e => e.QualificationCode == Revised));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_learners_own_centre_administrator_can_transfer(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var page = $"/Admin/Enrolments/{app.A.EnrolmentId}/Transfer";
        var fields = Fields(["F3", "F4", "C3"], new DateOnly(2026, 12, 1), "Moved.");
        fields["Input.QualificationCode"] = "03455";
        var other = await app.SignedInAsync(app.B.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync(page, fields, tokenFrom: "/Admin/Candidates")).StatusCode);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.PostFormAsync(page, fields, tokenFrom: "/Assessor")).StatusCode);
        await using var db = app.Db(app.A.Id);
        Assert.False(await db.Enrolments.AnyAsync(e => e.TransferredFromEnrolmentId != null));
    }

    private static Dictionary<string, string> Fields(List<string> units, DateOnly on, string reason)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.QualificationCode"] = Revised, ["Input.On"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Reason"] = reason,
        };
        for (var i = 0; i < units.Count; i++)
        {
            fields[$"Input.Units[{i}]"] = units[i];
        }

        return fields;
    }

    /// <summary>The shipped catalogue and a revised 03456 whose C3 1.2 is worded otherwise, as a specification's next version would be.</summary>
    private static CatalogueCopy RevisedCatalogue()
    {
        var folder = new CatalogueCopy();
        var original = File.ReadAllText(Path.Combine(CatalogueCopy.Shipped, "ocr", "03456-l3-nvq-diploma-customer-service.yaml"));
        var revised = original.Replace("code: \"03456\"", $"code: \"{Revised}\"", StringComparison.Ordinal)
            .Replace("title: Level 3 NVQ Diploma in Customer Service\n", "title: Level 3 NVQ Diploma in Customer Service (revised)\n", StringComparison.Ordinal);
        folder.Write(Path.Combine("ocr", "03456r-revised.yaml"), ReworderOf(revised, "1.2"));
        return folder;
    }

    /// <summary>The YAML with C3's criterion <paramref name="criterion"/> given other words.</summary>
    private static string ReworderOf(string yaml, string criterion)
    {
        var unit = yaml.IndexOf("code: \"C3\"", StringComparison.Ordinal);
        var at = yaml.IndexOf($"ref: \"{criterion}\"", unit, StringComparison.Ordinal);
        Assert.True(unit >= 0 && at >= 0, $"no criterion C3 {criterion} in the YAML");
        var text = yaml.IndexOf("text: \"", at, StringComparison.Ordinal) + "text: \"".Length;
        return yaml[..text] + "Revised wording: " + yaml[text..];
    }
}
