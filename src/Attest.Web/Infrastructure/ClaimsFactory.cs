using System.Security.Claims;
using Attest.Core.Centres;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure;

/// <summary>Puts the user's centre and display name into the cookie, so every request knows its tenant.</summary>
public sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HttpCurrentCentre.ClaimType, user.CentreId.ToString()));
        identity.AddClaim(new Claim("attest:name", user.DisplayName));
        return identity;
    }
}
