using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.BrowserTests;

/// <summary>Demo data the browser journeys start from, written through the domain as the pages would.</summary>
internal static class DemoC3
{
    /// <summary>
    /// Sam Patel on 03456 with Asha as assessor, and a C3 portfolio already judged and decided but for criterion 1.1:
    /// three real problems over three weeks with three customers (a-e and 5a-d), and a reflective account.
    /// </summary>
    public static async Task<Guid> PrepareAsync(AttestServer server)
    {
        var catalogue = new Catalogue(server.Services.GetRequiredService<SpecificationLibrary>().Shipped);
        var options = server.Services.GetRequiredService<DbContextOptions<AttestDbContext>>();
        Guid centreId;
        AppUser asha, sam;
        await using (var global = new AttestDbContext(options, NoCentre.Instance))
        {
            centreId = (await global.Centres.SingleAsync(c => c.Number == "99999")).Id;
            asha = await global.Users.SingleAsync(u => u.Email == "assessor@demo.attest.test");
            sam = await global.Users.SingleAsync(u => u.Email == "candidate1@demo.attest.test");
        }

        await using var db = new AttestDbContext(options, new FixedCentre(centreId));
        var candidate = await db.Candidates.SingleAsync(c => c.UserId == sam.Id);
        var qualification = catalogue.Find("03456")!;
        var unit = qualification.FindUnit("C3")!;
        // A week ago: after the demo story's own sign-off and decisions, so a sampling period of the last ten days holds Sam's work alone.
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-7);
        var enrolment = Enrolment.Create(centreId, candidate.Id, qualification, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 9, 1), now);
        enrolment.AssignAssessor(asha.Id);
        db.Enrolments.Add(enrolment);
        var performance = unit.Criteria.Where(c => c.Kind == CriterionKind.Performance && c.Ref != "1.1").Select(c => c.Ref).ToArray();
        var knowledge = unit.Criteria.Where(c => c.Kind == CriterionKind.Knowledge).Select(c => c.Ref).ToArray();
        (string Reference, EvidenceKind Kind, DateOnly On, string? Customer, string[] Criteria, string[] Requirements)[] pieces =
        [
            ("E001", EvidenceKind.WorkProduct, new DateOnly(2026, 9, 1), "Customer A", performance, ["4a", "5a", "5c"]),
            ("E002", EvidenceKind.WorkProduct, new DateOnly(2026, 9, 10), "Customer B", performance, ["4b", "4d", "5b"]),
            ("E003", EvidenceKind.WorkProduct, new DateOnly(2026, 9, 24), "Customer C", performance, ["4c", "4e", "5d"]),
            ("E004", EvidenceKind.ReflectiveAccount, new DateOnly(2026, 9, 25), null, knowledge, []),
        ];
        foreach (var piece in pieces)
        {
            var item = new EvidenceItem
            {
                CentreId = centreId, CandidateId = candidate.Id, Reference = piece.Reference, Kind = piece.Kind, Title = $"Problem log {piece.Reference}",
                Body = "What happened, what I did, and what the customer said.", ActivityFrom = piece.On, ActivityTo = piece.On, Context = EvidenceContext.RealWork,
                CustomerLabel = piece.Customer, Occasions = Occasions.Routine, UploadedBy = sam.Id, UploadedAt = now,
            };
            db.EvidenceItems.Add(item);
            db.EvidenceMappings.AddRange(piece.Criteria.Select(c => new EvidenceMapping { CentreId = centreId, EvidenceItemId = item.Id, EnrolmentId = enrolment.Id, UnitCode = "C3", CriterionRef = c, CreatedAt = now }));
            var acceptance = EvidenceAcceptance.Record(enrolment, unit, item, piece.Criteria, true, null, piece.Criteria, piece.Requirements,
                "Written at the time, in the candidate's words, and checked with the manager.", asha.Id, asha.DisplayName, sam.Id, 0, [], now);
            db.EvidenceAcceptances.Add(acceptance);
            db.Sign(acceptance, Roles.Assessor, asha.Id, asha.DisplayName, now);
        }

        candidate.LastEvidenceNumber = pieces.Length; // E001-E004, as the intake would have numbered them

        foreach (var criterion in performance.Concat(knowledge))
        {
            var accepted = pieces.Where(p => p.Criteria.Contains(criterion)).Select(p => p.Reference).ToList();
            var decision = CriterionDecision.Record(enrolment, unit, criterion, DecisionOutcome.Met, $"Shown in {string.Join(", ", accepted)}.",
                $"C3 {criterion}: your problem logs show this in your own words, with what the customer said in reply.", accepted, asha.Id, asha.DisplayName, sam.Id, 0, [], now);
            db.CriterionDecisions.Add(decision);
            db.Sign(decision, Roles.Assessor, asha.Id, asha.DisplayName, now);
        }

        await db.SaveChangesAsync();
        return enrolment.Id;
    }
}
