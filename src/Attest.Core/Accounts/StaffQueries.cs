using Attest.Core.Centres;
using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Core.Accounts;

public static class StaffQueries
{
    /// <summary>
    /// The signed-in centre's users in a role, leavers included (their names stay on what they signed); users are not under
    /// the centre filter, so the centre is applied here.
    /// </summary>
    public static IQueryable<AppUser> StaffInRole(this AttestDbContext db, string role)
    {
        ArgumentNullException.ThrowIfNull(db);
        var centreId = db.CurrentCentreId;
        return db.Users.Where(u => u.CentreId == centreId && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
    }

    /// <summary>The people who can be given work in a role now: in the role and not deactivated.</summary>
    public static IQueryable<AppUser> ActiveStaffInRole(this AttestDbContext db, string role) => db.StaffInRole(role).Where(u => u.DeactivatedAt == null);

    /// <summary>Whether the user is the centre's lead IQA (or one of them).</summary>
    public static Task<bool> IsLeadIqaAsync(this AttestDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.StaffProfiles.AnyAsync(p => p.UserId == userId && p.LeadIqa, cancellationToken);
    }
}
