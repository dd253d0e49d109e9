using System.Net;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Tests.Features;

/// <summary>
/// A C3 portfolio built from seed 001's evidence requirements: items added for the candidate (as the evidence pages
/// would), then judged and decided by the assessor through the unit page.
/// </summary>
internal static class C3Portfolio
{
    public sealed record Piece(string Reference, EvidenceKind Kind, string Method, DateOnly On, string? Customer, EvidenceContext Context, string[] Criteria, string[] Requirements);

    public static readonly UnitSpec Unit = ShippedCatalogue.Diploma03456.FindUnit("C3")!;

    public static string[] Performance => [.. Unit.Criteria.Where(c => c.Kind == CriterionKind.Performance).Select(c => c.Ref)];

    public static string[] Knowledge => [.. Unit.Criteria.Where(c => c.Kind == CriterionKind.Knowledge).Select(c => c.Ref)];

    /// <summary>Three real problems with three customers over three weeks, covering a-e and 5a-d, and a reflective account for the knowledge.</summary>
    public static Piece[] Complete() =>
    [
        new("E002", EvidenceKind.WorkProduct, "WorkProduct", new DateOnly(2026, 9, 1), "Customer A", EvidenceContext.RealWork, Performance, ["4a", "5a", "5c"]),
        new("E003", EvidenceKind.WorkProduct, "WorkProduct", new DateOnly(2026, 9, 10), "Customer B", EvidenceContext.RealWork, Performance, ["4b", "4d", "5b"]),
        new("E004", EvidenceKind.WorkProduct, "WorkProduct", new DateOnly(2026, 9, 24), "Customer C", EvidenceContext.WorkPlacement, Performance, ["4c", "4e", "5d"]),
        new("E005", EvidenceKind.ReflectiveAccount, "ReflectiveAccount", new DateOnly(2026, 9, 25), null, EvidenceContext.RealWork, Knowledge, []),
    ];

    /// <summary>Adds the pieces as the candidate's evidence, mapped to their criteria; returns their ids by reference.</summary>
    public static async Task<Dictionary<string, Guid>> AddAsync(AttestFactory app, SeededCentre centre, IEnumerable<Piece> pieces)
    {
        await using var db = app.Db(centre.Id);
        var ids = new Dictionary<string, Guid>();
        var now = DateTime.SpecifyKind(new DateTime(2026, 10, 1, 9, 0, 0), DateTimeKind.Utc);
        foreach (var piece in pieces)
        {
            var item = new EvidenceItem
            {
                CentreId = centre.Id, CandidateId = centre.CandidateId, Reference = piece.Reference, Kind = piece.Kind, Title = $"Problem log {piece.Reference}",
                Body = $"What happened with {piece.Customer ?? "my work"} and what I did.", ActivityFrom = piece.On, ActivityTo = piece.On, Context = piece.Context,
                CustomerLabel = piece.Customer, Occasions = Occasions.Routine, UploadedAt = now,
            };
            db.EvidenceItems.Add(item);
            db.EvidenceMappings.AddRange(piece.Criteria.Select(c => new EvidenceMapping
            {
                CentreId = centre.Id, EvidenceItemId = item.Id, EnrolmentId = centre.EnrolmentId, UnitCode = "C3", CriterionRef = c, Locator = "page 1", CreatedAt = now,
            }));
            ids[piece.Reference] = item.Id;
        }

        await EvidenceNumbering.MovePastAsync(db, centre.CandidateId, pieces.Select(p => p.Reference));
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>The assessor accepts every piece as it claims and decides every criterion met, in one post.</summary>
    public static async Task AssessAsync(HttpClient assessor, SeededCentre centre, IEnumerable<Piece> pieces, IReadOnlyDictionary<string, Guid> ids)
    {
        foreach (var piece in pieces)
        {
            await Assess.AcceptAsync(assessor, centre.EnrolmentId, "C3", ids[piece.Reference], piece.Criteria, piece.Requirements, piece.Method);
        }

        var response = await Assess.DecideManyAsync(assessor, centre.EnrolmentId, "C3", AllMet());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"deciding C3: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Every criterion of C3 decided met, each with its own justification and feedback.</summary>
    public static IEnumerable<Assess.Decision> AllMet() => Unit.Criteria.Select(c => new Assess.Decision(c.Ref, "Met",
        $"The accepted evidence shows {c.Ref} in the candidate's own words and actions.", $"C3 {c.Ref}: your problem logs show this on page 1 of each, in your own words and with the customer's response."));

    public static async Task<(Dictionary<string, Guid> Ids, HttpClient Assessor)> BuildAsync(AttestFactory app, Piece[] pieces)
    {
        var ids = await AddAsync(app, app.A, pieces);
        var assessor = await app.SignedInAsync(app.A.Assessor);
        await AssessAsync(assessor, app.A, pieces, ids);
        return (ids, assessor);
    }

    public static Task<HttpResponseMessage> SignOffAsync(HttpClient assessor, SeededCentre centre) =>
        assessor.PostFormAsync(Assess.UnitUrl(centre.EnrolmentId, "C3") + "?handler=SignOff", new() { ["SignOff.Confirmed"] = "true" }, tokenFrom: Assess.UnitUrl(centre.EnrolmentId, "C3"));

    /// <summary>The candidate countersigns the C3 sign-off that stands.</summary>
    public static async Task CountersignAsync(AttestFactory app, SeededCentre centre)
    {
        var candidate = await app.SignedInAsync(centre.Candidate);
        var unit = $"/Candidate/Enrolments/{centre.EnrolmentId}/Units/C3";
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(unit + "?handler=Countersign", new() { ["Countersign.Confirmed"] = "true" }, tokenFrom: unit)).StatusCode);
    }
}
