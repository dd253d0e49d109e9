using System.Net;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// The assessor's records (seed 004 "Recording evidence"): each a form with its own fields, kept as evidence mapped to
/// the criteria it shows and accepted for their units, signed, and never changed by the candidate.
/// </summary>
public class AssessorRecordTests
{
    private static string New(Guid enrolmentId, string kind) => $"/Assessor/Enrolments/{enrolmentId}/Records/New?kind={kind}";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_observation_record_becomes_accepted_performance_evidence_the_candidate_cannot_change(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var assessor = await app.SignedInAsync(a.Assessor);

        var missing = await assessor.PostFormAsync(New(a.EnrolmentId, "Observation"), new() { ["Input.Venue"] = "Front desk" });
        var errors = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Enter the date of the assessment", errors, StringComparison.Ordinal);
        Assert.Contains("Describe what you saw the candidate do", errors, StringComparison.Ordinal);
        Assert.Contains("Choose the criteria this record shows", errors, StringComparison.Ordinal);

        var recorded = await assessor.PostFormAsync(New(a.EnrolmentId, "Observation"), Form(
            ("Input.OccurredOn", "2026-11-20"), ("Input.OccurredAt", "14:30"), ("Input.Venue", "Front desk, Riverside Hotel"), ("Input.Context", "RealWork"),
            ("Input.CustomerLabel", "Customer D"), ("Input.Occasions", "BusyTime"),
            ("Input.Summary", "A guest arrived to find the room not ready. The candidate listened without interrupting, repeated the problem back, and asked when the guest needed the room."),
            ("Input.Targets", "C3|1.1"), ("Input.Targets", "C3|1.2"), ("Input.Requirements", "C3|4a")));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var itemUrl = recorded.Headers.Location!.OriginalString;
        var page = await assessor.GetStringAsync(itemUrl);
        Assert.Contains("20 November 2026 at 14:30, Front desk, Riverside Hotel. Recorded by assessor A.", page, StringComparison.Ordinal);
        Assert.Contains("Signed by assessor A (assessor)", page, StringComparison.Ordinal);
        var unit = await assessor.GetStringAsync(Assess.UnitUrl(a.EnrolmentId, "C3"));
        Assert.Contains("E002 (direct observation by the assessor)", unit, StringComparison.Ordinal);

        var itemId = Guid.Parse(itemUrl.Split('/')[^1]);
        var candidate = await app.SignedInAsync(a.Candidate);
        Assert.Contains("repeated the problem back", await candidate.GetStringAsync($"/Candidate/Evidence/{itemId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.GetAsync($"/Candidate/Evidence/{itemId}/Edit")).StatusCode);
        var remap = await candidate.PostFormAsync($"/Candidate/Evidence/{itemId}", new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = $"{a.EnrolmentId:N}|C3|2.1" });
        Assert.Contains("is mapped by your assessor, not by you", await remap.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = app.Db(a.Id);
        var item = await db.EvidenceItems.SingleAsync(i => i.Id == itemId);
        Assert.Equal((EvidenceKind.Observation, "E002", "Customer D", Occasions.BusyTime), (item.Kind, item.Reference, item.CustomerLabel, item.Occasions));
        Assert.Equal(["1.1", "1.2"], await db.EvidenceMappings.Where(m => m.EvidenceItemId == itemId).Select(m => m.CriterionRef).OrderBy(r => r).ToListAsync());
        var acceptance = await db.EvidenceAcceptances.SingleAsync(x => x.EvidenceItemId == itemId);
        Assert.Equal((true, EvidenceMethod.DirectObservation, "1.1,1.2", "4a"), (acceptance.Accepted, acceptance.Method, acceptance.Criteria, acceptance.Requirements));
        Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Questioning_records_every_question_with_its_answer(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var assessor = await app.SignedInAsync(a.Assessor);
        var common = new List<(string, string)> { ("Input.OccurredOn", "2026-11-21"), ("Input.Venue", "Training room"), ("Input.Summary", "Knows how to defuse and negotiate."), ("Input.Targets", "C3|4.2") };

        var unanswered = await assessor.PostFormAsync(New(a.EnrolmentId, "Questioning"), Form([.. common, ("Input.Questions[0]", "How do you calm an angry customer?"), ("Input.Answers[0]", "")]));
        Assert.Contains("Record each question with the candidate&#x27;s answer, so the assessment can be verified", await unanswered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var recorded = await assessor.PostFormAsync(New(a.EnrolmentId, "Questioning"), Form([.. common,
            ("Input.Questions[0]", "How do you calm an angry customer?"), ("Input.Answers[0]", "Let them finish, use their name, say what I can do and by when."),
            ("Input.Questions[1]", "What would make the problem worse?"), ("Input.Answers[1]", "Arguing, blaming colleagues, or promising what I cannot deliver.")]));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using var db = app.Db(a.Id);
        var record = await db.AssessorRecords.SingleAsync();
        Assert.Equal([new QuestionAndAnswer("How do you calm an angry customer?", "Let them finish, use their name, say what I can do and by when."), new QuestionAndAnswer("What would make the problem worse?", "Arguing, blaming colleagues, or promising what I cannot deliver.")], record.QuestionList);
        Assert.Equal(EvidenceMethod.Questioning, (await db.EvidenceAcceptances.SingleAsync()).Method);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_professional_discussion_needs_an_agreed_plan_and_points_to_parts_of_its_recording(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        var assessor = await app.SignedInAsync(a.Assessor);
        var recordingId = await AddRecordingAsync(app, a, "E009", seconds: 1500);
        List<(string, string)> Discussion(params (string, string)[] more) =>
            [("Input.OccurredOn", "2026-11-25"), ("Input.Venue", "Meeting room 2"), ("Input.Summary", "The candidate explained how she negotiated a partial refund."), ("Input.Targets", "C3|4.3"), .. more];

        var unplanned = await assessor.PostFormAsync(New(a.EnrolmentId, "ProfessionalDiscussion"), Form([.. Discussion()]));
        Assert.Contains("Choose the documented plan of this discussion: a professional discussion must be planned in advance", await unplanned.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var planned = await assessor.PostFormAsync($"/Planning/Enrolments/{a.EnrolmentId}/Write?kind=DiscussionPlan", Form(("Input.Units", "C3"), ("Input.PlannedOn", "2026-11-25"),
            ("Input.Venue", "Meeting room 2"), ("Input.Activities", "Negotiating with customers (C3 4.3); the limits of what you can offer (4.4)."), ("Input.Evidence", "Your notes of the refund case."), ("Input.NextReviewOn", "2026-12-15")));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var notAgreed = await assessor.PostFormAsync(New(a.EnrolmentId, "ProfessionalDiscussion"), Form([.. Discussion(("Input.PlanNumber", "2"))]));
        Assert.Contains("Professional discussion plan 2 is not yet agreed by the candidate", await notAgreed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var candidate = await app.SignedInAsync(a.Candidate);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/Planning/Enrolments/{a.EnrolmentId}/Plans/2", new() { ["Agreed"] = "true" })).StatusCode);

        var pastTheEnd = await assessor.PostFormAsync(New(a.EnrolmentId, "ProfessionalDiscussion"), Form([.. Discussion(("Input.PlanNumber", "2"),
            ("Input.PartReferences[0]", "E009"), ("Input.PartTimings[0]", "20:00-30:00"), ("Input.PartTopics[0]", "Negotiation"))]));
        Assert.Contains("E009:", await pastTheEnd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recorded = await assessor.PostFormAsync(New(a.EnrolmentId, "ProfessionalDiscussion"), Form([.. Discussion(("Input.PlanNumber", "2"),
            ("Input.PartReferences[0]", "E009"), ("Input.PartTimings[0]", "0:00-12:30"), ("Input.PartTopics[0]", "Negotiating the refund"),
            ("Input.PartReferences[1]", "E009"), ("Input.PartTimings[1]", "12:30-25:00"), ("Input.PartTopics[1]", "What she could not offer"))]));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using var db = app.Db(a.Id);
        var record = await db.AssessorRecords.SingleAsync();
        Assert.Equal(2, record.PlanNumber);
        Assert.Equal([new RecordingPart("E009", "00:00-12:30", "Negotiating the refund"), new RecordingPart("E009", "12:30-25:00", "What she could not offer")], record.RecordingPartList);
        Assert.Contains("Recording E009 at 00:00-12:30: Negotiating the refund", (await db.EvidenceItems.SingleAsync(i => i.Id == record.EvidenceItemId)).Body, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, recordingId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_assigned_assessor_records_assessments(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;
        foreach (var (user, expected) in new[] { (a.OtherAssessor, HttpStatusCode.NotFound), (app.B.Assessor, HttpStatusCode.NotFound), (a.Candidate, HttpStatusCode.Forbidden), (a.Iqa, HttpStatusCode.Forbidden) })
        {
            var client = await app.SignedInAsync(user);
            Assert.True((await client.GetAsync(New(a.EnrolmentId, "Observation"))).StatusCode == expected, user);
            var post = await client.PostFormAsync(New(a.EnrolmentId, "ProductExamination"), new()
            {
                ["Input.OccurredOn"] = "2026-11-20", ["Input.Venue"] = "x", ["Input.Summary"] = "x", ["Input.Targets"] = "C3|1.1", ["Input.Examined"] = "E001",
            }, tokenFrom: "/Catalogue");
            Assert.True(post.StatusCode == expected, $"{user}: {(int)post.StatusCode}");
        }

        var assessor = await app.SignedInAsync(a.Assessor);
        var noItems = await assessor.PostFormAsync(New(a.EnrolmentId, "ProductExamination"), new() { ["Input.OccurredOn"] = "2026-11-20", ["Input.Venue"] = "Office", ["Input.Summary"] = "Letters checked.", ["Input.Targets"] = "C3|3.4" });
        Assert.Contains("Choose the work products you examined", await noItems.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Db(a.Id);
        Assert.Empty(await db.AssessorRecords.ToListAsync());
    }

    internal static async Task<Guid> AddRecordingAsync(AttestFactory app, SeededCentre centre, string reference, double seconds)
    {
        await using var db = app.Db(centre.Id);
        var item = new EvidenceItem
        {
            CentreId = centre.Id, CandidateId = centre.CandidateId, Reference = reference, Title = "Discussion recording", OriginalFileName = "discussion.m4a",
            ContentType = "audio/mp4", DurationSeconds = seconds, UploadedAt = DateTime.SpecifyKind(new DateTime(2026, 11, 25, 10, 0, 0), DateTimeKind.Utc),
        };
        db.EvidenceItems.Add(item);
        await EvidenceNumbering.MovePastAsync(db, centre.CandidateId, [reference]);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) => [.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value))];
}
