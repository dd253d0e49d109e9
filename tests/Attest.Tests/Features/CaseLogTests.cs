using System.Net;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>The candidate's case log (seed 001's cycle): written as the problem unfolds, mapped from its parts, repeats surfaced.</summary>
public class CaseLogTests
{
    private static Dictionary<string, string> Case(string title, string workplace = "Riverside Hotel, front desk", string description = "The guest's room was not ready when she arrived; housekeeping were behind.") => new()
    {
        ["Input.Title"] = title, ["Input.Description"] = description, ["Input.Workplace"] = workplace,
        ["Input.ActivityFrom"] = "2026-11-20", ["Input.CustomerLabel"] = "Customer E", ["Input.ProblemType"] = "4e", ["Input.Context"] = "RealWork", ["Input.Occasions"] = "BusyTime",
        ["Input.SpottedHow"] = "The guest told me at the desk; I asked which room and when she needed it.", ["Input.Outcome"] = "Open",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_logged_as_it_unfolds_is_mapped_from_its_parts_and_its_problem_type_is_offered_to_the_assessor(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);

        var refused = await candidate.PostFormAsync("/Candidate/Cases", new(Case("Room not ready at check-in")) { ["Input.Workplace"] = "", ["Input.Outcome"] = "Resolved" });
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Enter where it happened", errors, StringComparison.Ordinal);
        Assert.Contains("Say how you checked the problem was resolved to the customer&#x27;s satisfaction (C3 3.5)", errors, StringComparison.Ordinal);

        var created = await candidate.PostFormAsync("/Candidate/Cases", Case("Room not ready at check-in"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var itemId = Guid.Parse(url.Split('/')[^1]);
        Assert.Contains("Mapped to: C3 1.1, C3 1.2", await candidate.GetStringAsync(url), StringComparison.Ordinal);

        var later = new Dictionary<string, string>(Case("Room not ready at check-in"))
        {
            ["Input.Options"] = "Another room now: quick, lower floor. Wait: the room she booked.", ["Input.AgreedOption"] = "She chose to wait in the lounge.",
            ["Input.Actions"] = "Rang housekeeping; promised the key by 4.30.", ["Input.Updates"] = "4.10: told her the room was being cleaned.",
            ["Input.Outcome"] = "Resolved", ["Input.SatisfactionCheck"] = "Asked at 4.40 whether the room was as she wanted; she said it was.",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(url, later)).StatusCode);

        await using var db = app.Db(app.A.Id);
        var item = await db.EvidenceItems.SingleAsync(i => i.Id == itemId);
        Assert.Equal((EvidenceKind.CaseLog, "Customer E", Occasions.BusyTime), (item.Kind, item.CustomerLabel, item.Occasions));
        Assert.Contains("How the customer's satisfaction was checked:\nAsked at 4.40", item.Body, StringComparison.Ordinal);
        Assert.Equal(["1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "3.5"],
            (await db.EvidenceMappings.Where(m => m.EvidenceItemId == itemId && m.UnitCode == "C3").Select(m => m.CriterionRef).ToListAsync()).Order(StringComparer.Ordinal));
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var unit = await assessor.GetStringAsync(Assess.UnitUrl(app.A.EnrolmentId, "C3"));
        Assert.Contains($"id=\"j-{item.Reference}-r-4e\" name=\"Judge.Requirements\" type=\"checkbox\" value=\"4e\" checked=\"checked\"", unit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(app.A.OtherCandidate)).GetAsync(url)).StatusCode);
    }

    /// <summary>
    /// Issue 14: "paragraphs or headings for a written account". The case log's heading "Options, with pros and cons ..."
    /// holds a comma, which also separates a locator's parts: it must be kept whole, and the kept form offered back on the
    /// change page must save again.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mapping_is_located_under_a_case_log_heading_with_a_comma_and_saves_again_as_shown(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var created = await candidate.PostFormAsync("/Candidate/Cases", new(Case("Room not ready at check-in")) { ["Input.Options"] = "Another room now, or wait for hers." });
        var itemId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        Guid mappingId;
        await using (var db = app.Db(app.A.Id))
        {
            mappingId = (await db.EvidenceMappings.SingleAsync(m => m.EvidenceItemId == itemId && m.UnitCode == "C3" && m.CriterionRef == "1.1")).Id;
        }

        var url = $"/Candidate/Evidence/{itemId}/Mappings/{mappingId}";
        const string kept = "under \u201cOptions, with pros and cons for the customer and the organisation\u201d";
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(url, new() { ["Input.Locator"] = "options, with pros and cons for the customer and the organisation" })).StatusCode);
        Assert.Contains($"value=\"{kept}\"", WebUtility.HtmlDecode(await candidate.GetStringAsync(url)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(url, new() { ["Input.Locator"] = kept, ["Input.Note"] = "The options I gave her" })).StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            var mapping = await db.EvidenceMappings.SingleAsync(m => m.Id == mappingId);
            Assert.Equal((kept, "The options I gave her"), (mapping.Locator, mapping.Note));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_problem_that_repeats_at_a_workplace_is_pointed_out_to_the_candidate_and_across_candidates_to_the_assessor(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/Cases", Case("Room not ready at check-in, housekeeping behind"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/Cases", Case("Card machine declined a payment", description: "The card reader refused a guest's card twice at checkout."))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/Cases", Case("Room not ready at check-in", "Lakeside Hotel"))).StatusCode);

        var again = await candidate.PostFormAsync("/Candidate/Cases", Case("Room not ready again, housekeeping short-staffed"));
        var page = await candidate.GetStringAsync(again.Headers.Location!.OriginalString);

        Assert.Contains("You have logged similar problems at Riverside Hotel, front desk:", page, StringComparison.Ordinal);
        Assert.Contains("E002 Room not ready at check-in, housekeeping behind", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Card machine", page[page.IndexOf("id=\"repeats\"", StringComparison.Ordinal)..page.IndexOf("</strong>", page.IndexOf("id=\"repeats\"", StringComparison.Ordinal), StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Recognise repeated problems and alert the appropriate authority", page, StringComparison.Ordinal);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        Assert.Contains("Similar problems at the same workplace (C3 1.3, repeated problems): E002 Room not ready at check-in, housekeeping behind of this candidate",
            await assessor.GetStringAsync($"/Evidence/{again.Headers.Location!.OriginalString.Split('/')[^1]}"), StringComparison.Ordinal);
    }
}
