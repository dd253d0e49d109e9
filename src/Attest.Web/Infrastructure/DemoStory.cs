using Attest.Core;
using Attest.Core.Assessment;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Core.Quality;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>
/// The demo centre's learners at every stage, so each role's first look shows what that role does: Tom Reid has evidence
/// waiting for the assessor and some decisions made; Maya Clarke's unit C3 is signed off, countersigned, reviewed by the
/// IQA and claimed, and her portfolio is in an EQA visit that is open now. Everything is written through the domain's
/// own rules and signed into the ledger, as the pages would, dated back from today.
/// </summary>
internal static class DemoStory
{
    /// <summary>A valid selection for 03456 (OCR student guide's rules of combination) that includes the fully specified C3.</summary>
    private static readonly string[] Units = ["F3", "F4", "A13", "B10", "C3", "D8", "D2"];

    public static async Task AddAsync(AttestDbContext db, Catalogue catalogue, Guid centreId, IReadOnlyDictionary<string, AppUser> people, DateTime now, CancellationToken cancellationToken)
    {
        if (catalogue.Find("03456") is not { } diploma || diploma.FindUnit("C3") is not { IsAssessable: true } c3)
        {
            return;
        }

        var asha = people["assessor@demo.attest.test"];
        var ian = people["iqa@demo.attest.test"];
        var alex = people["admin@demo.attest.test"];
        var erin = people["eqa@demo.attest.test"];
        var today = UkTime.DateOf(now);

        // Maya: far along. Three problems over three weeks with three customers, and a reflective account.
        var mayaUser = people["candidate3@demo.attest.test"];
        var maya = Learner(centreId, mayaUser, "Maya", "Clarke", new DateOnly(2003, 2, 17), "1234567802", "0103", now.AddDays(-130));
        var mayaEnrolment = Enrol(db, centreId, maya, diploma, asha, today.AddDays(-120), today.AddDays(300), now.AddDays(-120));
        var performance = c3.Criteria.Where(c => c.Kind == CriterionKind.Performance).Select(c => c.Ref).ToArray();
        var knowledge = c3.Criteria.Where(c => c.Kind == CriterionKind.Knowledge).Select(c => c.Ref).ToArray();
        var items = new[]
        {
            Item(db, maya, mayaUser, "E001", EvidenceKind.WorkProduct, "Problem log: a double-booked room", today.AddDays(-100), "Customer A", now.AddDays(-99)),
            Item(db, maya, mayaUser, "E002", EvidenceKind.WorkProduct, "Problem log: a lost booking", today.AddDays(-90), "Customer B", now.AddDays(-89)),
            Item(db, maya, mayaUser, "E003", EvidenceKind.WorkProduct, "Problem log: a late airport transfer", today.AddDays(-76), "Customer C", now.AddDays(-75)),
            Item(db, maya, mayaUser, "E004", EvidenceKind.ReflectiveAccount, "What I learned from three problems", today.AddDays(-75), null, now.AddDays(-74)),
        };
        maya.LastEvidenceNumber = items.Length;
        string[][] requirements = [["4a", "5a", "5c"], ["4b", "4d", "5b"], ["4c", "4e", "5d"], []];
        var judged = now.AddDays(-70);
        var acceptances = items.Select((item, i) =>
        {
            var criteria = i < 3 ? performance : knowledge;
            Map(db, mayaEnrolment, item, "C3", criteria, item.UploadedAt);
            var acceptance = EvidenceAcceptance.Record(mayaEnrolment, c3, item, criteria, true, null, criteria, requirements[i],
                "Written at the time in Maya's own words, and checked with her manager.", asha.Id, asha.DisplayName, mayaUser.Id, 0, [], judged);
            db.EvidenceAcceptances.Add(acceptance);
            db.Sign(acceptance, Roles.Assessor, asha.Id, asha.DisplayName, judged);
            return acceptance;
        }).ToList();

        var decided = now.AddDays(-60);
        var decisions = c3.Criteria.Select(criterion =>
        {
            var references = items.Where((_, i) => (i < 3 ? performance : knowledge).Contains(criterion.Ref)).Select(item => item.Reference).ToList();
            return Decide(db, mayaEnrolment, c3, criterion.Ref, DecisionOutcome.Met, references, $"Shown in {string.Join(", ", references)}.",
                $"C3 {criterion.Ref}: your logs show this in your own words, with what the customer said in reply.", asha, mayaUser, decided);
        }).ToList();

        var accepted = CurrentEvidence.For(acceptances, items.ToDictionary(i => i.Id), []);
        var sufficiency = Sufficiency.Evaluate(c3, decisions.ToDictionary(d => d.CriterionRef, _ => CriterionStatus.Met, StringComparer.OrdinalIgnoreCase), accepted);
        var signedAt = now.AddDays(-50);
        var signOff = UnitSignOff.SignCompetent(mayaEnrolment, sufficiency, items.ToDictionary(i => i.Reference), [], asha.Id, asha.DisplayName, mayaUser.Id, signedAt);
        db.UnitSignOffs.Add(signOff);
        db.Sign(signOff, Roles.Assessor, asha.Id, asha.DisplayName, signedAt);
        db.Sign(signOff, Roles.Candidate, mayaUser.Id, mayaUser.DisplayName, signedAt.AddDays(1));

        var reviewedAt = now.AddDays(-40);
        var review = IqaReview.Record(mayaEnrolment, c3, decisions, [signOff], [], [.. decisions.Select(d => new IqaFinding(d.CriterionRef, true, null))],
            "The decisions rest on evidence that shows each criterion, and the feedback tells Maya what she did well in her own terms.", null, ian.Id, ian.DisplayName, reviewedAt);
        db.IqaReviews.Add(review);
        db.Sign(review, Roles.Iqa, ian.Id, ian.DisplayName, reviewedAt);

        // Tom: a month in. One problem log judged and three criteria decided; a second log waits for the assessor.
        var tomUser = people["candidate4@demo.attest.test"];
        var tom = Learner(centreId, tomUser, "Tom", "Reid", new DateOnly(2006, 7, 4), "1234567810", "0104", now.AddDays(-40));
        var tomEnrolment = Enrol(db, centreId, tom, diploma, asha, today.AddDays(-35), today.AddDays(330), now.AddDays(-35));
        var first = Item(db, tom, tomUser, "E001", EvidenceKind.WorkProduct, "Problem log: a wrong order at the counter", today.AddDays(-20), "Customer A", now.AddDays(-19));
        var waiting = Item(db, tom, tomUser, "E002", EvidenceKind.WorkProduct, "Problem log: a complaint about waiting", today.AddDays(-3), "Customer B", now.AddDays(-2));
        tom.LastEvidenceNumber = 2;
        string[] firstCriteria = [.. performance.Take(3)];
        Map(db, tomEnrolment, first, "C3", firstCriteria, first.UploadedAt);
        Map(db, tomEnrolment, waiting, "C3", [.. performance.Skip(3).Take(3)], waiting.UploadedAt);
        var tomJudged = now.AddDays(-14);
        var tomAcceptance = EvidenceAcceptance.Record(tomEnrolment, c3, first, firstCriteria, true, null, firstCriteria, ["4a"],
            "Tom's account matches what his supervisor saw.", asha.Id, asha.DisplayName, tomUser.Id, 0, [], tomJudged);
        db.EvidenceAcceptances.Add(tomAcceptance);
        db.Sign(tomAcceptance, Roles.Assessor, asha.Id, asha.DisplayName, tomJudged);
        foreach (var criterion in firstCriteria)
        {
            Decide(db, tomEnrolment, c3, criterion, DecisionOutcome.Met, [first.Reference], $"Shown in {first.Reference}.",
                $"C3 {criterion}: your log shows this clearly, with the customer's own words.", asha, tomUser, tomJudged.AddMinutes(10));
        }

        db.Candidates.AddRange(maya, tom);

        // Maya and Tom are apprentices at the same hotel; their line manager signs in to follow them and write testimonies.
        var lee = people["linemanager@demo.attest.test"];
        var hotel = Employer.Create(centreId, "Harbour View Hotel", "1 Quay Street, Exampleton EX1 1AA", alex.Id, now.AddDays(-131));
        var contact = EmployerContact.Create(hotel, lee.DisplayName, "Front office manager", lee.Email, "01632 960123", alex.Id, now.AddDays(-131));
        contact.LinkAccount(lee.Id);
        db.Employers.Add(hotel);
        db.EmployerContacts.Add(contact);
        foreach (var (enrolment, plannedEnd, hours) in new[] { (mayaEnrolment, today.AddDays(300), 280m), (tomEnrolment, today.AddDays(330), 300m) })
        {
            db.Apprenticeships.Add(Apprenticeship.Start(enrolment, new(ApprenticeshipProgramme.Framework, "FR-EXAMPLE", "Hospitality advanced apprenticeship (an example reference)",
                enrolment.RegisteredOn, plannedEnd, 30, hours, hotel.Id), hotel, alex.Id, enrolment.CreatedAt));
        }

        await db.SaveChangesAsync(cancellationToken);

        // The unit certificate for C3 is claimed today, asked of the same engine the claims page asks.
        var standing = (await Features.Admin.Claims.ClaimQueries.LoadAsync(db, catalogue, db.Enrolments.Where(e => e.Id == mayaEnrolment.Id), today, cancellationToken)).Enrolments.Single();
        var claim = CertificationClaim.Make(standing, ClaimScope.Unit, ["C3"], alex.Id, alex.DisplayName, now);
        db.CertificationClaims.Add(claim);
        db.Sign(claim, Roles.CentreAdmin, alex.Id, alex.DisplayName, claim.SignedAt);

        // The awarding body's external quality assurer visits this week, with Maya's portfolio in the sample.
        var visit = EqaVisit.Create(centreId, "OCR EV 2026/12", erin.Id, erin.DisplayName, now.AddDays(-1), now.AddDays(6), alex.Id, now.AddDays(-2));
        visit.AddSample(mayaEnrolment.Id, maya.Id, maya.FullName, Roles.CentreAdmin, alex.Id, now.AddDays(-2));
        db.EqaVisits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Candidate Learner(Guid centreId, AppUser user, string given, string family, DateOnly born, string uln, string number, DateTime at) =>
        new() { CentreId = centreId, UserId = user.Id, GivenName = given, FamilyName = family, DateOfBirth = born, Uln = uln, AwardingBodyCandidateNumber = number, CreatedAt = at };

    private static Enrolment Enrol(AttestDbContext db, Guid centreId, Candidate candidate, QualificationSpec qualification, AppUser assessor, DateOnly registeredOn, DateOnly plannedEnd, DateTime at)
    {
        var enrolment = Enrolment.Create(centreId, candidate.Id, qualification, Units, registeredOn, at);
        enrolment.AssignAssessor(assessor.Id);
        enrolment.PlanEnd(plannedEnd);
        db.Enrolments.Add(enrolment);
        return enrolment;
    }

    private static EvidenceItem Item(AttestDbContext db, Candidate candidate, AppUser user, string reference, EvidenceKind kind, string title, DateOnly on, string? customer, DateTime uploadedAt)
    {
        var item = new EvidenceItem
        {
            CentreId = candidate.CentreId, CandidateId = candidate.Id, Reference = reference, Kind = kind, Title = title,
            Body = "What happened, what I did, and what the customer said.", ActivityFrom = on, ActivityTo = on, Context = EvidenceContext.RealWork,
            CustomerLabel = customer, Occasions = Occasions.Routine, UploadedBy = user.Id, UploadedAt = uploadedAt,
        };
        db.EvidenceItems.Add(item);
        return item;
    }

    private static void Map(AttestDbContext db, Enrolment enrolment, EvidenceItem item, string unitCode, IEnumerable<string> criteria, DateTime at) =>
        db.EvidenceMappings.AddRange(criteria.Select(c => new EvidenceMapping { CentreId = enrolment.CentreId, EvidenceItemId = item.Id, EnrolmentId = enrolment.Id, UnitCode = unitCode, CriterionRef = c, CreatedAt = at }));

    private static CriterionDecision Decide(
        AttestDbContext db, Enrolment enrolment, UnitSpec unit, string criterion, DecisionOutcome outcome, IReadOnlyCollection<string> references, string justification, string feedback,
        AppUser assessor, AppUser candidate, DateTime at)
    {
        var decision = CriterionDecision.Record(enrolment, unit, criterion, outcome, justification, feedback, references, assessor.Id, assessor.DisplayName, candidate.Id, 0, [], at);
        db.CriterionDecisions.Add(decision);
        db.Sign(decision, Roles.Assessor, assessor.Id, assessor.DisplayName, at);
        return decision;
    }
}
