using System.ComponentModel.DataAnnotations;
using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Account;

/// <summary>
/// A forgotten password: the answer is the same whether or not the address has an account, so the page tells nobody who
/// is registered; an account gets an emailed link (at most a few an hour).
/// </summary>
[SharedRateLimit("sign-in")]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountService accounts, IOptions<AccountOptions> options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    public string? SentTo { get; private set; }

    public int ResetHours => options.Value.ResetHours;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Email!.Trim()) is { } user)
        {
            HttpCurrentCentre.UseCapabilityCentre(HttpContext, user.CentreId);
            await accounts.RequestPasswordResetAsync(user, HttpContext.Actor(), cancellationToken);
        }

        SentTo = Email.Trim();
        return Page();
    }
}
