using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Account;

/// <summary>Change your password: every other session of yours ends, this one carries on, and you get an email saying so.</summary>
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountService accounts) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The new passwords do not match: enter the same password twice");
            return Page();
        }

        await accounts.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword, HttpContext.Actor(), cancellationToken);
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "Your password has been changed. You have been signed out everywhere else.";
        return Redirect("/Account");
    }
}

public sealed class PasswordInput
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}
