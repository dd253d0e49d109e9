using System.Net;
using System.Text.RegularExpressions;
using Attest.Core.Accounts;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 12, item 4, and security.md test 11: a second factor (TOTP from an authenticator app) that a centre requires per
/// role; recovery codes; an administrator's reset for a lost phone; a password reset never gets round it.
/// </summary>
public partial class TwoFactorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_role_that_must_use_a_second_factor_sets_it_up_before_anything_else_and_then_enters_a_code_at_every_sign_in(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        await RequireForAsync(app, "Assessor");

        // Signed in with a password only, the assessor can do nothing until the second factor is set up.
        using var assessor = await app.SignedInAsync(app.A.Assessor);
        var caseload = await assessor.GetAsync("/Assessor");
        Assert.Equal("/Account/TwoFactor", caseload.Headers.Location!.OriginalString);
        var setup = await assessor.GetStringAsync("/Account/TwoFactor");
        Assert.Contains("Your centre requires two-factor authentication for your role. Set it up to continue.", setup, StringComparison.Ordinal);
        Assert.Contains("<svg", setup, StringComparison.Ordinal);
        var key = SharedKey(setup);

        var wrong = await assessor.PostFormAsync("/Account/TwoFactor?handler=Enable", new() { ["Code"] = "000000" }, tokenFrom: "/Account/TwoFactor");
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await assessor.PostFormAsync("/Account/TwoFactor?handler=Enable", new() { ["Code"] = Code(key) }, tokenFrom: "/Account/TwoFactor");
        var codes = RecoveryCodes(await enabled.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync("/Assessor")).StatusCode);

        // Neither secret is kept in plain sight: the key is encrypted, the recovery codes hashed.
        await using (var db = app.Db(app.A.Id))
        {
            var id = await app.UserIdAsync(app.A.Assessor);
            var stored = await db.UserTokens.Where(t => t.UserId == id).ToDictionaryAsync(t => t.Name, t => t.Value);
            Assert.DoesNotContain(key, stored["AuthenticatorKey"]!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(codes[0], stored["RecoveryCodes"]!, StringComparison.OrdinalIgnoreCase);
        }

        // A new sign-in asks for the code: a wrong one is refused and recorded, the right one lets them in.
        using var next = app.Anonymous();
        var password = await next.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Assessor, ["Input.Password"] = AttestFactory.Password });
        Assert.StartsWith("/Account/SignIn/TwoFactor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/Assessor")).StatusCode);
        var bad = await next.PostFormAsync("/Account/SignIn/TwoFactor", new() { ["Code"] = "123456" });
        Assert.Contains("The code is not right", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.PostFormAsync("/Account/SignIn/TwoFactor", new() { ["Code"] = Code(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/Assessor")).StatusCode);

        // A recovery code works once.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithRecoveryCodeAsync(app, codes[0])).StatusCode);
        Assert.Contains("That recovery code is not right, or has been used already", await (await SignInWithRecoveryCodeAsync(app, codes[0])).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Required, it cannot be turned off.
        var off = await assessor.PostFormAsync("/Account/TwoFactor?handler=Disable", [], tokenFrom: "/Account/TwoFactor");
        Assert.Contains("Your centre requires two-factor authentication for your role, so it cannot be turned off", WebUtility.HtmlDecode(await off.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await using (var db = app.Db(app.A.Id))
        {
            var kinds = await db.SecurityEvents.Where(e => e.UserId == db.Users.Single(u => u.Email == app.A.Assessor).Id).Select(e => e.Kind).ToListAsync();
            Assert.Contains(SecurityEventKind.TwoFactorEnabled, kinds);
            Assert.Contains(SecurityEventKind.TwoFactorFailed, kinds);
            Assert.Contains(SecurityEventKind.RecoveryCodeUsed, kinds);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_lost_phone_is_reset_by_an_administrator_on_the_record_and_a_password_reset_never_skips_the_second_factor(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        await RequireForAsync(app, "Iqa");
        using var iqa = await app.SignedInAsync(app.A.Iqa);
        var key = SharedKey(await iqa.GetStringAsync("/Account/TwoFactor"));
        await iqa.PostFormAsync("/Account/TwoFactor?handler=Enable", new() { ["Code"] = Code(key) }, tokenFrom: "/Account/TwoFactor");

        // A reset password still needs the code.
        await app.Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = app.A.Iqa });
        const string password = "kettle orchard sparrow mile";
        await app.Anonymous().PostFormAsync(Mailbox.LinkPath(await app.Mail.WaitForAsync(app.A.Iqa), "/Account/Password/"), new() { ["Password"] = password, ["ConfirmPassword"] = password });
        using var afterReset = app.Anonymous();
        var signIn = await afterReset.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Iqa, ["Input.Password"] = password });
        Assert.StartsWith("/Account/SignIn/TwoFactor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await afterReset.GetAsync("/Iqa")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await afterReset.PostFormAsync("/Account/SignIn/TwoFactor", new() { ["Code"] = Code(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await afterReset.GetAsync("/Iqa")).StatusCode);

        // The phone is lost: the administrator resets the second factor; the IQA is signed out, emailed, and sets it up again.
        using var admin = await app.SignedInAsync(app.A.Admin);
        var page = $"/Admin/Staff/{await app.UserIdAsync(app.A.Iqa)}";
        Assert.Contains("Two-factor authentication</dt><dd class=\"govuk-summary-list__value\">On (authenticator app)", await admin.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page + "?handler=ResetTwoFactor", [], tokenFrom: page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await afterReset.GetAsync("/Iqa")).StatusCode);
        var notice = await app.Mail.WaitForAsync(app.A.Iqa, count: 3);
        Assert.Equal("Two-factor authentication was reset on your Attest account", notice.Subject);
        Assert.Contains("admin A reset two-factor authentication", notice.TextBody, StringComparison.Ordinal);
        using var fresh = await app.SignedInAsync(app.A.Iqa, password);
        Assert.Equal("/Account/TwoFactor", (await fresh.GetAsync("/Iqa")).Headers.Location!.OriginalString);
        Assert.NotEqual(key, SharedKey(await fresh.GetStringAsync("/Account/TwoFactor")));
        Assert.Contains("Two-factor authentication reset (by admin A)", WebUtility.HtmlDecode(await admin.GetStringAsync(page)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_whose_role_does_not_require_it_may_turn_a_second_factor_on_and_off(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync("/Candidate")).StatusCode);
        var key = SharedKey(await candidate.GetStringAsync("/Account/TwoFactor"));
        await candidate.PostFormAsync("/Account/TwoFactor?handler=Enable", new() { ["Code"] = Code(key) }, tokenFrom: "/Account/TwoFactor");
        Assert.Contains("It is on", await candidate.GetStringAsync("/Account/TwoFactor"), StringComparison.Ordinal);
        Assert.Equal("/Account", (await candidate.PostFormAsync("/Account/TwoFactor?handler=Disable", [], tokenFrom: "/Account/TwoFactor")).Headers.Location!.OriginalString);
        using var again = await app.SignedInAsync(app.A.Candidate);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Candidate")).StatusCode);
    }

    /// <summary>The administrator sets which roles must use a second factor, on the settings page (keeping the other settings).</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_centre_can_require_a_second_factor_of_its_line_managers(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using (var admin = await app.SignedInAsync(app.A.Admin))
        {
            Assert.Contains("Employers (line managers)</label>", await admin.GetStringAsync("/Admin/Settings"), StringComparison.Ordinal);
        }

        await RequireForAsync(app, "Employer");
        using var lineManager = await app.SignedInAsync(app.A.Employer);
        Assert.Equal("/Account/TwoFactor", (await lineManager.GetAsync("/Employer")).Headers.Location!.OriginalString);
        Assert.Contains("Your centre requires two-factor authentication for your role", await lineManager.GetStringAsync("/Account/TwoFactor"), StringComparison.Ordinal);
        // Another centre's line managers are not asked.
        using var otherCentre = await app.SignedInAsync(app.B.Employer);
        Assert.Equal(HttpStatusCode.OK, (await otherCentre.GetAsync("/Employer")).StatusCode);
    }

    internal static async Task RequireForAsync(AttestFactory app, params string[] roles)
    {
        using var admin = await app.SignedInAsync(app.A.Admin);
        var fields = new List<KeyValuePair<string, string>> { new("FeedbackMinWords", "15"), new("ReworkLimit", "1"), new("RetentionYears", "3") };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("TwoFactorRoles", r)));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Settings", fields)).StatusCode);
    }

    internal static string SharedKey(string page) => KeyPattern().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The code an authenticator app would show now (RFC 6238, 30 s, 6 digits), from the key on the set-up page.</summary>
    internal static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static List<string> RecoveryCodes(string page) => [.. CodePattern().Matches(page).Select(m => m.Groups[1].Value)];

    private static async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(AttestFactory app, string code)
    {
        var client = app.Anonymous();
        await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Assessor, ["Input.Password"] = AttestFactory.Password });
        return await client.PostFormAsync("/Account/SignIn/TwoFactor?handler=Recovery", new() { ["RecoveryCode"] = code }, tokenFrom: "/Account/SignIn/TwoFactor");
    }

    [GeneratedRegex("id=\"shared-key\">([a-z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex CodePattern();
}
