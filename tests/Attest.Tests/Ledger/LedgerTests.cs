using System.Globalization;
using System.Net;
using Attest.Cli;
using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Certification;
using Attest.Core.Ledger;
using Attest.Tests.Data;
using Attest.Tests.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Attest.Tests.Ledger;

/// <summary>
/// The decision ledger on real databases (security.md tests 14-16): the database refuses to change signed rows, a
/// superuser's tampering is named by <c>attest ledger verify</c> and shown on the page, and concurrent signing
/// keeps one chain and one decision.
/// </summary>
public class LedgerTests
{
    private const string Feedback = "C3 1.2: you offered a fix before asking the customer what had gone wrong, so the log does not show you checking your understanding.";

    private const string Justification = "Observed at the counter: the candidate did not ask the customer what had gone wrong.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_database_refuses_to_change_or_remove_any_append_only_row(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        await SignOneOfEachAsync(app);
        await using var db = app.Db(app.A.Id);
        var tables = db.Model.GetEntityTypes().Where(t => typeof(IAppendOnly).IsAssignableFrom(t.ClrType)).Select(t => t.GetTableName()!).ToList();
        Assert.Contains("LedgerEntries", tables);

        foreach (var table in tables)
        {
            var rows = await CountAsync(db, table);
            Assert.True(rows > 0, $"{table} has no row, so this test proves nothing about it: sign one in SignOneOfEachAsync.");
            var update = await Record.ExceptionAsync(() => RawAsync(db, "UPDATE \"" + table + "\" SET \"CentreId\" = \"CentreId\""));
            var delete = await Record.ExceptionAsync(() => RawAsync(db, "DELETE FROM \"" + table + "\""));
            Assert.True(update is not null, $"UPDATE of {table} was allowed");
            Assert.True(delete is not null, $"DELETE from {table} was allowed");
            Assert.Contains("append-only", update.Message + update.InnerException?.Message, StringComparison.Ordinal);
            Assert.Equal(rows, await CountAsync(db, table));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_superusers_change_to_a_signed_decision_is_named_by_verify_and_shown_on_the_page(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        await DecideAsync(assessor, app, "1.2", "NotYetMet");
        var unitPage = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Units/C3";
        Assert.Contains("Signed by assessor A (assessor)", await assessor.GetStringAsync(unitPage), StringComparison.Ordinal);
        var (intact, intactOutput) = await app.CliAsync("ledger", "verify", "--centre", "20001");
        Assert.Equal(0, intact);
        Assert.Contains("Centre 20001 Centre A: 2 entries, chain intact", intactOutput, StringComparison.Ordinal);

        await AsSuperuserAsync(app.Database, "UPDATE \"CriterionDecisions\" SET \"Outcome\" = 'Met' WHERE \"CriterionRef\" = '1.2'");

        var (broken, brokenOutput) = await app.CliAsync("ledger", "verify", "--centre", "20001");
        Assert.Equal(1, broken);
        Assert.Contains("Centre 20001 Centre A: BROKEN at entry 2 (criterion-decision signed by assessor A as Assessor", brokenOutput, StringComparison.Ordinal);
        Assert.Contains("was changed after signing", brokenOutput, StringComparison.Ordinal);
        var page = await assessor.GetStringAsync(unitPage);
        Assert.Contains("Changed after signing", page, StringComparison.Ordinal);
        Assert.Contains("outcome: NotYetMet", page, StringComparison.Ordinal);
        Assert.Contains("Changed after signing", await (await app.SignedInAsync(app.A.Candidate)).GetStringAsync($"/Candidate/Enrolments/{app.A.EnrolmentId}/Units/C3"), StringComparison.Ordinal);

        // Put the decision back: the chain verifies again. Then edit the ledger entry itself.
        await AsSuperuserAsync(app.Database, "UPDATE \"CriterionDecisions\" SET \"Outcome\" = 'NotYetMet' WHERE \"CriterionRef\" = '1.2'");
        Assert.Equal(0, (await app.CliAsync("ledger", "verify", "--centre", "20001")).Exit);
        await AsSuperuserAsync(app.Database, "UPDATE \"LedgerEntries\" SET \"SignerName\" = 'Someone Else' WHERE \"Kind\" = 'criterion-decision'");
        var (edited, editedOutput) = await app.CliAsync("ledger", "verify", "--centre", "20001");
        Assert.Equal(1, edited);
        Assert.Contains("entry 2 (criterion-decision signed by Someone Else as Assessor", editedOutput, StringComparison.Ordinal);
        Assert.Contains("its fields no longer match its hash", editedOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Of_fifty_simultaneous_decisions_on_one_criterion_exactly_one_is_kept_and_the_rest_get_409(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var url = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Units/C3";
        var token = await assessor.AntiforgeryTokenAsync(url);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => assessor.PostAsync(url, new FormUrlEncodedContent(
            new Dictionary<string, string>(Assess.DecisionFields([new("1.2", "NotYetMet", $"{Justification} (click {i})", Feedback)])) { ["__RequestVerificationToken"] = token }))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Contains("Someone else saved first", await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.CriterionDecisions.CountAsync());
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == CriterionDecision.Kind));
        Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decisions_signed_at_the_same_moment_on_different_criteria_all_join_one_unbroken_chain(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        var url = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Units/C3";
        var token = await assessor.AntiforgeryTokenAsync(url);
        string[] criteria = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5"];

        var responses = await Task.WhenAll(criteria.Select(c => assessor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(Assess.DecisionFields(
            [new(c, "NotYetMet", Justification, $"Criterion {c}: none of the evidence so far shows this; we agreed to look for it at your next observation at the counter.")]))
        {
            ["__RequestVerificationToken"] = token,
        }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var db = app.Db(app.A.Id);
        // After the seeded learning contract's entry 1: ten decisions, entries 2-11, with no gap and no fork.
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), await db.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(10, await db.LedgerEntries.CountAsync(e => e.Kind == CriterionDecision.Kind));
        Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
    }

    /// <summary>
    /// Issue 13: the content hash of a declared item formatted its activity dates with the server's culture, so the same data read
    /// on a server running in another language showed declared items as "Changed since declared" and their judgements stopped counting.
    /// Everything is signed and declared under one culture and checked under another: the ledger, the declaration and the pages agree.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task What_is_signed_and_declared_under_one_language_verifies_under_another(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        app.Server.PreserveExecutionContext = true; // so the culture set here reaches the app's requests
        var candidate = await app.SignedInAsync(app.A.Candidate);
        using (InCulture("en-US"))
        {
            await SignOneOfEachAsync(app);
            Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/Evidence/Add?kind=ReflectiveAccount", new()
            {
                ["Input.Title"] = "Lunchtime rush at the desk", ["Input.Body"] = "Customer A arrived during the lunchtime rush; I apologised and checked the booking.",
                ["Input.ActivityFrom"] = "2026-10-01", ["Input.ActivityTo"] = "2026-10-02", ["Input.Context"] = "RealWork", ["Input.Occasions"] = "BusyTime",
            })).StatusCode);
            await using var db = app.Db(app.A.Id);
            var written = await db.EvidenceItems.SingleAsync(i => i.CandidateId == app.A.CandidateId && i.Title == "Lunchtime rush at the desk");
            Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/Declaration", new() { ["Selected"] = written.Id.ToString(), ["Confirmed"] = "true" })).StatusCode);
        }

