using Attest.Core.Centres;

namespace Attest.Core.Accounts;

/// <summary>
/// A centre's OpenID Connect provider (Microsoft Entra ID, Google Workspace, any standard provider). People sign in with
/// it and are matched to this centre's accounts only: by the provider's subject once linked, first by a verified email.
/// </summary>
public sealed class CentreSingleSignOn : ICentreOwned
{
    public Guid CentreId { get; init; }

    /// <summary>What the sign-in button says: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; private set; } = string.Empty;

    /// <summary>The provider's issuer URL; its discovery document is at {Authority}/.well-known/openid-configuration.</summary>
    public string Authority { get; private set; } = string.Empty;

    public string ClientId { get; private set; } = string.Empty;

    /// <summary>The client secret, encrypted with the app's data-protection keys; never shown again.</summary>
    public string ProtectedClientSecret { get; private set; } = string.Empty;

    /// <summary>
    /// Trust the email claim without email_verified: only for a provider that issues addresses itself and sends no
    /// email_verified claim (Microsoft Entra ID for the centre's own tenant).
    /// </summary>
    public bool TrustEmail { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>Goes up with every change, so each app instance knows its cached handler settings are stale.</summary>
    public int Version { get; private set; }

    public Guid? ChangedBy { get; private set; }

    public DateTime? ChangedAt { get; private set; }

    /// <summary>
    /// Sets the provider, refusing what cannot work and naming the field. <paramref name="protectedSecret"/> null keeps the
    /// secret already held. An authority must be https; plain http is allowed only for a provider on this machine's
    /// loopback when <paramref name="allowLoopbackHttp"/> (tests). Returns the email domains, cleaned, for
    /// <see cref="SingleSignOnDomain"/>.
    /// </summary>
    public IReadOnlyList<string> Change(string? displayName, string? authority, string? clientId, string? protectedSecret, string? emailDomains, bool trustEmail, bool enabled, bool allowLoopbackHttp, Guid changedBy, DateTime now)
    {
        var reasons = new List<(string Field, string Message)>();
        displayName = displayName?.Trim() ?? string.Empty;
        if (displayName.Length is 0 or > 60)
        {
            reasons.Add((nameof(DisplayName), "Enter the provider's name as people know it, like Microsoft 365 (60 characters or fewer)"));
        }

        authority = authority?.Trim().TrimEnd('/') ?? string.Empty;
        if (AuthorityProblem(authority, allowLoopbackHttp) is string problem)
        {
            reasons.Add((nameof(Authority), problem));
        }

        clientId = clientId?.Trim() ?? string.Empty;
        if (clientId.Length is 0 or > 200)
        {
            reasons.Add((nameof(ClientId), "Enter the client ID the provider gave when you registered Attest (200 characters or fewer)"));
        }

        if (protectedSecret is null && ProtectedClientSecret.Length == 0)
        {
            reasons.Add(("ClientSecret", "Enter the client secret the provider gave when you registered Attest"));
        }

        var domains = (emailDomains ?? string.Empty).Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.TrimStart('@').ToLowerInvariant()).Distinct().ToList();
        if (domains.FirstOrDefault(d => Uri.CheckHostName(d) != UriHostNameType.Dns || !d.Contains('.', StringComparison.Ordinal)) is string bad)
        {
            reasons.Add(("EmailDomains", $"\"{bad}\" is not an email domain. Enter domains like college.ac.uk, separated by commas"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        (DisplayName, Authority, ClientId, TrustEmail, Enabled) = (displayName, authority, clientId, trustEmail, enabled);
        ProtectedClientSecret = protectedSecret ?? ProtectedClientSecret;
        Version++;
        (ChangedBy, ChangedAt) = (changedBy, now);
        return domains;
    }

    public static string? AuthorityProblem(string authority, bool allowLoopbackHttp)
    {
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return "Enter the provider's issuer URL, like https://login.microsoftonline.com/{tenant}/v2.0";
        }

        return uri.Scheme == "http" && !(allowLoopbackHttp && uri.IsLoopback) ? "The issuer URL must start with https://" : null;
    }
}

/// <summary>
/// An email domain whose people the sign-in page sends to a centre's provider ("college.ac.uk"). One centre per domain.
/// Not under the centre filter: the sign-in page must find the centre before anyone is signed in; the administrator's page
/// lists and changes only its own centre's domains.
/// </summary>
public sealed class SingleSignOnDomain
{
    public string Domain { get; init; } = string.Empty;

    public Guid CentreId { get; init; }
}
