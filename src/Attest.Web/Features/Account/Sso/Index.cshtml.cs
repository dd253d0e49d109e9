using Attest.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using Attest.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Account.Sso;

/// <summary>
/// "Sign in with your organisation": the email address's domain says which centre's provider to use. Nothing here says
/// whether the address has an account: only whether its domain signs in with a provider.
/// </summary>
[SharedRateLimit("sign-in")]
public sealed class IndexModel(AttestDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@college.ac.uk")]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Email!.Trim();
        var domain = email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
        var number = await db.SingleSignOnDomains.Where(d => d.Domain == domain).Join(db.Centres, d => d.CentreId, c => c.Id, (d, c) => c.Number).SingleOrDefaultAsync(cancellationToken);
        if (number is null)
        {
            ModelState.AddModelError(nameof(Email), $"Single sign-on is not set up for {domain} addresses. Sign in with your email address and password instead, or ask your centre for its sign-in link");
            return Page();
        }

        return Redirect($"/Account/Sso/{Uri.EscapeDataString(number)}?hint={Uri.EscapeDataString(email)}{(Url.IsLocalUrl(ReturnUrl) ? "&returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : string.Empty)}");
    }
}
