using System.Security.Claims;
using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure;

/// <summary>Sign-in as Identity does it, but a deactivated account is never allowed in, by any route (password, link, single sign-on).</summary>
public sealed class AttestSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory, IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }
}

/// <summary>
/// Every request checks its session against the account (one query by key): a session whose security stamp no longer
/// matches (password changed or reset, signed out everywhere, roles changed, second factor reset) or whose account is
/// deactivated is signed out at once, not at the end of a validation interval.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        var db = services.GetRequiredService<AttestDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.SecurityStamp, u.DeactivatedAt }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || account.DeactivatedAt is not null || account.SecurityStamp != principal!.FindFirstValue(stampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

/// <summary>
/// A person whose role must use a second factor at their centre, and who has not set one up, can do nothing but set it
/// up (or sign out) until they have: every other request goes to the set-up page.
/// </summary>
public static class TwoFactorGate
{
    public const string ClaimType = "attest:2fa";

    public const string SetUpRequired = "set-up-required";

    private static readonly string[] Allowed = ["/Account/TwoFactor", "/Account/SignOut", "/Error", "/health", "/css", "/js", "/lib", "/assets", "/favicon.svg"];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirstValue(ClaimType) == SetUpRequired && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect("/Account/TwoFactor");
                return;
            }

            await next();
        });
}

public static class ActorExtensions
{
    /// <summary>Who is acting in this request, and from where, for the security record.</summary>
    public static Actor Actor(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        return new Actor(signedIn ? context.User.UserId() : null, signedIn ? context.User.DisplayName() : "A visitor", context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
    }
}
