using System.Security.Claims;
using System.Text.Encodings.Web;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Api;

/// <summary>
/// <c>Authorization: Bearer attest_{centre}.{secret}</c>: the token names its centre and is looked up inside it by the
/// secret's SHA-256. The principal carries that centre, so every query is scoped to it like a signed-in user's.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public const string Role = "ApiClient";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        if (ApiToken.Parse(header["Bearer ".Length..].Trim()) is not { } presented)
        {
            return AuthenticateResult.Fail("Not an Attest API token.");
        }

        var dbOptions = Context.RequestServices.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<AttestDbContext>>();
        await using var db = new AttestDbContext(dbOptions, new FixedCentre(presented.CentreId));
        var hash = ApiToken.Hash(presented.Secret);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretSha256 == hash && t.RevokedAt == null, Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(HttpCurrentCentre.ClaimType, token.CentreId.ToString()),
            new Claim(ClaimTypes.NameIdentifier, token.Id.ToString()),
            new Claim(ClaimTypes.Name, token.Name),
            new Claim(ClaimTypes.Role, Role),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"attest\"";
        return Task.CompletedTask;
    }
}
