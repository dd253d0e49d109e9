using System.Security.Claims;
using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Account.Sso;

/// <summary>
/// Back from the centre's provider. The person is matched to an account of that centre only: by the provider's subject
/// once linked, the first time by an email address the provider has verified. Nobody is created here (the centre invites
/// people), and an account of another centre is never reached. Then the usual sign-in, second factor included.
/// </summary>
public sealed class CompleteModel(SignInManager<AppUser> signIn, AccountService accounts, AttestDbContext db, SingleSignOnSchemes schemes, ILogger<CompleteModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Failed { get; set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Failed is not null)
        {
            return Refuse("Your organisation's sign-in did not finish, so you are not signed in. Try again; if it keeps happening, tell your centre administrator.");
        }

        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || SingleSignOnSchemes.CentreOf(info.LoginProvider) is not Guid centreId)
        {
            return Redirect("/Account/SignIn");
        }

        HttpCurrentCentre.UseCapabilityCentre(HttpContext, centreId);
        var settings = await schemes.EnsureAsync(centreId, cancellationToken);
        var actor = HttpContext.Actor();
        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        var user = await signIn.UserManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (settings is null || (user is not null && user.CentreId != centreId))
        {
            return await RefuseAsync(null, "Single sign-on is not set up for this centre any more. Sign in with your email address and password.", $"{email}: single sign-on is off", cancellationToken);
        }

        if (user is null)
        {
            var verified = string.Equals(info.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase) || settings.TrustEmail;
            if (string.IsNullOrEmpty(email) || !verified)
            {
                return await RefuseAsync(null, $"{settings.DisplayName} did not confirm your email address, so Attest cannot tell which account is yours. Ask your centre administrator.",
                    $"{email ?? "no email given"}: the provider did not say the address is verified", cancellationToken);
            }

            var normalized = signIn.UserManager.NormalizeEmail(email);
            user = await db.Users.SingleOrDefaultAsync(u => u.CentreId == centreId && u.NormalizedEmail == normalized, cancellationToken);
            if (user is null)
            {
                return await RefuseAsync(null, $"{settings.DisplayName} signed you in as {email}, but this centre has no Attest account with that address. Ask your centre administrator to invite you.",
                    $"{email}: no account at this centre", cancellationToken);
            }

            if (!user.IsActive)
            {
                return await RefuseAsync(user, "This account has been closed. Ask your centre administrator if you still need it.", "the account is deactivated", cancellationToken);
            }

            var linked = await signIn.UserManager.AddLoginAsync(user, info);
            if (!linked.Succeeded)
            {
                logger.LogWarning("Linking user {UserId} to {Provider} failed: {Errors}", user.Id, info.LoginProvider, string.Join("; ", linked.Errors.Select(e => e.Description)));
                return await RefuseAsync(user, "Your account could not be linked to your organisation's sign-in. Try again.", "linking failed", cancellationToken);
            }

            user.EmailConfirmed = true;
            await signIn.UserManager.UpdateAsync(user);
            accounts.Record(user, SecurityEventKind.SingleSignOnLinked, actor, $"{settings.DisplayName} as {email}");
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded)
        {
            await accounts.RecordNowAsync(user, SecurityEventKind.SignedIn, actor, $"single sign-on with {settings.DisplayName}", cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            await db.SaveChangesAsync(cancellationToken);
            return Redirect($"/Account/SignIn/TwoFactor?returnUrl={Uri.EscapeDataString(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/")}");
        }

        return await RefuseAsync(user, result.IsLockedOut ? "This account is locked after too many failed attempts. Try again in 15 minutes." : "This account cannot sign in. Ask your centre administrator.",
            result.IsLockedOut ? "locked out" : "the account is deactivated", cancellationToken);
    }

    private async Task<IActionResult> RefuseAsync(AppUser? user, string message, string detail, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            accounts.RecordForCentre(SecurityEventKind.SingleSignOnRefused, HttpContext.Actor(), detail);
        }
        else
        {
            accounts.Record(user, SecurityEventKind.SingleSignOnRefused, HttpContext.Actor(), detail);
        }

        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        return Refuse(message);
    }

    private PageResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
