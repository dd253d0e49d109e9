using System.Security.Claims;
using Attest.Core.Centres;
using Attest.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Puts the user's centre and display name into the cookie, so every request knows its tenant; and, when the centre
/// requires a second factor for one of the person's roles and they have none yet, the mark that sends them to set one up.
/// </summary>
public sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, DbContextOptions<AttestDbContext> database)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HttpCurrentCentre.ClaimType, user.CentreId.ToString()));
        identity.AddClaim(new Claim("attest:name", user.DisplayName));
        if (!user.TwoFactorEnabled)
        {
            await using var db = new AttestDbContext(database, new FixedCentre(user.CentreId));
            var policy = await db.CentrePolicyAsync(CancellationToken.None);
            if (policy.RequiresTwoFactor(identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value)))
            {
                identity.AddClaim(new Claim(TwoFactorGate.ClaimType, TwoFactorGate.SetUpRequired));
            }
        }

        return identity;
    }
}
