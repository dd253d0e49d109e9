using System.Security.Claims;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Qualifications;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Specifications;

/// <summary>
/// Saving a checked specification as the centre's next version, signed by the administrator: the one way in for an
/// uploaded file, a unit made on the form and an imported framework.
/// </summary>
internal static class NewVersion
{
    /// <summary>The version saved, or null when another administrator saved this qualification's next version first (the page answers 409).</summary>
    /// <param name="yaml">The text <paramref name="spec"/> was read from by the validator: what is kept and downloaded.</param>
    public static async Task<SpecificationVersion?> SaveAsync(
        AttestDbContext db, QualificationSpec spec, string yaml, string origin, string? note, QualificationSpec? current, ClaimsPrincipal user, DateTime now, CancellationToken cancellationToken)
    {
        var (by, byName) = (user.UserId(), user.DisplayName());
        var version = SpecificationVersion.Create(db.CurrentCentreId!.Value, spec, yaml, origin, note, current, by, byName, now);
        db.SpecificationVersions.Add(version);
        db.Sign(version, Roles.CentreAdmin, by, byName, now);
        // Two versions of one qualification saved at once: the number is taken once.
        return await db.TrySaveAsync(() => db.SpecificationVersions.AnyAsync(v => v.QualificationCode == version.QualificationCode && v.Version == version.Version, cancellationToken), cancellationToken)
            ? version
            : null;
    }
}
