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
using Attest.Web.Features.Gateway;
using Attest.Web.Features.Ksbs;
using Attest.Web.Features.OffTheJob;
using Attest.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>
/// The demo centre's learners at every stage, so each role's first look shows what that role does: Tom Reid has evidence
/// waiting for the assessor and some decisions made; Maya Clarke's unit C3 is signed off, countersigned, reviewed by the
/// IQA and claimed, and her portfolio is in an EQA visit that is open now. Both are apprentices at one hotel: Maya on the
/// sample standard SAMPLE-CS3, with KSBs mapped, hours on plan, her first progress review signed by all three and her
/// gateway checklist part met; Tom on a framework, behind on hours and his first review overdue. Everything is written
/// through the domain's own rules and signed into the ledger, as the pages would, dated back from today.
/// </summary>
internal static class DemoStory
{
    /// <summary>The shipped sample standard, whose mandatory qualification is 03456.</summary>
    private const string StandardReference = "SAMPLE-CS3";

    /// <summary>A valid selection for 03456 (OCR student guide's rules of combination) that includes the fully specified C3.</summary>
    private static readonly string[] Units = ["F3", "F4", "A13", "B10", "C3", "D8", "D2"];

    /// <summary>Maya's problem logs and reflective account (E001 to E004), and the KSBs of the standard she maps each to.</summary>
    private static readonly string[][] EvidenceKsbs = [["S1", "S3", "B1"], ["K5", "S4"], ["S3", "B2"], ["K6", "B4"]];

    /// <summary>
    /// Maya's off-the-job log: a workshop day at the centre every fortnight or so, with shadowing, training and mentoring at
    /// the hotel; about 73 hours verified of the 80 her plan expects by now (green), the last two entries waiting.
    /// </summary>
    private static readonly LoggedActivity[] MayasActivities =
    [
        new(113, "teaching", 7.5m, "Service workshop at the centre: the hotel's service promises for rooms, restaurant and events, and what guests expect of each.", ["K2"]),
        new(106, "shadowing", 6, "Shadowed the duty manager on a busy front-desk shift: sorting guests' requests by urgency, and telling each guest what happens next.", ["S6"]),
        new(99, "teaching", 7.5m, "Complaints workshop: from first contact to an agreed resolution, with a role play of a guest whose room was not ready.", ["K6"]),
        new(92, "practical-training", 7, "Booking system training: recording every guest contact, and when a request goes on to reservations or the duty manager.", ["K5"]),
        new(85, "mentoring", 3, "Mentoring with my line manager: my first problem log, and what I would do differently next time.", ["B4"]),
        new(78, "teaching", 7.5m, "Data protection and equality workshop: what the hotel may keep about a guest, and changing the service for a guest's access needs.", ["K3"]),
        new(64, "industry-visit", 7, "Visit to a partner hotel's guest relations team: how they escalate a problem and follow it up with the guest.", []),
        new(57, "teaching", 7.5m, "Workshop on writing to guests: answering emails and online reviews clearly and in the hotel's tone.", ["S2"]),
        new(43, "practical-training", 7, "A day on the reservations phones with feedback from the supervisor: asking questions and checking I had understood.", ["S1"]),
        new(29, "teaching", 7.5m, "Teamwork workshop: shift handovers, and passing on what regular guests have asked for.", []),
        new(15, "shadowing", 6, "Shadowed the events coordinator through a wedding weekend: fitting my own jobs around the busiest times.", []),
        new(6, "teaching", 7.5m, "Customer feedback workshop: how the hotel's guest survey results turn into changes to the service.", []),
        new(3, "assignment-writing", 2.5m, "Wrote up my notes from the customer feedback workshop for my portfolio, at home in the evening.", [], InOwnTime: true),
    ];

    /// <summary>Tom's log: two entries in three months, far short of his plan (red), and a third waiting for his line manager.</summary>
    private static readonly LoggedActivity[] TomsActivities =
    [
        new(92, "teaching", 7, "Induction workshop at the centre: who the hotel's guests are and the service they expect.", []),
        new(50, "shadowing", 5, "Shadowed the restaurant supervisor at lunch service: taking orders and checking them back.", []),
        new(4, "mentoring", 1.5m, "Mentoring with my line manager after the complaint about waiting: what I would say next time.", []),
    ];

