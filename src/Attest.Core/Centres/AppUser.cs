using Microsoft.AspNetCore.Identity;

namespace Attest.Core.Centres;

/// <summary>
/// A person who signs in. Belongs to one centre. Not under the centre query filter, because sign-in must
/// find the account before the centre is known; pages list users only through centre-scoped queries.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid CentreId { get; set; }

    public required string DisplayName { get; set; }

    public DateTime? CreatedAt { get; set; }

    /// <summary>When a leaver's account was closed: they cannot sign in, and their signed records stay theirs.</summary>
    public DateTime? DeactivatedAt { get; set; }

    public Guid? DeactivatedBy { get; set; }

    public bool IsActive => DeactivatedAt is null;
}
