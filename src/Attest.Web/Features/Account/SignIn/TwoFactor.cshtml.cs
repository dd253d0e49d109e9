using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Account.SignIn;

/// <summary>
/// The second step of signing in, after a password or single sign-on: the code the authenticator app shows, or one of
/// the recovery codes. Wrong codes count towards the lockout, as wrong passwords do.
/// </summary>
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, AccountService accounts, FailuresByAddress failures) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = new string([.. (Code ?? string.Empty).Where(char.IsDigit)]);
        if (code.Length != 6)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code your authenticator app shows for Attest");
            return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/Account/SignIn") : Page();
        }

        return await CompleteAsync(user => signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false), nameof(Code),
            "The code is not right. Enter the code your authenticator app shows now: each code works for 30 seconds", "authenticator code", cancellationToken);
    }

    public async Task<IActionResult> OnPostRecoveryAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter one of the recovery codes you saved when you set up two-factor authentication");
            return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/Account/SignIn") : Page();
        }

        return await CompleteAsync(user => signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Trim()), nameof(RecoveryCode),
            "That recovery code is not right, or has been used already. Each code works once", "recovery code", cancellationToken);
    }

    private async Task<IActionResult> CompleteAsync(Func<AppUser, Task<Microsoft.AspNetCore.Identity.SignInResult>> attempt, string field, string wrong, string how, CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/Account/SignIn");
        }

        if (await failures.RefusesAsync(HttpContext, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(field, SignInFailures.RefusedMessage);
            return Page();
        }

        HttpCurrentCentre.UseCapabilityCentre(HttpContext, user.CentreId);
        var wasLockedOut = await signIn.UserManager.IsLockedOutAsync(user);
        var result = await attempt(user);
        var actor = HttpContext.Actor();
        if (result.Succeeded)
        {
            if (how == "recovery code")
            {
                accounts.Record(user, SecurityEventKind.RecoveryCodeUsed, actor, $"{await signIn.UserManager.CountRecoveryCodesAsync(user)} left");
            }

            await accounts.RecordNowAsync(user, SecurityEventKind.SignedIn, actor, $"with a {how}", cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        await accounts.RecordNowAsync(user, result.IsLockedOut && !wasLockedOut ? SecurityEventKind.LockedOut : SecurityEventKind.TwoFactorFailed, actor, $"wrong {how}", cancellationToken);
        await failures.RecordAsync(HttpContext, cancellationToken);
        ModelState.AddModelError(field, result.IsLockedOut ? "This account is locked after too many failed attempts. Try again in 15 minutes." : wrong);
        return Page();
    }
}
