using System.Security.Cryptography;
using System.Text;

namespace Attest.Core.Security;

/// <summary>
/// A secret link's token, "{centre}.{secret}": the centre says where to look, the secret is 256 random bits shown once.
/// Only the secret's SHA-256 is stored, so a copy of the database opens no link. Witness links and account links
/// (invitations, password resets) both use it.
/// </summary>
public static class CapabilityToken
{
    /// <summary>A new token for the centre, and the hash to store.</summary>
    public static (string Token, string SecretSha256) Issue(Guid centreId)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return ($"{centreId:N}.{secret}", Hash(secret));
    }

    /// <summary>The centre and the secret's hash a token names, or null for a token that is not well formed.</summary>
    public static (Guid Centre, string SecretSha256)? Read(string? token) =>
        token is { Length: > 40 and < 200 } && token.Split('.', 2) is [var centre, var secret] && Guid.TryParseExact(centre, "N", out var id) && secret.Length >= 22
            ? (id, Hash(secret))
            : null;

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
