using System.Collections.Concurrent;
using Attest.Core.Accounts;
using Attest.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure;

public sealed class SingleSignOnOptions
{
    public const string Section = "SingleSignOn";

    /// <summary>Allow a provider at http://127.0.0.1 or localhost (tests and a provider on the same machine); never for a real one.</summary>
    public bool AllowLoopbackHttp { get; set; }
}

/// <summary>
/// One OpenID Connect scheme per centre that has set up single sign-on, made from the centre's settings when first needed
/// on this instance (a sign-in starting, or the provider's callback arriving) and made again when the settings change
/// (their version goes up). The handler is ASP.NET Core's own OpenID Connect handler: code flow with PKCE, state and
/// nonce protected with the app's data-protection keys.
/// </summary>
public sealed class SingleSignOnSchemes(
    IAuthenticationSchemeProvider schemes, IOptionsMonitorCache<OpenIdConnectOptions> cache, IDataProtectionProvider protection, IServiceScopeFactory scopes,
    IOptions<SingleSignOnOptions> options, TimeProvider clock, ILogger<SingleSignOnSchemes> logger) : IDisposable
{
    public const string Prefix = "sso-";

    private readonly ConcurrentDictionary<Guid, int> _versions = new();
    private readonly SemaphoreSlim _lock = new(1, 1);

    public static string SchemeName(Guid centreId) => $"{Prefix}{centreId:N}";

    public static string CallbackPath(Guid centreId) => $"/signin-sso/{centreId:N}";

    /// <summary>The centre a scheme name stands for, or null for a name that is not one of ours.</summary>
    public static Guid? CentreOf(string? scheme) =>
        scheme is not null && scheme.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(scheme[Prefix.Length..], "N", out var id) ? id : null;

    public IDataProtector SecretProtector => protection.CreateProtector("Attest.SingleSignOn.ClientSecret.v1");

    public bool AllowLoopbackHttp => options.Value.AllowLoopbackHttp;

    /// <summary>The centre's settings when single sign-on is on, with its scheme registered on this instance; null when it is off.</summary>
    public async Task<CentreSingleSignOn?> EnsureAsync(Guid centreId, CancellationToken cancellationToken)
    {
        CentreSingleSignOn? settings;
        await using (var scope = scopes.CreateAsyncScope())
        await using (var db = new AttestDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AttestDbContext>>(), new FixedCentre(centreId)))
        {
            settings = await db.SingleSignOns.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        }

        var name = SchemeName(centreId);
        if (settings is not { Enabled: true })
        {
            if (_versions.TryRemove(centreId, out _))
            {
                schemes.RemoveScheme(name);
                cache.TryRemove(name);
            }

            return null;
        }

        if (_versions.TryGetValue(centreId, out var version) && version == settings.Version)
        {
            return settings;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            var handler = new OpenIdConnectOptions
            {
                Authority = settings.Authority,
                ClientId = settings.ClientId,
                ClientSecret = SecretProtector.Unprotect(settings.ProtectedClientSecret),
                ResponseType = "code",
                // A top-level GET back to us, so the correlation cookie can be SameSite=Lax.
                ResponseMode = "query",
                UsePkce = true,
                CallbackPath = CallbackPath(centreId),
                SignInScheme = IdentityConstants.ExternalScheme,
                GetClaimsFromUserInfoEndpoint = true,
                RequireHttpsMetadata = !(AllowLoopbackHttp && new Uri(settings.Authority).IsLoopback),
                TimeProvider = clock,
            };
            handler.Scope.Clear();
            foreach (var scope in new[] { "openid", "email", "profile" })
            {
                handler.Scope.Add(scope);
            }

            // The user info endpoint's email_verified is what lets a first sign-in be matched to an account by email.
            handler.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
            handler.CorrelationCookie.SameSite = SameSiteMode.Lax;
            handler.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            handler.NonceCookie.SameSite = SameSiteMode.Lax;
            handler.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            handler.Events.OnRedirectToIdentityProvider = context =>
            {
                // The address typed on the sign-in page, so the provider need not ask again.
                if (context.Properties.GetParameter<string>(OpenIdConnectParameterNames.LoginHint) is { } hint)
                {
                    context.ProtocolMessage.LoginHint = hint;
                }

                return Task.CompletedTask;
            };
            handler.Events.OnRemoteFailure = context =>
            {
                logger.LogWarning(context.Failure, "Single sign-on with centre {CentreId}'s provider failed", centreId);
                context.Response.Redirect($"/Account/Sso/Complete?failed={centreId:N}");
                context.HandleResponse();
                return Task.CompletedTask;
            };
            new OpenIdConnectPostConfigureOptions(protection).PostConfigure(name, handler);
            cache.TryRemove(name);
            cache.TryAdd(name, handler);
            if (await schemes.GetSchemeAsync(name) is null)
            {
                schemes.AddScheme(new AuthenticationScheme(name, settings.DisplayName, typeof(OpenIdConnectHandler)));
            }

            _versions[centreId] = settings.Version;
            return settings;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}

public static class SingleSignOnRegistration
{
    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SingleSignOnOptions>(config.GetSection(SingleSignOnOptions.Section));
        services.AddSingleton<SingleSignOnSchemes>();
        services.AddHttpClient();
        return services;
    }

    /// <summary>Before authentication: a provider's callback may reach an instance that has not made the centre's scheme yet.</summary>
    public static IApplicationBuilder UseSingleSignOnCallbacks(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/signin-sso", StringComparison.OrdinalIgnoreCase, out var rest)
                && Guid.TryParseExact(rest.Value?.Trim('/'), "N", out var centreId))
            {
                await context.RequestServices.GetRequiredService<SingleSignOnSchemes>().EnsureAsync(centreId, context.RequestAborted);
            }

            await next();
        });
}
