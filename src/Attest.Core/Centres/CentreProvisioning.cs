using Attest.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attest.Core.Centres;

/// <summary>Creates centres and their people. Shared by the web app (demo data, admin pages) and the CLI (first admin).</summary>
public sealed class CentreProvisioning(AttestDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
            }
        }
    }

    public async Task<Centre> CreateCentreAsync(string name, string number, CancellationToken cancellationToken = default)
    {
        if (await db.Centres.AnyAsync(c => c.Number == number, cancellationToken))
        {
            throw new DomainRuleException($"A centre with number {number} already exists.", "Number");
        }

        var centre = new Centre { Name = name, Number = number, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Centres.Add(centre);
        await db.SaveChangesAsync(cancellationToken);
        return centre;
    }

    /// <summary>
    /// Creates a user of the centre in one role with a known password: for the demo centre and tests only. Real accounts
    /// are invited (AccountService) and choose their own password.
    /// </summary>
    public async Task<AppUser> CreateUserWithPasswordAsync(Guid centreId, string email, string displayName, string role, string password)
    {
        if (!Roles.All.Contains(role))
        {
            throw new DomainRuleException($"Unknown role {role}.", "Role");
        }

        await EnsureRolesAsync();
        var user = new AppUser { CentreId = centreId, UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainRuleException(result.Errors.Select(e => e.Description).ToList());
        }
    }
}
