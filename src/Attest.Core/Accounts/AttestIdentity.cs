using System.Security.Cryptography;
using System.Text;
using Attest.Core.Centres;
using Attest.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Core.Accounts;

/// <summary>Identity as Attest uses it, the same for the web app and the CLI.</summary>
public static class AttestIdentity
{
    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SignIn.RequireConfirmedAccount = false; // accounts are made by the centre and confirmed by the emailed link
        options.User.RequireUniqueEmail = true;
        // NIST SP 800-63B: length and a list of common passwords (PasswordScreen), no composition rules.
        options.Password.RequiredLength = 1;
        options.Password.RequiredUniqueChars = 1;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
    }

    public static IdentityBuilder AddAttestStores(this IdentityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEntityFrameworkStores<AttestDbContext>()
            .AddUserStore<AttestUserStore>()
            .AddPasswordValidator<ScreenedPasswordValidator>()
            .AddDefaultTokenProviders();
    }
}

/// <summary>Checks every new password with <see cref="PasswordScreen"/>, whichever page sets it.</summary>
public sealed class ScreenedPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(PasswordScreen.Problem(password, [user?.Email, user?.DisplayName]) is string problem
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordScreen", Description = problem })
            : IdentityResult.Success);
}

/// <summary>
/// The EF Core user store, with the second factor's secrets kept out of plain sight: the authenticator key is encrypted
/// with the app's data-protection keys and recovery codes are kept as SHA-256 hashes, so a copy of the database yields
/// neither. A key that can no longer be decrypted reads as none: the person's second factor must then be reset.
/// </summary>
public sealed class AttestUserStore(AttestDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole<Guid>, AttestDbContext, Guid>(context, describer)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Attest.AuthenticatorKey.v1");

    public override Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, _protector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        try
        {
            return stored is null ? null : _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(HashCode), cancellationToken);

    public override Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken) =>
        base.RedeemCodeAsync(user, HashCode(code), cancellationToken);

    /// <summary>Codes are compared as typed, give or take spaces and letter case.</summary>
    private static string HashCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())));
}
