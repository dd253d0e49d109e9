using System.Security.Claims;
using Attest.Core.Centres;

namespace Attest.Web.Infrastructure;

/// <summary>
/// The signed-in user's centre, read from their authentication cookie (issued by us at sign-in). A visitor with no
/// account (a witness) has none, unless a page that admits them by a capability link names the link's centre for the
/// request with <see cref="UseCapabilityCentre"/>; the link's secret is then looked up only inside that centre.
/// </summary>
public sealed class HttpCurrentCentre(IHttpContextAccessor accessor) : ICurrentCentre
{
    public const string ClaimType = "attest:centre";

    private const string CapabilityKey = "attest:capability-centre";

    public Guid? CentreId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimType), out var id) ? id
        : accessor.HttpContext?.User.Identity?.IsAuthenticated != true && accessor.HttpContext?.Items[CapabilityKey] is Guid capability ? capability
        : null;

    /// <summary>For an anonymous request only: the centre a capability link names. A signed-in user keeps their own centre.</summary>
    public static void UseCapabilityCentre(HttpContext context, Guid centreId)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[CapabilityKey] = centreId;
    }
}

public static class UserExtensions
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue("attest:name") ?? user.Identity?.Name ?? "";
}
