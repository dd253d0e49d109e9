using System.Security.Cryptography;
using System.Text;

namespace Attest.Core.Centres;

/// <summary>
/// A token a centre gives its MIS to read the REST API. The token names its centre and carries a 256-bit secret; only
/// the secret's SHA-256 is kept, and it is shown once. Revoked tokens stop working at once.
/// </summary>
public sealed class ApiToken : ICentreOwned
{
    public const string Prefix = "attest_";

    private ApiToken()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public string Name { get; private init; } = string.Empty;

    public string SecretSha256 { get; private init; } = string.Empty;

    /// <summary>The secret's first characters, to tell tokens apart.</summary>
    public string Hint { get; private init; } = string.Empty;

    public Guid CreatedBy { get; private init; }

    public DateTime CreatedAt { get; private init; }

    public DateTime? RevokedAt { get; private set; }

    public Guid? RevokedBy { get; private set; }

    /// <summary>A new token and the text to give the MIS: <c>attest_{centre}.{secret}</c>.</summary>
    public static (ApiToken Token, string Text) Issue(Guid centreId, string? name, Guid createdBy, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            throw new DomainRuleException("Name the token (up to 100 characters), for example the MIS that will use it", "Name");
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken { CentreId = centreId, Name = name.Trim(), SecretSha256 = Hash(secret), Hint = secret[..6], CreatedBy = createdBy, CreatedAt = now };
        return (token, $"{Prefix}{centreId:N}.{secret}");
    }

    /// <summary>The centre and secret a presented token names, or null when it is not one of ours.</summary>
    public static (Guid CentreId, string Secret)? Parse(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length != Prefix.Length + 32 + 1 + 64 || text[Prefix.Length + 32] != '.')
        {
            return null;
        }

        return Guid.TryParseExact(text.AsSpan(Prefix.Length, 32), "N", out var centre) ? (centre, text[(Prefix.Length + 33)..]) : null;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(Guid by, DateTime now)
    {
        if (RevokedAt is null)
        {
            (RevokedAt, RevokedBy) = (now, by);
        }
    }
}
