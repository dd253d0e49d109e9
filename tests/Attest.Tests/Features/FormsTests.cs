using AngleSharp.Html.Parser;
using Attest.Core.Data;
using Attest.Tests.Data;

namespace Attest.Tests.Features;

/// <summary>
/// Every form that posts carries its antiforgery token (security.md test 10): a form whose token is missing is refused
/// with 400 for a real user, even though a test that borrows another form's token would not notice.
/// </summary>
public class FormsTests
{
    [Fact]
    public async Task Every_form_that_posts_on_the_assessment_pages_carries_an_antiforgery_token()
    {
        using var app = await new AttestFactory(DatabaseProvider.Sqlite).SeedAsync();
        var a = app.A;
        await EvidenceJudgementTests.MapAsync(await app.SignedInAsync(a.Candidate), a.EvidenceId, a.EnrolmentId, "C3", "1.1");
        var import = new Core.Centres.CandidateImport
        {
            CentreId = a.Id, FileName = "mis.csv", Content = "Forename,Surname,DOB,ULN\r\nAnn,Lee,01/02/2003,1234567805\r\n"u8.ToArray(), UploadedBy = Guid.NewGuid(), UploadedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        await using (var db = app.Db(a.Id))
        {
            db.CandidateImports.Add(import);
            await db.SaveChangesAsync();
        }

        var pages = new Dictionary<string, string[]>
        {
            [a.Assessor] = [Assess.UnitUrl(a.EnrolmentId, "C3"), Assess.UnitUrl(a.GradedEnrolmentId, "7"), $"/Assessor/Enrolments/{a.EnrolmentId}/Witnesses",
                $"/Assessor/Enrolments/{a.EnrolmentId}/Witnesses/{a.WitnessId}/Transcribe", $"/Assessor/Enrolments/{a.EnrolmentId}/Records/New?kind=ProfessionalDiscussion",
                $"/Planning/Enrolments/{a.EnrolmentId}/Write?kind=AssessmentPlan", "/Assessor"],
            [a.Candidate] = [$"/Candidate/Enrolments/{a.EnrolmentId}/Units/C3", "/Candidate/Witnesses", $"/Planning/Enrolments/{a.EnrolmentId}/Plans/1", "/Candidate/Declaration", $"/Candidate/Evidence/{a.EvidenceId}"],
            [a.OtherCandidate] = [$"/Candidate/Enrolments/{a.GradedEnrolmentId}/Units/7"],
            [a.Admin] = ["/Admin/Settings", "/Admin/Planning", "/Admin/Candidates/Import", $"/Admin/Candidates/Import/{import.Id}?Columns=GivenName&Columns=FamilyName&Columns=DateOfBirth&Columns=Uln"],
        };
        var parser = new HtmlParser();
        var forms = 0;
        foreach (var (user, urls) in pages)
        {
            var client = await app.SignedInAsync(user);
            foreach (var url in urls)
            {
                var document = parser.ParseDocument(await client.GetStringAsync(url));
                foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
                {
                    forms++;
                    Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null, $"{url}: a form posting to {form.GetAttribute("action")} has no antiforgery token");
                }
            }
        }

        using var witness = app.CreateClient();
        foreach (var form in parser.ParseDocument(await witness.GetStringAsync($"/Witness/{a.WitnessToken}")).QuerySelectorAll("form"))
        {
            forms++;
            Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        }

        Assert.True(forms >= 20, $"only {forms} forms were checked");
    }
}
