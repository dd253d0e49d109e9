using System.Net;
using Attest.Core.Accounts;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 12, items 2, 3 and 7 through the web app: a centre staffs itself by invitation; people choose their own
/// passwords through single-use emailed links; a forgotten password is reset by email; leavers are deactivated with their
/// caseload moved; every step is in the centre's security record.
/// </summary>
public class PeopleTests
{
    private const string NewPassword = "heron quarry velvet tide";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_invites_staff_who_choose_their_own_password_through_the_emailed_link_and_sign_in_with_their_roles(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);

        var invited = await admin.PostFormAsync("/Admin/Staff/Invite", new() { ["Input.Name"] = "Nia Newstarter", ["Input.Email"] = "nia@a.test", ["Input.Roles"] = "Assessor" },
            tokenFrom: "/Admin/Staff/Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        invited = await admin.PostFormAsync("/Admin/Staff/Invite", new List<KeyValuePair<string, string>>
        {
            new("Input.Name", "Nia Newstarter"), new("Input.Email", "nia2@a.test"), new("Input.Roles", "Assessor"), new("Input.Roles", "Iqa"),
        }, tokenFrom: "/Admin/Staff/Invite");
        var person = invited.Headers.Location!.OriginalString;
        Assert.Contains("Invited, has not chosen a password yet", await admin.GetStringAsync(person), StringComparison.Ordinal);

