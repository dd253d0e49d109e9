using System.ComponentModel.DataAnnotations;
using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Account;

/// <summary>
/// Signing in with a password. Failed attempts are limited per account (Identity's lockout) and per network address
/// (<see cref="SignInFailures"/>); loading the page and signing in successfully never count.
/// </summary>
public sealed class SignInModel(SignInManager<AppUser> signIn, AccountService accounts, FailuresByAddress failures, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await failures.RefusesAsync(HttpContext, cancellationToken))
        {
            return Paused();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // No centre to record it for; the log keeps it (without the address typed, which may be personal data).
            logger.LogWarning("Failed sign-in for an unknown email address");
            await failures.RecordAsync(HttpContext, cancellationToken);
            return Failed();
        }

        // The visitor is not signed in yet: act for the account's centre while recording what happens.
        HttpCurrentCentre.UseCapabilityCentre(HttpContext, user.CentreId);
        var wasLockedOut = await signIn.UserManager.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        var actor = HttpContext.Actor();
        if (result.Succeeded)
        {
            await accounts.RecordNowAsync(user, SecurityEventKind.SignedIn, actor, "password", cancellationToken);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect($"/Account/SignIn/TwoFactor?returnUrl={Uri.EscapeDataString(SafeReturnUrl)}");
        }

        await accounts.RecordNowAsync(user, result.IsLockedOut && !wasLockedOut ? SecurityEventKind.LockedOut : result.IsNotAllowed ? SecurityEventKind.SignInRefused : SecurityEventKind.SignInFailed,
            actor, result.IsNotAllowed ? "the account is deactivated" : wasLockedOut ? "while locked out" : "wrong password", cancellationToken);
        logger.LogWarning("Failed sign-in for user {UserId} of centre {CentreId} (locked out: {LockedOut})", user.Id, user.CentreId, result.IsLockedOut);
        if (!result.IsNotAllowed)
        {
            await failures.RecordAsync(HttpContext, cancellationToken);
        }

        return result.IsLockedOut ? LockedOut() : Failed();
    }

    /// <summary>Only local paths are followed (security.md test 19).</summary>
    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private PageResult Failed()
    {
        ModelState.AddModelError("Input.Email", "Enter a correct email address and password. If you have been invited and have not chosen a password yet, use the link in your invitation email.");
        return Page();
    }

    /// <summary>429, with the page and the reason: this address has failed too often.</summary>
    private PageResult Paused()
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ModelState.AddModelError("Input.Email", SignInFailures.RefusedMessage);
        return Page();
    }

    private PageResult LockedOut()
    {
        ModelState.AddModelError("Input.Email", "This account is locked after too many failed attempts. Try again in 15 minutes, or reset your password.");
        return Page();
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your password")]
    public string Password { get; set; } = string.Empty;
}
