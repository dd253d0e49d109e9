using System.Security.Claims;
using Attest.Core.Centres;

namespace Attest.Web.Infrastructure;

/// <summary>The signed-in user's centre, read from their authentication cookie (issued by us at sign-in).</summary>
public sealed class HttpCurrentCentre(IHttpContextAccessor accessor) : ICurrentCentre
{
    public const string ClaimType = "attest:centre";

    public Guid? CentreId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimType), out var id) ? id : null;
}

public static class UserExtensions
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue("attest:name") ?? user.Identity?.Name ?? "";
}
