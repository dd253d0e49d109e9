using System.Net.Http.Json;
using System.Text.Json;
using Attest.Core.Centres;
using Attest.Tests.Features;
using Attest.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Attest.BrowserTests;

/// <summary>
/// Issue 12 in Chromium on the embedded default (demo centre, mail written as files): the administrator invites an
/// assessor who sets a password from the mail and signs in; two-factor set-up and sign-in; single sign-on through a real
/// OpenID Connect provider (when ATTEST_TEST_OIDC names one); axe on every page; phones where people would use them.
/// </summary>
public sealed class PeopleJourneyTests : IDisposable
{
    private static readonly string[] CodeFlow = ["code"];
    private static readonly string[] AuthorizationCode = ["authorization_code"];

    private readonly AttestServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task The_demo_admin_invites_an_assessor_who_sets_a_password_through_the_mailed_link_and_signs_in()
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        var admin = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(admin, "admin@demo.attest.test", DemoOptions.Password);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Staff" }));
        await Browser.AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite a member of staff" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Enter the person's full name (200 characters or fewer)" }));
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Choose at least one role" }));
        await Browser.AssertAccessibleAsync(admin);
        await admin.GetByLabel("Full name").FillAsync("Nia Newstarter");
        await admin.GetByLabel("Email address").FillAsync("nia@demo.attest.test");
        await admin.GetByLabel("Assessor", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(admin.GetByText("Invitation sent to nia@demo.attest.test."));
        await Expect(admin.GetByText("Invited, has not chosen a password yet"));
        await Browser.AssertAccessibleAsync(admin);

        // The invitation is a file in the data folder's mail/ (no mail server is needed), with a single-use link.
        var invitation = await _server.Mail.WaitForAsync("nia@demo.attest.test");
        Assert.StartsWith(Path.Combine(_server.DataFolder, "mail"), _server.Mail.Folder, StringComparison.Ordinal);
        var nia = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await nia.GotoAsync(Mailbox.LinkPath(invitation, "/Account/Password/"));
        await Expect(nia.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" }));
        await Browser.AssertAccessibleAsync(nia);
        await nia.GetByLabel("Password", new() { Exact = true }).FillAsync("password1234567");
        await nia.GetByLabel("Enter the password again").FillAsync("password1234567");
        await nia.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(nia.GetByRole(AriaRole.Link, new() { Name = "Password is too common", Exact = false }));
        await Browser.AssertAccessibleAsync(nia);
        const string password = "lantern otter biscuit fjord";
        await nia.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await nia.GetByLabel("Enter the password again").FillAsync(password);
        await nia.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(nia.GetByText("Your password is set. Sign in with your email address and your new password."));
        await Browser.SignInAsync(nia, "nia@demo.attest.test", password);
        await Expect(nia.GetByRole(AriaRole.Heading, new() { Name = "Caseload" }));
        await nia.GetByRole(AriaRole.Link, new() { Name = "your account", Exact = false }).ClickAsync();
        await Expect(nia.GetByText("Signed in: password"));
        await Browser.AssertAccessibleAsync(nia);

        // The administrator's view of it: the person, the security record, the mail sent, the settings.
        await admin.ReloadAsync();
        await Expect(admin.GetByText("Invitation accepted"));
        foreach (var (path, heading) in new[] { ("/Admin/Security", "Security record"), ("/Admin/Mail", "Email sent"), ("/Admin/Settings", "Centre settings"), ("/Admin/SingleSignOn", "Single sign-on") })
        {
            await admin.GotoAsync(path);
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }));
            await Browser.AssertAccessibleAsync(admin);
        }

        await Expect(admin.GetByText("/signin-sso/", new() { Exact = false }));
    }

    [SkippableFact]
    public async Task On_a_phone_a_leaver_is_deactivated_with_their_caseload_moved_and_a_candidate_resets_then_changes_a_password()
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        var admin = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(admin, "admin@demo.attest.test", DemoOptions.Password);
        await admin.GotoAsync("/Admin/Staff/Invite");
        await admin.GetByLabel("Full name").FillAsync("Sol Successor");
        await admin.GetByLabel("Email address").FillAsync("sol@demo.attest.test");
        await admin.GetByLabel("Assessor", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await admin.GotoAsync("/Admin/Staff?role=Assessor");
        await Browser.AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Asha Assessor" }).ClickAsync();
        await Expect(admin.GetByText("Asha Assessor assesses 3 candidates."));
        await Browser.AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Move the caseload and deactivate Asha Assessor" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Asha Assessor assesses 3 candidates: choose a new assessor for each of them." }));
        await Browser.AssertAccessibleAsync(admin);
        await admin.GetByLabel("New assessor for everyone not given one below").SelectOptionAsync(new SelectOptionValue { Label = "Sol Successor" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Move the caseload and deactivate Asha Assessor" }).ClickAsync();
        await Expect(admin.GetByText("Deactivated. Their sessions have ended and they can no longer sign in"));
        await Expect(admin.GetByText("Caseload reassigned: 3 to Sol Successor", new() { Exact = false }));
        await Browser.AssertAccessibleAsync(admin);

        var sam = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await sam.GotoAsync("/Account/SignIn");
        await sam.GetByRole(AriaRole.Link, new() { Name = "I have forgotten my password" }).ClickAsync();
        await Browser.AssertAccessibleAsync(sam);
        await sam.GetByLabel("Email address").FillAsync("candidate1@demo.attest.test");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Check your email" }));
        await Browser.AssertAccessibleAsync(sam);
        await sam.GotoAsync(Mailbox.LinkPath(await _server.Mail.WaitForAsync("candidate1@demo.attest.test"), "/Account/Password/"));
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" }));
        const string reset = "walnut comet pebble drift";
        await sam.GetByLabel("New password", new() { Exact = true }).FillAsync(reset);
        await sam.GetByLabel("Enter the password again").FillAsync(reset);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(sam.GetByText("Your password has been changed and you have been signed out everywhere."));
        await Browser.SignInAsync(sam, "candidate1@demo.attest.test", reset);
        await sam.GotoAsync("/Account/ChangePassword");
        await Browser.AssertAccessibleAsync(sam);
        const string changed = "saffron tunnel heron basalt";
        await sam.GetByLabel("Current password").FillAsync("not my password at all");
        await sam.GetByLabel("New password", new() { Exact = true }).FillAsync(changed);
        await sam.GetByLabel("Enter the new password again").FillAsync(changed);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(sam.GetByRole(AriaRole.Link, new() { Name = "Your current password is not right" }));
        await Browser.AssertAccessibleAsync(sam);
        await sam.GetByLabel("Current password").FillAsync(reset);
        await sam.GetByLabel("New password", new() { Exact = true }).FillAsync(changed);
        await sam.GetByLabel("Enter the new password again").FillAsync(changed);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(sam.GetByText("Your password has been changed. You have been signed out everywhere else."));
    }

    [SkippableFact]
    public async Task A_candidate_sets_up_two_factor_authentication_on_a_phone_and_then_signs_in_with_a_code()
    {
        Browser.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await Browser.SignInAsync(page, "candidate2@demo.attest.test", DemoOptions.Password);
        var key = await SetUpTwoFactorAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Browser.SignInAsync(page, "candidate2@demo.attest.test", DemoOptions.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your security code" }));
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Security code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "The code is not right", Exact = false }));
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Security code").FillAsync(Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My qualification" }));
    }

    [SkippableFact]
    public async Task People_sign_in_through_their_centres_real_openid_connect_provider_matched_only_to_this_centres_accounts()
    {
        Browser.RequireChromium();
        var issuer = Environment.GetEnvironmentVariable("ATTEST_TEST_OIDC");
        Skip.If(string.IsNullOrEmpty(issuer), "The single sign-on test needs ATTEST_TEST_OIDC: the issuer URL of an OpenID Connect provider with open dynamic registration and development sign-in pages (.ci/run starts npm oidc-provider).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        // Someone at another centre of the same deployment, with an address of the same domain.
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var provisioning = scope.ServiceProvider.GetRequiredService<CentreProvisioning>();
            var other = await provisioning.CreateCentreAsync("Other Centre", "88888");
            await provisioning.CreateUserWithPasswordAsync(other.Id, "elsewhere@demo.attest.test", "Ellis Elsewhere", Roles.Assessor, "granite puffin seventy oak");
        }

        // The administrator registers Attest with the provider (RFC 7591, as an IT team would in its console) and saves its settings.
        var admin = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(admin, "admin@demo.attest.test", DemoOptions.Password);
        await admin.GotoAsync("/Admin/SingleSignOn");
        var callback = await admin.Locator("#callback-url").InnerTextAsync();
        using var http = new HttpClient();
        using var registration = await (await http.PostAsJsonAsync($"{issuer}/reg", new
        {
            redirect_uris = new List<string> { callback }, token_endpoint_auth_method = "client_secret_post", response_types = CodeFlow, grant_types = AuthorizationCode,
        })).Content.ReadFromJsonAsync<JsonDocument>();
        await admin.GetByLabel("Provider name").FillAsync("College accounts");
        await admin.GetByLabel("Issuer URL").FillAsync(issuer);
        await admin.GetByLabel("Client ID").FillAsync(registration!.RootElement.GetProperty("client_id").GetString()!);
        await admin.GetByLabel("Client secret").FillAsync(registration.RootElement.GetProperty("client_secret").GetString()!);
        await admin.GetByLabel("Email domains (optional)").FillAsync("demo.attest.test");
        await admin.GetByLabel("Turn on single sign-on").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByText("Saved. People can now sign in with College accounts."));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check the provider" }).ClickAsync();
        await Expect(admin.GetByText($"The provider answered: issuer {issuer}", new() { Exact = false }));
        await Browser.AssertAccessibleAsync(admin);

        // A candidate on a phone: from the sign-in page to the provider and back, signed in.
        var sam = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: true);
        await SignInWithProviderAsync(sam, "candidate1@demo.attest.test", "candidate1@demo.attest.test");
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "My qualification" }));
        await Browser.AssertAccessibleAsync(sam);

        // Nobody is reached who is not this centre's: a stranger, someone of another centre, an address the provider has not verified.
        foreach (var (typed, login, reason) in new[]
        {
            ("stranger@demo.attest.test", "stranger@demo.attest.test", "this centre has no Attest account with that address"),
            ("elsewhere@demo.attest.test", "elsewhere@demo.attest.test", "this centre has no Attest account with that address"),
            ("assessor@demo.attest.test", "unverified:assessor@demo.attest.test", "did not confirm your email address"),
        })
        {
            var visitor = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
            await SignInWithProviderAsync(visitor, typed, login);
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "You are not signed in" }));
            await Expect(visitor.GetByText(reason, new() { Exact = false }));
            await Browser.AssertAccessibleAsync(visitor);
            await visitor.GotoAsync("/Assessor");
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Attest" }));
        }

        // Single sign-on and a second factor together: the IQA sets one up, then signs in through the provider and is asked for the code.
        var ian = await Browser.NewPageAsync(browser, _server.BaseUrl, phone: false);
        await Browser.SignInAsync(ian, "iqa@demo.attest.test", DemoOptions.Password);
        var key = await SetUpTwoFactorAsync(ian);
        await ian.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInWithProviderAsync(ian, "iqa@demo.attest.test", "iqa@demo.attest.test");
        await Expect(ian.GetByRole(AriaRole.Heading, new() { Name = "Enter your security code" }));
        await ian.GetByLabel("Security code").FillAsync(Code(key));
        await ian.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(ian.GetByRole(AriaRole.Heading, new() { Name = "Internal quality assurance" }));

        await admin.GotoAsync("/Admin/Security");
        await Expect(admin.GetByText("Signed in: single sign-on with College accounts").First);
        await Expect(admin.GetByText("Single sign-on refused: stranger@demo.attest.test: no account at this centre"));
    }

    /// <summary>From Attest's sign-in page, by email domain, to the provider's own sign-in and consent pages, and back.</summary>
    private static async Task SignInWithProviderAsync(IPage page, string typed, string login)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Link, new() { Name = "sign in with it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in with your organisation" }));
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Work email address").FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByPlaceholder("Enter any login").FillAsync(login);
        await page.GetByPlaceholder("and password").FillAsync("anything");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        var consent = page.GetByRole(AriaRole.Button, new() { Name = "Continue" });
        await consent.WaitForAsync();
        await consent.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/interaction/", StringComparison.Ordinal));
    }

    /// <summary>Sets up the authenticator on the account page, checking each page with axe; returns the key.</summary>
    private static async Task<string> SetUpTwoFactorAsync(IPage page)
    {
        await page.GotoAsync("/Account");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-factor authentication" }));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for adding Attest to an authenticator app" }));
        await Browser.AssertAccessibleAsync(page);
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Security code").FillAsync(Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Save your recovery codes" }));
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "I have saved my recovery codes" }).ClickAsync();
        return key;
    }

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();
}