        foreach (var culture in new[] { "en-GB", "de-DE", "en-US" })
        {
            using (InCulture(culture))
            {
                var (exit, output) = await app.CliAsync("ledger", "verify", "--centre", "20001");
                Assert.True(exit == 0, $"{culture}: {output}");
                var evidence = await candidate.GetStringAsync("/Candidate/Evidence");
                Assert.DoesNotContain("Changed since declared", evidence, StringComparison.Ordinal);
                Assert.Contains("Declared", evidence, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Sets the culture of this test's flow (it flows into the in-process server's requests and the CLI) until disposed.</summary>
    private static Restore InCulture(string name)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        return new Restore(() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui));
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>A decision, a judgement of evidence, an observation record, a mapping withdrawal, a witness testimony, a unit decision and a declaration (plans are seeded), so every append-only table has a row.</summary>
    private static async Task SignOneOfEachAsync(AttestFactory app)
    {
        var assessor = await app.SignedInAsync(app.A.Assessor);
        await DecideAsync(assessor, app, "1.2", "NotYetMet");
        var iqa = await app.SignedInAsync(app.A.Iqa);
        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync($"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3", new()
        {
            ["Input.Findings[0].CriterionRef"] = "1.2", ["Input.Findings[0].Agrees"] = "true", ["Input.AcceptFeedbackWarnings"] = "true",
            ["Input.Feedback"] = "C3 1.2: not yet met is right; E001 shows no monitoring of the problem.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync("/Iqa/Standardisation", new()
        {
            ["Input.HeldOn"] = "2026-11-20", ["Input.QualificationCode"] = "03456", ["Input.Units"] = "C3", ["Input.Participants"] = "assessor A, iqa A",
            ["Input.Compared"] = "E001 against C3 1.2.", ["Input.Outcome"] = "Agreed.",
        })).StatusCode);
        Guid assessorId;
        await using (var users = app.Db(app.A.Id))
        {
            assessorId = (await users.Users.SingleAsync(u => u.Email == app.A.Assessor)).Id;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await iqa.PostFormAsync("/Iqa/Observations", new()
        {
            ["Input.ObservedOn"] = "2026-11-20", ["Input.AssessorId"] = assessorId.ToString(), ["Input.Activity"] = "A discussion with Cara on C3.", ["Input.Strengths"] = "Open questions.",
            ["Input.Outcome"] = "Satisfactory",
        })).StatusCode);
        var admin = await app.SignedInAsync(app.A.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Enrolments/{app.A.GradedEnrolmentId}/Status", new()
        {
            ["Input.Act"] = "BreakStarted", ["Input.On"] = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Input.Reason"] = "Long-term illness.",
        })).StatusCode);
        // A learner registered and never enrolled has nothing to keep, so can be erased at once.
        var neverEnrolled = new Candidate { CentreId = app.A.Id, GivenName = "Noor", FamilyName = "Haddad", Uln = Uln.Temporary, DateOfBirth = new DateOnly(2005, 5, 5), CreatedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        await using (var db = app.Db(app.A.Id))
        {
            db.Candidates.Add(neverEnrolled);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Candidates/{neverEnrolled.Id}/Erase", new()
        {
            ["RequestedOn"] = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Reason"] = "Letter to the centre.",
        })).StatusCode);
        // The centre's own version of a specification.
        Assert.Equal(HttpStatusCode.Redirect, (await SpecificationVersionTests.UploadAsync(admin, "03456-with-c4.yaml", SpecificationVersionTests.WithC4("Test wording: a criterion"), null)).StatusCode);
        var candidate = await app.SignedInAsync(app.A.Candidate);
        await EvidenceJudgementTests.MapAsync(candidate, app.A.EvidenceId, app.A.EnrolmentId, "C3", "1.1");
        await Assess.AcceptAsync(assessor, app.A.EnrolmentId, "C3", app.A.EvidenceId, ["1.1"], method: "WorkProduct");
        var record = await assessor.PostFormAsync($"/Assessor/Enrolments/{app.A.EnrolmentId}/Records/New?kind=Observation", new()
        {
            ["Input.OccurredOn"] = "2026-11-20", ["Input.Venue"] = "Front desk", ["Input.Summary"] = "Listened to the complaint and repeated it back.", ["Input.Targets"] = "C3|1.1",
        });
        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        Guid mapping;
        await using (var db = app.Db(app.A.Id))
        {
            mapping = await db.EvidenceMappings.Where(m => m.EvidenceItemId == app.A.EvidenceId && m.CriterionRef == "1.1").Select(m => m.Id).SingleAsync();
        }

        var evidence = $"/Evidence/{app.A.EvidenceId}";
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"{evidence}?handler=Withdraw&mappingId={mapping}", new() { ["Reason"] = "E001 shows the complaint, not the customer's expectations." }, tokenFrom: evidence)).StatusCode);
        using var witness = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await witness.PostFormAsync($"/Witness/{app.A.WitnessToken}", new()
        {
            ["Input.CandidateName"] = "Cara", ["Input.ActivityDate"] = "2026-11-20", ["Input.ActivityTime"] = "10:00", ["Input.Venue"] = "Desk",
            ["Input.Description"] = "She took the complaint, rang the kitchen, and told the guest when the meal would come; he thanked her.", ["Input.WrittenOn"] = "2026-11-21",
            ["Input.Relationship"] = "Manager", ["Input.SignatureName"] = "Wendy", ["Input.JobTitle"] = "Manager", ["Input.Contact"] = "01632 960123",
        })).StatusCode);
        await AddGradedAttemptAsync(app);
        await AddGatewayRecordsAsync(app);
        await ReportAsEqaAsync(app);
        var unit = Assess.UnitUrl(app.A.EnrolmentId, "C3");
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync(unit + "?handler=NotYetCompetent", new() { ["SignOff.Actions"] = "Collect problem types a-e." }, tokenFrom: unit)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/Declaration", new() { ["Selected"] = app.A.EvidenceId.ToString(), ["Confirmed"] = "true" })).StatusCode);
        // Two off-the-job activities logged today: one taken out by the apprentice, the other verified by the assessor.
        var today = Core.UkTime.DateOf(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var type in new[] { "teaching", "mentoring" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/OffTheJob", new()
            {
                ["Input.Date"] = today, ["Input.Duration"] = "1", ["Input.ActivityType"] = type, ["Input.WhatWasLearnt"] = "Handling a complaint.",
            })).StatusCode);
        }

        List<Guid> activities;
        await using (var db = app.Db(app.A.Id))
        {
            activities = await db.OffTheJobActivities.OrderBy(a => a.ActivityType).Select(a => a.Id).ToListAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/Candidate/OffTheJob?handler=Withdraw", new() { ["activityId"] = activities[0].ToString(), ["reason"] = "Logged twice." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"/Assessor/Enrolments/{app.A.EnrolmentId}/OffTheJob", new() { ["Ticked"] = activities[1].ToString() })).StatusCode);

        // A progress review, recorded with the assessor's signature.
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.PostFormAsync($"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews",
            ProgressReviewTests.Review(DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).StatusCode);

        // E001 mapped to a KSB of the apprenticeship's standard, and the mapping taken back.
        var candidateEvidence = $"/Candidate/Evidence/{app.A.EvidenceId}";
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(candidateEvidence + "?handler=Ksbs",
            new() { ["KsbForm.EnrolmentId"] = app.A.EnrolmentId.ToString(), ["KsbForm.Ksbs"] = "K1" }, tokenFrom: candidateEvidence)).StatusCode);
        Guid ksbMapping;
        await using (var db = app.Db(app.A.Id))
        {
            ksbMapping = await db.RecordKsbMappings.Select(m => m.Id).SingleAsync();
        }

        var coverage = $"/Tracking/Enrolments/{app.A.EnrolmentId}/Ksbs";
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"{coverage}?handler=Withdraw&mappingId={ksbMapping}", new() { ["Reason"] = "Mapped in error." }, tokenFrom: coverage)).StatusCode);
    }

    /// <summary>An EQA visit open now, and the EQA's report of it (their requests are logged on the way).</summary>
    private static async Task ReportAsEqaAsync(AttestFactory app)
    {
        Guid visitId;
        await using (var db = app.Db(app.A.Id))
        {
            var eqaId = (await db.Users.SingleAsync(u => u.Email == app.A.Eqa)).Id;
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var visit = Core.Quality.EqaVisit.Create(app.A.Id, "OCR EV", eqaId, "eqa A", now.AddHours(-1), now.AddHours(1), eqaId, now);
            db.EqaVisits.Add(visit);
            await db.SaveChangesAsync();
            visitId = visit.Id;
        }

        var eqa = await app.SignedInAsync(app.A.Eqa);
        var url = $"/Eqa/Visits/{visitId}";
        Assert.Equal(HttpStatusCode.Redirect, (await eqa.PostFormAsync(url + "?handler=Report", new() { ["Input.Findings"] = "Sound.", ["Input.Sanction"] = "None" }, tokenFrom: url)).StatusCode);
    }

    /// <summary>An English record and the employer's gateway signature, made by the domain directly (GatewayTests cover the pages).</summary>
    private static async Task AddGatewayRecordsAsync(AttestFactory app)
    {
        await using var db = app.Db(app.A.Id);
        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == app.A.EnrolmentId);
        var admin = await db.Users.SingleAsync(u => u.Email == app.A.Admin);
        var lineManager = await db.Users.SingleAsync(u => u.Email == app.A.Employer);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var english = Core.Apprenticeships.EnglishAndMathsRecord.Record(enrolment, new(Core.Apprenticeships.EnglishAndMathsSubject.English, Core.Apprenticeships.EnglishAndMathsOutcome.Exempt, null, null, null, "Holds A level English"), admin.Id, admin.DisplayName, now);
        var standard = ShippedCatalogue.Catalogue.FindStandard("SAMPLE-CS3")!;
        var readiness = Core.Qualifications.GatewayReadiness.Evaluate(standard, new([], Core.Qualifications.KsbCoverage.Of(standard, []), new(0, 280), [english], EmployerAgreed: false));
        var signature = Core.Apprenticeships.GatewaySignature.Sign(enrolment, standard, readiness, [], Core.Apprenticeships.GatewayParty.Employer, lineManager.Id, lineManager.DisplayName, now);
        db.AddRange(english, signature);
        db.Sign(english, Roles.CentreAdmin, admin.Id, admin.DisplayName, now);
        db.Sign(signature, Roles.Employer, lineManager.Id, lineManager.DisplayName, now);
        await db.SaveChangesAsync();
    }

    /// <summary>A graded attempt, its assessment, sign-off and certification claim, made by the domain directly (GradedUnitTests and ClaimTests cover the pages).</summary>
    private static async Task AddGradedAttemptAsync(AttestFactory app)
    {
        await using var db = app.Db(app.A.Id);
        var enrolment = await db.Enrolments.Include(e => e.Units).SingleAsync(e => e.Id == app.A.GradedEnrolmentId);
        var unit = ShippedCatalogue.Unit7;
        var item = await db.EvidenceItems.SingleAsync(i => i.Id == app.A.EvidenceId);
        var now = DateTime.SpecifyKind(new DateTime(2026, 11, 26, 10, 0, 0), DateTimeKind.Utc);
        var submission = GradedSubmission.Submit(enrolment, unit, [], [], 1, [item], declared: true, Guid.NewGuid(), now);
        var assessment = GradedAssessment.Assess(enrolment, unit, submission, [], unit.Criteria.ToDictionary(c => c.Ref, _ => Core.Qualifications.CriterionStatus.Met),
            "All criteria shown in E001.", reworkAllowed: false, reworkLimit: 1, enrolment.AssessorId!.Value, "assessor A", [], now);
        var signOff = UnitSignOff.SignGraded(enrolment, unit, [], assessment, Guid.NewGuid());
        var candidate = await db.Candidates.SingleAsync(c => c.Id == enrolment.CandidateId);
        candidate.Uln = "1000000004"; // seeded with the temporary ULN, on which nothing is claimed
        var claimability = Claimability.Evaluate(ShippedCatalogue.CambridgeTechnical, ClaimSubject.From(enrolment, candidate),
            [new UnitRecord(unit.Code, new UnitAchievement(signOff.Id, signOff.SignedAt, signOff.Grade, Countersigned: true), [])], [], DateOnly.FromDateTime(now));
        var admin = await db.Users.SingleAsync(u => u.Email == app.A.Admin);
        var claim = CertificationClaim.Make(claimability, ClaimScope.Unit, [unit.Code], admin.Id, admin.DisplayName, now);
        db.AddRange(submission, assessment, signOff, claim);
        await db.SaveChangesAsync();
    }

    private static async Task DecideAsync(HttpClient assessor, AttestFactory app, string criterion, string outcome)
    {
        var response = await Assess.DecideAsync(assessor, app.A.EnrolmentId, "C3", criterion, outcome, Justification, Feedback);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>
    /// What someone with full control of the database can do: on PostgreSQL a superuser turns triggers off for the
    /// session; on SQLite whoever holds the file drops the triggers. The app's own connection can do neither.
    /// </summary>
    internal static async Task AsSuperuserAsync(TestDatabase database, string sql)
    {
        await using var db = database.Context(NoCentre.Instance);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await RawAsync(db, "SET session_replication_role = replica; " + sql + "; SET session_replication_role = origin;");
            return;
        }

        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync();
        foreach (var trigger in triggers)
        {
            await RawAsync(db, "DROP TRIGGER \"" + trigger + "\"");
        }

        await RawAsync(db, sql);
    }

    private static async Task<int> CountAsync(AttestDbContext db, string table)
    {
        var sql = "SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"" + table + "\"";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }

    /// <summary>Table names here come from the model, never from input.</summary>
    private static Task<int> RawAsync(AttestDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql);
}