    public static async Task AddAsync(AttestDbContext db, Catalogue catalogue, OffTheJobRules offTheJobRules, Guid centreId, IReadOnlyDictionary<string, AppUser> people, DateTime now, CancellationToken cancellationToken)
    {
        if (catalogue.Find("03456") is not { } diploma || diploma.FindUnit("C3") is not { IsAssessable: true } c3 || catalogue.FindStandard(StandardReference) is not { } standard)
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

        // Tom: three months in and slow to start. One problem log judged and three criteria decided; a second log waits for the assessor.
        var tomUser = people["candidate4@demo.attest.test"];
        var tom = Learner(centreId, tomUser, "Tom", "Reid", new DateOnly(2006, 7, 4), "1234567810", "0104", now.AddDays(-105));
        var tomEnrolment = Enrol(db, centreId, tom, diploma, asha, today.AddDays(-100), today.AddDays(265), now.AddDays(-100));
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

        // Maya and Tom are apprentices at the same hotel; their line manager signs in to follow them, verify their hours,
        // sign their reviews and write testimonies. Maya follows a standard and Tom a framework: a centre runs both.
        var lee = people["linemanager@demo.attest.test"];
        var hotel = Employer.Create(centreId, "Harbour View Hotel", "1 Quay Street, Exampleton EX1 1AA", alex.Id, now.AddDays(-131));
        var contact = EmployerContact.Create(hotel, lee.DisplayName, "Front office manager", lee.Email, "01632 960123", alex.Id, now.AddDays(-131));
        contact.LinkAccount(lee.Id);
        db.Employers.Add(hotel);
        db.EmployerContacts.Add(contact);
        var mayaApprenticeship = Apprenticeship.Start(mayaEnrolment, new(ApprenticeshipProgramme.Standard, standard.Reference, standard.Title,
            mayaEnrolment.RegisteredOn, today.AddDays(300), 30, 280, hotel.Id), hotel, offTheJobRules, catalogue, alex.Id, mayaEnrolment.CreatedAt);
        var tomApprenticeship = Apprenticeship.Start(tomEnrolment, new(ApprenticeshipProgramme.Framework, "FR-EXAMPLE", "Hospitality advanced apprenticeship (an example reference)",
            tomEnrolment.RegisteredOn, today.AddDays(265), 30, 300, hotel.Id), hotel, offTheJobRules, catalogue, alex.Id, tomEnrolment.CreatedAt);
        db.Apprenticeships.AddRange(mayaApprenticeship, tomApprenticeship);
        await db.SaveChangesAsync(cancellationToken);

        // Maya maps her evidence to the standard's KSBs, and her English and maths certificates were seen at enrolment.
        foreach (var (item, codes) in items.Zip(EvidenceKsbs))
        {
            await KsbMappingQueries.AddAsync(db, catalogue, mayaEnrolment, KsbRecords.Of(item), codes, Roles.Candidate, mayaUser.Id, mayaUser.DisplayName, item.UploadedAt.AddHours(1), cancellationToken);
        }

        var gateway = await GatewayStanding.LoadAsync(db, catalogue, offTheJobRules, db.Enrolments.Where(e => e.Id == mayaEnrolment.Id), today, cancellationToken);
        foreach (var (subject, certificate) in new[] { (EnglishAndMathsSubject.English, "GCSE English Language grade 5"), (EnglishAndMathsSubject.Maths, "GCSE Mathematics grade 4") })
        {
            await gateway!.RecordEnglishAndMathsAsync(db, new(subject, EnglishAndMathsOutcome.Achieved, 2, new DateOnly(2019, 8, 22), $"{certificate} certificate, seen at enrolment", null),
                Roles.CentreAdmin, alex.Id, alex.DisplayName, now.AddDays(-119), cancellationToken);
        }

        // Her hours, mapped as she logged them and verified in batches by her line manager and her assessor.
        var mayasLog = await LogAsync(db, catalogue, offTheJobRules, mayaEnrolment, mayaApprenticeship, mayaUser, MayasActivities, today, now, cancellationToken);
        await VerifyAsync(db, offTheJobRules, mayaEnrolment, [mayasLog[1], mayasLog[3], mayasLog[4]], Roles.Employer, lee, now.AddDays(-84), cancellationToken);
        await VerifyAsync(db, offTheJobRules, mayaEnrolment, [mayasLog[0], mayasLog[2], mayasLog[5]], Roles.Assessor, asha, now.AddDays(-75), cancellationToken);
        await VerifyAsync(db, offTheJobRules, mayaEnrolment, [mayasLog[6], mayasLog[7]], Roles.Assessor, asha, now.AddDays(-40), cancellationToken);
        await VerifyAsync(db, offTheJobRules, mayaEnrolment, [mayasLog[8]], Roles.Employer, lee, now.AddDays(-40), cancellationToken);
        await VerifyAsync(db, offTheJobRules, mayaEnrolment, [mayasLog[9], mayasLog[10]], Roles.Employer, lee, now.AddDays(-12), cancellationToken);

        // Her first progress review, held just before its twelve weeks were up and signed by all three: she is up to date.
        var reviewed = now.AddDays(-37);
        var progressReview = ProgressReview.Record(mayaEnrolment, new(today.AddDays(-38),
            "C3 is complete: three problem logs and a reflective account, every criterion met and signed off. Next, units F3 and F4, with the front office manager as witness.",
            "Hours are on plan: a workshop day at the centre every fortnight, with shadowing and mentoring at the hotel in between. The workshop days are booked to the end of the year.",
            "Handling complaints (K6) and finding out what a guest needs (S1) are shown in the problem logs. Her line manager sees her acting on feedback (B4) and planning her work at busy times (S6). Not yet evidenced: customer feedback (K4, S5).",
            false, null, false, null,
            "Gather guest feedback and suggest one improvement to the service (S5); start unit F3; map the customer feedback workshop to K4 once it is held."),
            asha.Id, asha.DisplayName, reviewed);
        db.ProgressReviews.Add(progressReview);
        db.Sign(progressReview, Roles.Assessor, asha.Id, asha.DisplayName, reviewed);
        await KsbMappingQueries.AddAsync(db, catalogue, mayaEnrolment, KsbRecords.Of(progressReview, maya.Id), ["B4"], Roles.Assessor, asha.Id, asha.DisplayName, reviewed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (party, role, signer, at) in new[] { (ReviewParty.Assessor, Roles.Assessor, asha, reviewed), (ReviewParty.Apprentice, Roles.Candidate, mayaUser, reviewed.AddHours(2)), (ReviewParty.Employer, Roles.Employer, lee, now.AddDays(-35)) })
        {
            await ProgressReviews.SignAsync(db, db.Enrolments.Where(e => e.Id == mayaEnrolment.Id), progressReview.Id, party, role, signer.Id, signer.DisplayName, at, cancellationToken);
        }

        // Tom: two entries in three months, verified by his assessor, and one waiting for his line manager.
        var tomsLog = await LogAsync(db, catalogue, offTheJobRules, tomEnrolment, tomApprenticeship, tomUser, TomsActivities, today, now, cancellationToken);
        await VerifyAsync(db, offTheJobRules, tomEnrolment, [.. tomsLog.Take(2)], Roles.Assessor, asha, now.AddDays(-45), cancellationToken);

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

    /// <summary>An off-the-job activity the demo logs, so many days before today, and the KSBs the apprentice maps it to.</summary>
    private sealed record LoggedActivity(int DaysAgo, string Type, decimal Hours, string WhatWasLearnt, string[] Ksbs, bool InOwnTime = false);

    /// <summary>
    /// Logs the apprentice's activities as their log page does, each on its day and mapped to its KSBs (for a standard),
    /// and saves them.
    /// </summary>
    private static async Task<List<OffTheJobActivity>> LogAsync(
        AttestDbContext db, Catalogue catalogue, OffTheJobRules rules, Enrolment enrolment, Apprenticeship apprenticeship, AppUser apprentice, IEnumerable<LoggedActivity> activities,
        DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var plan = OffTheJobLog.PlanOf(rules, apprenticeship, enrolment, []);
        var logged = new List<OffTheJobActivity>();
        foreach (var activity in activities)
        {
            var (day, at) = (today.AddDays(-activity.DaysAgo), now.AddDays(-activity.DaysAgo));
            var entry = new OffTheJobEntry(day, TimeSpan.FromHours((double)activity.Hours), activity.Type, InOwnTime: activity.InOwnTime);
            var sameDay = logged.Where(a => a.Date == day).Select(a => a.Entry(verified: false));
            var row = OffTheJobActivity.Log(rules, plan, enrolment, entry, activity.WhatWasLearnt, sameDay, day, apprentice.Id, at);
            db.OffTheJobActivities.Add(row);
            if (activity.Ksbs.Length > 0)
            {
                await KsbMappingQueries.AddAsync(db, catalogue, enrolment, KsbRecords.Of(row, rules), activity.Ksbs, Roles.Candidate, apprentice.Id, apprentice.DisplayName, at, cancellationToken);
            }

            logged.Add(row);
        }

        await db.SaveChangesAsync(cancellationToken);
        return logged;
    }

    /// <summary>One signed verification of <paramref name="activities"/>, made as the assessor's or line manager's verify page makes it.</summary>
    private static async Task VerifyAsync(
        AttestDbContext db, OffTheJobRules rules, Enrolment enrolment, IEnumerable<OffTheJobActivity> activities, string role, AppUser verifier, DateTime at, CancellationToken cancellationToken)
    {
        var log = await OffTheJobLog.LoadAsync(db, rules, db.Enrolments.Where(e => e.Id == enrolment.Id), UkTime.DateOf(at), cancellationToken);
        await log!.VerifyAsync(db, [.. activities.Select(a => a.Id)], role, verifier.Id, verifier.DisplayName, at, cancellationToken);
    }
}
