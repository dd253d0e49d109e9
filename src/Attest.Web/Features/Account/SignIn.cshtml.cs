using System.ComponentModel.DataAnnotations;
using Attest.Core.Centres;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Features.Account;

[EnableRateLimiting("sign-in")]
public sealed class SignInModel(SignInManager<AppUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Only local paths are followed (security.md test 19).
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        logger.LogWarning("Failed sign-in (locked out: {LockedOut})", result.IsLockedOut);
        ModelState.AddModelError("Input.Email", result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes."
            : "Enter a correct email address and password.");
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
