using Attest.Core.Accounts;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Account;

/// <summary>
/// Choosing a password through an emailed link (an invitation or a reset). The link works once and only until it
/// expires; the person then signs in with the new password (and their second factor).
/// </summary>
[SharedRateLimit("witness-link")]
public sealed class PasswordModel(AccountService accounts, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public AccountLink? Link { get; private set; }

    public string? Refusal { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match: enter the same password twice");
            return Page();
        }

        var (_, purpose) = await accounts.UseLinkAsync(Token, Password, HttpContext.Actor(), cancellationToken);
        TempData["Success"] = purpose == AccountLinkPurpose.Invitation
            ? "Your password is set. Sign in with your email address and your new password."
            : "Your password has been changed and you have been signed out everywhere. Sign in with your new password.";
        return Redirect("/Account/SignIn");
    }

    /// <summary>The link's state: 404 for a token that names no link, 410 with the reason for a used, replaced or expired one.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (Core.Security.CapabilityToken.Read(Token) is not { } key)
        {
            return NotFound();
        }

        // A visitor acts for the link's centre; someone signed in stays in their own, so another centre's link is not found.
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (!signedIn)
        {
            HttpCurrentCentre.UseCapabilityCentre(HttpContext, key.Centre);
        }

        Link = await accounts.FindLinkAsync(Token, cancellationToken);
        if (Link is null)
        {
            return NotFound();
        }

        if (signedIn)
        {
            Refusal = $"You are signed in as {User.DisplayName()}. Sign out, then open the link from the email again.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Email = await accounts.EmailOfAsync(Link.UserId, cancellationToken);
        Refusal = Link.Refusal(clock.GetUtcNow().UtcDateTime);
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        return null;
    }
}