        var mail = await app.Mail.WaitForAsync("nia2@a.test");
        Assert.Equal("Set up your Attest account for Centre A", mail.Subject);
        Assert.Contains("admin A has invited you to use Attest at Centre A as an assessor and an internal quality assurer (IQA).", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("It expires at", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("choose a password</a>", mail.HtmlBody, StringComparison.Ordinal);

        // Nobody can sign in until the password is chosen; no password was made or shown.
        var early = await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "nia2@a.test", ["Input.Password"] = NewPassword });
        Assert.Contains("use the link in your invitation email", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var link = Mailbox.LinkPath(mail, "/Account/Password/");
        // Another centre's signed-in user finds nothing there; someone signed in at this centre is asked to sign out first.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(app.B.Admin)).GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.GetAsync(link)).StatusCode);
        using var nia = app.Anonymous();
        Assert.Contains("Choose your password", await nia.GetStringAsync(link), StringComparison.Ordinal);
        var weak = await nia.PostFormAsync(link, new() { ["Password"] = "Password123456!!", ["ConfirmPassword"] = "Password123456!!" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Password is too common", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mismatch = await nia.PostFormAsync(link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword + "x" });
        Assert.Contains("The passwords do not match", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var set = await nia.PostFormAsync(link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal("/Account/SignIn", set.Headers.Location!.OriginalString);

        var again = await app.Anonymous().GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("This link has already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(link[..^4] + "AAAA")).StatusCode);

        using var signedIn = await app.SignedInAsync("nia2@a.test", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/Assessor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/Iqa")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync("/Admin/Staff")).StatusCode);

        await using (var db = app.Db(app.A.Id))
        {
            var id = await app.UserIdAsync("nia2@a.test");
            Assert.Equal([SecurityEventKind.Invited, SecurityEventKind.SignInFailed, SecurityEventKind.InvitationAccepted, SecurityEventKind.SignedIn],
                await db.SecurityEvents.Where(e => e.UserId == id).OrderBy(e => e.At).Select(e => e.Kind).ToListAsync());
            Assert.Equal("admin A", (await db.SecurityEvents.SingleAsync(e => e.UserId == id && e.Kind == SecurityEventKind.Invited)).ActorName);
            // Once sent, the mail that held the link keeps no copy of it.
            var sent = await db.OutboxMails.SingleAsync(m => m.ToAddress == "nia2@a.test");
            Assert.Equal((true, null, null), (sent.SentAt is not null, sent.TextBody, sent.HtmlBody));
        }

        var duplicate = await admin.PostFormAsync("/Admin/Staff/Invite", new() { ["Input.Name"] = "Nia Again", ["Input.Email"] = "NIA2@a.test", ["Input.Roles"] = "Assessor" }, tokenFrom: "/Admin/Staff/Invite");
        Assert.Contains("Nia Newstarter already has an account with this email address at this centre", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var otherCentre = await admin.PostFormAsync("/Admin/Staff/Invite", new() { ["Input.Name"] = "Someone", ["Input.Email"] = app.B.Assessor, ["Input.Roles"] = "Assessor" }, tokenFrom: "/Admin/Staff/Invite");
        var refusal = WebUtility.HtmlDecode(await otherCentre.Content.ReadAsStringAsync());
        Assert.Contains("This email address is already used for an Attest account", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Centre B", refusal, StringComparison.Ordinal);
        var noRole = await admin.PostFormAsync("/Admin/Staff/Invite", new() { ["Input.Name"] = "No Role", ["Input.Email"] = "norole@a.test" }, tokenFrom: "/Admin/Staff/Invite");
        Assert.Contains("href=\"#Input_Roles\">Choose at least one role", await noRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nia Newstarter", await (await app.SignedInAsync(app.B.Admin)).GetStringAsync("/Admin/Staff"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_forgotten_password_gets_the_same_answer_for_any_address_and_a_reset_ends_every_other_session(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var elsewhere = await app.SignedInAsync(app.A.Assessor);

        string Answer(string body, string email) => body.Replace(email, "ADDRESS", StringComparison.Ordinal);
        var unknown = await app.Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = "nobody@nowhere.test" });
        var known = await app.Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = app.A.Assessor });
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Contains("Check your email", await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Answer(await unknown.Content.ReadAsStringAsync(), "nobody@nowhere.test").Split("__RequestVerificationToken")[0], Answer(await known.Content.ReadAsStringAsync(), app.A.Assessor).Split("__RequestVerificationToken")[0]);

        var reset = await app.Mail.WaitForAsync(app.A.Assessor);
        Assert.Equal("Reset your Attest password", reset.Subject);
        Assert.Empty(app.Mail.To("nobody@nowhere.test"));
        using var visitor = app.Anonymous();
        var done = await visitor.PostFormAsync(Mailbox.LinkPath(reset, "/Account/Password/"), new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        // The session opened before the reset ends at its next request; the old password no longer works.
        var after = await elsewhere.GetAsync("/Assessor");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/Account/SignIn", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        var old = await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Assessor, ["Input.Password"] = AttestFactory.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var signedIn = await app.SignedInAsync(app.A.Assessor, NewPassword);
        Assert.Equal("Your Attest password has been changed", (await app.Mail.WaitForAsync(app.A.Assessor, count: 2)).Subject);

        // An expired link says so; asking over and over sends at most three links an hour.
        for (var i = 0; i < 5; i++)
        {
            await app.Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = app.A.Iqa });
        }

        var first = await app.Mail.WaitForAsync(app.A.Iqa);
        await app.Mail.WaitForAsync(app.A.Iqa, count: 3);
        await Task.Delay(1500);
        Assert.Equal(3, app.Mail.To(app.A.Iqa).Count);
        await using (var db = app.Db(app.A.Id))
        {
            await db.AccountLinks.ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, l => l.CreatedAt.AddMinutes(-1)));
        }

        var expired = await app.Anonymous().GetAsync(Mailbox.LinkPath(app.Mail.To(app.A.Iqa)[^1], "/Account/Password/"));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This link expired at", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A newer link replaces an older one.
        Assert.Contains("This link has been replaced by a newer one", await (await app.Anonymous().GetAsync(Mailbox.LinkPath(first, "/Account/Password/"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changing_a_password_keeps_this_session_ends_the_others_and_tells_the_person_by_email(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var here = await app.SignedInAsync(app.A.Candidate);
        using var there = await app.SignedInAsync(app.A.Candidate);

        var wrong = await here.PostFormAsync("/Account/ChangePassword", new() { ["Input.CurrentPassword"] = "not it at all, no", ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Contains("href=\"#Input_CurrentPassword\">Your current password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var changed = await here.PostFormAsync("/Account/ChangePassword", new() { ["Input.CurrentPassword"] = AttestFactory.Password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal("/Account", changed.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Candidate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await there.GetAsync("/Candidate")).StatusCode);
        Assert.Equal("Your Attest password has been changed", (await app.Mail.WaitForAsync(app.A.Candidate)).Subject);

        // Signing out everywhere else does the same without a new password.
        using var third = await app.SignedInAsync(app.A.Candidate, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await here.PostFormAsync("/Account?handler=SignOutEverywhere", [], tokenFrom: "/Account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Candidate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/Candidate")).StatusCode);
        var account = await here.GetStringAsync("/Account");
        Assert.Contains("Your recent sign-ins", account, StringComparison.Ordinal);
        Assert.Contains("Signed in: password", account, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_leaver_is_deactivated_with_their_caseload_moved_in_one_step_their_sessions_end_at_once_and_their_signed_records_stay_theirs(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        using var leaver = await app.SignedInAsync(app.A.Assessor);
        var leaverId = await app.UserIdAsync(app.A.Assessor);
        var successorId = await app.UserIdAsync(app.A.OtherAssessor);
        var page = $"/Admin/Staff/{leaverId}";
        var before = await admin.GetStringAsync(page);
        Assert.Contains("assessor A assesses 2 candidates", before, StringComparison.Ordinal);
        Assert.Contains("Cara Centrea", before, StringComparison.Ordinal);

        var refused = await admin.PostFormAsync(page + "?handler=Deactivate", new() { ["AllTo"] = "" }, tokenFrom: page);
        Assert.Contains("assessor A assesses 2 candidates: choose a new assessor for each of them.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/Assessor")).StatusCode);

        var done = await admin.PostFormAsync(page + "?handler=Deactivate", new() { ["AllTo"] = successorId.ToString() }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await leaver.GetAsync("/Assessor")).StatusCode);
        var again = await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Assessor, ["Input.Password"] = AttestFactory.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        await using (var db = app.Db(app.A.Id))
        {
            Assert.All(await db.Enrolments.ToListAsync(), e => Assert.Equal(successorId, e.AssessorId));
            Assert.Equal([SecurityEventKind.CaseloadReassigned, SecurityEventKind.Deactivated, SecurityEventKind.SignInRefused],
                await db.SecurityEvents.Where(e => e.UserId == leaverId && e.Kind != SecurityEventKind.SignedIn).OrderBy(e => e.At).Select(e => e.Kind).ToListAsync());
            Assert.Equal("2 to assessor2 A", (await db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKind.CaseloadReassigned)).Detail);
        }

        // What they signed stays theirs: the learning contract still names them as its signer.
        using var iqa = await app.SignedInAsync(app.A.Iqa);
        Assert.Contains("assessor A", await iqa.GetStringAsync($"/Planning/Enrolments/{app.A.EnrolmentId}/Plans/1"), StringComparison.Ordinal);
        // A leaver cannot be given new work.
        Assert.DoesNotContain(leaverId.ToString(), await admin.GetStringAsync($"/Admin/Enrolments/{app.A.EnrolmentId}/Assessor"), StringComparison.Ordinal);

        // They come back: reactivated, they sign in with their password.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page + "?handler=Reactivate", [], tokenFrom: page)).StatusCode);
        using var back = await app.SignedInAsync(app.A.Assessor);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Roles_change_in_one_form_and_the_centre_always_keeps_an_administrator_and_its_assessors_their_candidates(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        var adminId = await app.UserIdAsync(app.A.Admin);
        var secondId = await app.UserIdAsync(app.A.OtherAssessor);
        var assessorId = await app.UserIdAsync(app.A.Assessor);
        using var second = await app.SignedInAsync(app.A.OtherAssessor);
        Assert.Equal(HttpStatusCode.Forbidden, (await second.GetAsync("/Iqa")).StatusCode);

        var page = $"/Admin/Staff/{secondId}";
        var both = await admin.PostFormAsync(page + "?handler=Roles", new List<KeyValuePair<string, string>> { new("Input.Roles", "Assessor"), new("Input.Roles", "Iqa") }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.Redirect, both.StatusCode);
        // The change ends their sessions; at the next sign-in they are assessor and IQA.
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Assessor")).StatusCode);
        using var again = await app.SignedInAsync(app.A.OtherAssessor);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Iqa")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Assessor")).StatusCode);

        static async Task<string> RefusalAsync(Task<HttpResponseMessage> posting) => WebUtility.HtmlDecode(await (await posting).Content.ReadAsStringAsync());
        Assert.Contains("You cannot take away your own administrator role",
            await RefusalAsync(admin.PostFormAsync($"/Admin/Staff/{adminId}?handler=Roles", new() { ["Input.Roles"] = "Assessor" }, tokenFrom: $"/Admin/Staff/{adminId}")), StringComparison.Ordinal);
        Assert.Contains("assessor A still assesses candidates: reassign their caseload before taking away the assessor role.",
            await RefusalAsync(admin.PostFormAsync($"/Admin/Staff/{assessorId}?handler=Roles", new() { ["Input.Roles"] = "Iqa" }, tokenFrom: $"/Admin/Staff/{assessorId}")), StringComparison.Ordinal);
        Assert.Contains("You cannot deactivate your own account",
            await RefusalAsync(admin.PostFormAsync($"/Admin/Staff/{adminId}?handler=Deactivate", [], tokenFrom: $"/Admin/Staff/{adminId}")), StringComparison.Ordinal);

        // Moving part of a caseload is its own step.
        var moved = await admin.PostFormAsync($"/Admin/Staff/{assessorId}?handler=Reassign", new() { [$"Moves[{app.A.GradedEnrolmentId}]"] = secondId.ToString() }, tokenFrom: $"/Admin/Staff/{assessorId}");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(secondId, (await db.Enrolments.SingleAsync(e => e.Id == app.A.GradedEnrolmentId)).AssessorId);
        Assert.Equal(assessorId, (await db.Enrolments.SingleAsync(e => e.Id == app.A.EnrolmentId)).AssessorId);

        // Another centre's administrator reaches none of it.
        using var other = await app.SignedInAsync(app.B.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        foreach (var handler in new[] { "Roles", "Deactivate", "Reassign", "Reactivate", "ResetTwoFactor", "Resend" })
        {
            var token = await other.AntiforgeryTokenAsync("/Admin/Staff");
            var response = await other.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Roles", "CentreAdmin"), new("AllTo", adminId.ToString())]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Someone_who_is_both_assessor_and_iqa_never_reviews_their_own_decisions(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (_, assessor) = await C3Portfolio.BuildAsync(app, C3Portfolio.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await C3Portfolio.SignOffAsync(assessor, app.A)).StatusCode);
        await C3Portfolio.CountersignAsync(app, app.A);
        using var admin = await app.SignedInAsync(app.A.Admin);
        var page = $"/Admin/Staff/{await app.UserIdAsync(app.A.Assessor)}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page + "?handler=Roles", new List<KeyValuePair<string, string>> { new("Input.Roles", "Assessor"), new("Input.Roles", "Iqa") }, tokenFrom: page)).StatusCode);

        using var both = await app.SignedInAsync(app.A.Assessor);
        var refused = await both.PostFormAsync($"/Iqa/Enrolments/{app.A.EnrolmentId}/Units/C3", IqaReviewTests.Review(null, IqaReviewTests.Feedback, null));
        Assert.Contains("An assessor can never be IQA of their own decisions: assessor A assesses this unit for this candidate.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.Empty(await db.IqaReviews.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sign_ins_failures_and_lockouts_are_kept_per_centre_for_the_administrator_and_each_person_sees_their_own(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        for (var i = 0; i < 5; i++)
        {
            await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Iqa, ["Input.Password"] = "wrong password " + i });
        }

        var locked = await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Iqa, ["Input.Password"] = AttestFactory.Password });
        Assert.Contains("This account is locked after too many failed attempts", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var admin = await app.SignedInAsync(app.A.Admin);
        var iqaId = await app.UserIdAsync(app.A.Iqa);
        var record = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Security?person={iqaId}"));
        Assert.Contains("Sign-in failed: wrong password", record, StringComparison.Ordinal);
        Assert.Contains("Locked out: wrong password", record, StringComparison.Ordinal);
        Assert.Contains("Sign-in failed: while locked out", record, StringComparison.Ordinal);
        Assert.Contains("Locked out", await admin.GetStringAsync("/Admin/Security?kind=LockedOut"), StringComparison.Ordinal);
        Assert.DoesNotContain("Locked out:", WebUtility.HtmlDecode(await (await app.SignedInAsync(app.B.Admin)).GetStringAsync("/Admin/Security")), StringComparison.Ordinal);

        using var candidate = await app.SignedInAsync(app.A.Candidate);
        var own = await candidate.GetStringAsync("/Account");
        Assert.Contains("Signed in: password", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Locked out", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync("/Admin/Security")).StatusCode);
    }
}
