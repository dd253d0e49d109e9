using System.Globalization;
using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>Issue 17, item 3: "overdue reviews on the caseload and the dashboard"; a break in learning stops the schedule; review pages are for apprenticeships only.</summary>
public class OverdueReviewTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Overdue_reviews_are_counted_and_filtered_on_the_caseload_and_listed_from_the_dashboard_and_a_break_stops_the_schedule(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        using var admin = await app.SignedInAsync(app.A.Admin);
        using var assessor = await app.SignedInAsync(app.A.Assessor);
        Assert.DoesNotContain("reviews-overdue", await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        Assert.DoesNotContain("reviews-overdue", await admin.GetStringAsync("/Admin/Dashboard"), StringComparison.Ordinal);

        // Cara's apprenticeship started 200 days ago: the reviews due 116 and 32 days ago were never held.
        var started = await admin.PostFormAsync($"/Admin/Enrolments/{app.A.EnrolmentId}/Apprenticeship", new()
        {
            ["Input.Programme"] = "Standard", ["Input.ProgrammeCode"] = "ST0229", ["Input.ProgrammeTitle"] = "Hospitality team member", ["Input.StartDate"] = Day(today.AddDays(-200)),
            ["Input.PlannedEndDate"] = Day(today.AddDays(200)), ["Input.ContractedHoursPerWeek"] = "37.5", ["Input.PlannedOffTheJobHours"] = "1000", ["Input.EmployerId"] = app.A.EmployerId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        var caseload = WebUtility.HtmlDecode(await assessor.GetStringAsync("/Assessor"));
        Assert.Contains("1 of your apprentices has a progress review overdue", caseload, StringComparison.Ordinal);
        Assert.Contains("2 progress reviews overdue<span class=\"govuk-visually-hidden\"> for Cara Centrea</span>", caseload, StringComparison.Ordinal);
        Assert.Contains($"the first due on {today.AddDays(-116):d MMMM yyyy}", caseload, StringComparison.Ordinal);
        Assert.Contains("Otto Centrea", caseload, StringComparison.Ordinal);
        // Otto's enrolment is no apprenticeship: no review link for him.
        Assert.DoesNotContain("Progress reviews<span class=\"govuk-visually-hidden\"> for Otto", caseload, StringComparison.Ordinal);
        Assert.Contains("Progress reviews<span class=\"govuk-visually-hidden\"> for Cara", caseload, StringComparison.Ordinal);
        var filtered = WebUtility.HtmlDecode(await assessor.GetStringAsync("/Assessor?review=overdue"));
        Assert.Contains("Cara Centrea", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("Otto Centrea", filtered, StringComparison.Ordinal);
        Assert.Contains("<option value=\"overdue\" selected=\"selected\">Review overdue</option>", filtered, StringComparison.Ordinal);

        var dashboard = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Dashboard"));
        Assert.Contains("<a class=\"govuk-link\" href=\"/Admin/Reviews\">1 apprentice has a progress review overdue</a>", dashboard, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Reviews"));
        Assert.Contains("Cara Centrea", list, StringComparison.Ordinal);
        Assert.Contains($"{today.AddDays(-116):d MMMM yyyy}", list, StringComparison.Ordinal);
        Assert.Contains("Employer A", list, StringComparison.Ordinal);
        Assert.Contains("No apprentice matching that search has a review overdue", WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Reviews?q=otto")), StringComparison.Ordinal);
        using var otherAdmin = await app.SignedInAsync(app.B.Admin);
        Assert.DoesNotContain("Cara Centrea", await otherAdmin.GetStringAsync("/Admin/Reviews"), StringComparison.Ordinal);
        Assert.Contains("No apprentice has a progress review overdue", await otherAdmin.GetStringAsync("/Admin/Reviews"), StringComparison.Ordinal);

        // The next review falls due in 52 days; on a break from today, none falls due until the apprentice returns.
        var reviews = $"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews";
        Assert.Contains($"{today.AddDays(52):d MMMM yyyy}", await assessor.GetStringAsync(reviews), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Enrolments/{app.A.EnrolmentId}/Status", new()
        {
            ["Input.Act"] = "BreakStarted", ["Input.On"] = Day(today), ["Input.Reason"] = "Surgery and recovery",
        })).StatusCode);
        var onBreak = WebUtility.HtmlDecode(await assessor.GetStringAsync(reviews));
        Assert.Contains($"No review falls due during the break in learning that began on {today:d MMMM yyyy}", onBreak, StringComparison.Ordinal);
        Assert.DoesNotContain($"{today.AddDays(52):d MMMM yyyy}", onBreak, StringComparison.Ordinal);
        // The reviews missed before the break are still overdue.
        Assert.Contains("1 apprentice has a progress review overdue", WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Dashboard")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Review_pages_are_for_apprenticeships_only(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var assessor = await app.SignedInAsync(app.A.Assessor);
        // Otto's Cambridge Technical enrolment is the same assessor's, but no apprenticeship.
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync($"/Assessor/Enrolments/{app.A.GradedEnrolmentId}/Reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.PostFormAsync($"/Assessor/Enrolments/{app.A.GradedEnrolmentId}/Reviews", ProgressReviewTests.Review("2026-01-01"), tokenFrom: "/Assessor")).StatusCode);
        Assert.DoesNotContain($"/Enrolments/{app.A.GradedEnrolmentId}/Reviews", await assessor.GetStringAsync($"/Assessor/Enrolments/{app.A.GradedEnrolmentId}/Units/7"), StringComparison.Ordinal);
        Assert.Contains($"/Assessor/Enrolments/{app.A.EnrolmentId}/Reviews\"", await assessor.GetStringAsync($"/Assessor/Enrolments/{app.A.EnrolmentId}/Units/C3"), StringComparison.Ordinal);

        using var otto = await app.SignedInAsync(app.A.OtherCandidate);
        Assert.Equal(HttpStatusCode.NotFound, (await otto.GetAsync("/Candidate/Reviews")).StatusCode);
        Assert.DoesNotContain("/Candidate/Reviews", await otto.GetStringAsync("/Candidate"), StringComparison.Ordinal);
        using var cara = await app.SignedInAsync(app.A.Candidate);
        Assert.Contains("/Candidate/Reviews", await cara.GetStringAsync("/Candidate"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await cara.GetAsync("/Candidate/Reviews")).StatusCode);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
