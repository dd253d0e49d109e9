using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Account.Sso;

/// <summary>A centre's own sign-in link (/Account/Sso/{centre number}): straight to the centre's provider, or a plain page saying it is not set up.</summary>
[SharedRateLimit("sign-in")]
public sealed class StartModel(AttestDbContext db, SingleSignOnSchemes schemes) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Hint { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var centre = await db.Centres.AsNoTracking().SingleOrDefaultAsync(c => c.Number == Number, cancellationToken);
        if (centre is null || await schemes.EnsureAsync(centre.Id, cancellationToken) is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var properties = new OpenIdConnectChallengeProperties
        {
            RedirectUri = "/Account/Sso/Complete" + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : string.Empty),
        };
        if (Hint is { Length: > 3 and < 255 } && Hint.Contains('@', StringComparison.Ordinal))
        {
            properties.SetParameter(OpenIdConnectParameterNames.LoginHint, Hint);
        }

        properties.Items["LoginProvider"] = SingleSignOnSchemes.SchemeName(centre.Id);
        return Challenge(properties, SingleSignOnSchemes.SchemeName(centre.Id));
    }
}
