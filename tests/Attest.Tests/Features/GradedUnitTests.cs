using System.Net;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Unit 7 (seed 000): handed in, graded from the criteria met with feedback that names what could be improved but not
/// how, reworked "at your discretion" within the centre's limit, and the final grade signing the unit off.
/// </summary>
public class GradedUnitTests
{
    private static readonly string[] Pass = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"];
    private static readonly string[] Merit = ["M1", "M2", "M3", "M4"];
    private static readonly string[] Distinction = ["D1", "D2"];
    private const string Feedback = "P8: your review in E001 describes what happened at the desk; M4 is not yet shown, as there is no schedule of learning activities.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rework_is_allowed_at_the_tutors_discretion_recorded_and_limited_and_the_final_grade_signs_the_unit_off(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (learner, assessor) = await PrepareAsync(app);
        var learnerUnit = $"/Candidate/Enrolments/{app.A.GradedEnrolmentId}/Units/7";
        var assessorUnit = Assess.UnitUrl(app.A.GradedEnrolmentId, "7");

        var undeclared = await learner.PostFormAsync(learnerUnit + "?handler=Submit", new(), tokenFrom: learnerUnit);
        Assert.Contains("Confirm that the work is your own", await undeclared.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(learner, learnerUnit)).StatusCode);
        Assert.Contains("Attempt 1 of unit 7 is waiting for your tutor to assess it.", await (await SubmitAsync(learner, learnerUnit)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Issue 5 tracking: the handed-in work is on the caseload as an item awaiting the assessor's decision, and on the learner's page.
        Assert.Contains(">Unit 7, attempt 1<span class=\"govuk-visually-hidden\"> for Otto Centrea</span></a>: work handed in on", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        Assert.Contains("Attempt 1 of unit 7 was handed in on", await learner.GetStringAsync("/Candidate"), StringComparison.Ordinal);

        var undecided = await GradeAsync(assessor, assessorUnit, Feedback, rework: true);
        Assert.Contains("Decide every criterion before grading the attempt: P1, P2", await undecided.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await DecideAsync(assessor, app, Pass, "Met");
        await DecideAsync(assessor, app, [.. Merit, .. Distinction], "NotYetMet");
        Assert.Contains("From your decisions on each criterion: <strong>Pass</strong>", await assessor.GetStringAsync(assessorUnit), StringComparison.Ordinal);

        var directing = await GradeAsync(assessor, assessorUnit, "M4: in E001 you should add a schedule of learning activities for the new receptionists to get a merit.", rework: true);
        var warned = await directing.Content.ReadAsStringAsync();
        Assert.Contains("The feedback may tell the learner how to improve (&quot;you should&quot;, &quot;add a&quot;, &quot;to get a merit&quot;)", warned, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await GradeAsync(assessor, assessorUnit, Feedback, rework: true)).StatusCode);
        Assert.Contains("Rework allowed.", await learner.GetStringAsync(learnerUnit), StringComparison.Ordinal);
        Assert.DoesNotContain("work handed in on", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal); // assessed: off the list

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(learner, learnerUnit)).StatusCode);
        await DecideAsync(assessor, app, Merit, "Met", basedOnRevision: 1);
        // Issue 13: the rework box was offered after the centre's limit was reached.
        var lastAttempt = WebUtility.HtmlDecode(await assessor.GetStringAsync(assessorUnit));
        Assert.DoesNotContain("Grade_ReworkAllowed", lastAttempt, StringComparison.Ordinal);
        Assert.Contains("Attempt 2 is the last your centre allows (1 rework of a graded unit): this grade is final and signs the unit off.", lastAttempt, StringComparison.Ordinal);
        var beyondLimit = await GradeAsync(assessor, assessorUnit, Feedback.Replace("M4 is not yet shown, as there is no schedule", "M4 is now shown by the schedule", StringComparison.Ordinal), rework: true);
        Assert.Contains("Your centre allows 1 rework of a graded unit: attempt 2 cannot be reworked again.", await beyondLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await GradeAsync(assessor, assessorUnit, "P8 and M4: E001 now reviews your performance and E002 sets out a schedule of learning activities for new receptionists.", rework: false)).StatusCode);

        var page = await learner.GetStringAsync(learnerUnit);
        Assert.Contains("Unit 7 signed off: Merit", page, StringComparison.Ordinal);
        Assert.Contains("2 (rework)", page, StringComparison.Ordinal);
        var refused = await SubmitAsync(learner, learnerUnit);
        Assert.Contains("Unit 7 was assessed as Merit and your tutor did not allow a rework: the assessment is final.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = app.Db(app.A.Id);
        Assert.Equal([false, true], await db.GradedSubmissions.OrderBy(s => s.Attempt).Select(s => s.Attempt > 1).ToListAsync());
        var assessments = await db.GradedAssessments.OrderBy(a => a.Attempt).ToListAsync();
        Assert.Equal([(UnitGrade.Pass, true), (UnitGrade.Merit, false)], assessments.Select(a => (a.Grade, a.ReworkAllowed)));
        var signOff = await db.UnitSignOffs.SingleAsync(s => s.EnrolmentId == app.A.GradedEnrolmentId);
        Assert.Equal((UnitOutcome.Competent, "Merit"), (signOff.Outcome, signOff.Grade));
        Assert.True((await LedgerVerifier.VerifyAsync(db, default)).Intact);
        Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.Kind == GradedSubmission.Kind));
        Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.Kind == GradedAssessment.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_centre_that_allows_no_rework_makes_the_first_grade_final(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var admin = await app.SignedInAsync(app.A.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Settings", new() { ["FeedbackMinWords"] = "15", ["RetentionYears"] = "3", ["ReworkLimit"] = "0" })).StatusCode);
        var (learner, assessor) = await PrepareAsync(app);
        var learnerUnit = $"/Candidate/Enrolments/{app.A.GradedEnrolmentId}/Units/7";
        var assessorUnit = Assess.UnitUrl(app.A.GradedEnrolmentId, "7");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(learner, learnerUnit)).StatusCode);
        await DecideAsync(assessor, app, [.. Pass.Where(p => p != "P7")], "Met");
        await DecideAsync(assessor, app, ["P7", .. Merit, .. Distinction], "NotYetMet");

        var refused = await GradeAsync(assessor, assessorUnit, Feedback, rework: true);
        Assert.Contains("Your centre allows 0 reworks of a graded unit: attempt 1 cannot be reworked again.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await GradeAsync(assessor, assessorUnit, Feedback, rework: false)).StatusCode);

        var page = await learner.GetStringAsync(learnerUnit);
        Assert.Contains("<strong>Unclassified</strong>", page, StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.Equal((UnitOutcome.NotYetCompetent, "Unclassified"), await db.UnitSignOffs.Select(s => new ValueTuple<UnitOutcome, string?>(s.Outcome, s.Grade)).SingleAsync());
    }

    /// <summary>Unit 7 of centre A's graded enrolment handed in by the learner, waiting for the tutor's grade.</summary>
    internal static async Task<(HttpClient Learner, HttpClient Assessor)> HandInAsync(AttestFactory app)
    {
        var (learner, assessor) = await PrepareAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(learner, $"/Candidate/Enrolments/{app.A.GradedEnrolmentId}/Units/7")).StatusCode);
        return (learner, assessor);
    }

    /// <summary>Unit 7 of centre A's graded enrolment, every criterion met, graded Distinction with no rework and countersigned by the learner.</summary>
    internal static async Task SignOffWithDistinctionAsync(AttestFactory app)
    {
        var (learner, assessor) = await HandInAsync(app);
        var learnerUnit = $"/Candidate/Enrolments/{app.A.GradedEnrolmentId}/Units/7";
        var assessorUnit = Assess.UnitUrl(app.A.GradedEnrolmentId, "7");
        await DecideAsync(assessor, app, [.. Pass, .. Merit, .. Distinction], "Met");
        Assert.Equal(HttpStatusCode.Redirect, (await GradeAsync(assessor, assessorUnit, Feedback, rework: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.PostFormAsync(learnerUnit + "?handler=Countersign", new() { ["Countersign.Confirmed"] = "true" }, tokenFrom: learnerUnit)).StatusCode);
    }

    /// <summary>The learner's guide, mapped to every criterion of Unit 7 and accepted for them by the tutor.</summary>
    private static async Task<(HttpClient Learner, HttpClient Assessor)> PrepareAsync(AttestFactory app)
    {
        var learner = await app.SignedInAsync(app.A.OtherCandidate);
        var upload = await JourneyTests.PostFileAsync(learner, "/Candidate/Evidence/Add?kind=UploadedFile", "guide.pdf", "%PDF-1.4 guide and review"u8.ToArray(), ("Input.Title", "Information guide and review"));
        var itemId = Guid.Parse(upload.Headers.Location!.OriginalString.Split('/')[^1]);
        string[] all = [.. Pass, .. Merit, .. Distinction];
        foreach (var c in all)
        {
            await EvidenceJudgementTests.MapAsync(learner, itemId, app.A.GradedEnrolmentId, "7", c);
        }

        var assessor = await app.SignedInAsync(app.A.Assessor);
        await Assess.AcceptAsync(assessor, app.A.GradedEnrolmentId, "7", itemId, all, method: "WorkProduct");
        return (learner, assessor);
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient learner, string unit) =>
        learner.PostFormAsync(unit + "?handler=Submit", new() { ["Declared"] = "true" }, tokenFrom: unit);

    private static Task<HttpResponseMessage> GradeAsync(HttpClient assessor, string unit, string feedback, bool rework)
    {
        var fields = new Dictionary<string, string> { ["Grade.Feedback"] = feedback };
        if (rework)
        {
            fields["Grade.ReworkAllowed"] = "true";
        }

        return assessor.PostFormAsync(unit + "?handler=Grade", fields, tokenFrom: unit);
    }

    private static async Task DecideAsync(HttpClient assessor, AttestFactory app, IEnumerable<string> criteria, string outcome, int basedOnRevision = 0)
    {
        foreach (var c in criteria)
        {
            var response = await Assess.DecideAsync(assessor, app.A.GradedEnrolmentId, "7", c, outcome, $"{c} judged on E001, the guide and review.",
                $"{c}: {(outcome == "Met" ? "shown" : "not yet shown")} in E001, the information guide and the review of your own performance at the desk.", basedOnRevision);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{c}: {(int)response.StatusCode}");
        }
    }
}
