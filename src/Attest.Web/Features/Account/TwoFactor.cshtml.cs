using System.Text;
using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Attest.Web.Features.Account;

/// <summary>
/// Two-factor authentication with an authenticator app (TOTP): set up by scanning a QR code or typing the key, confirmed
/// with a first code, with ten one-time recovery codes shown once. Where the centre requires it for the person's role they
/// arrive here after signing in and cannot go elsewhere until it is set up, nor turn it off.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountService accounts, AttestDbContext db) : PageModel
{
    private const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    public AppUser Person { get; private set; } = null!;

    public bool Required { get; private set; }

    public bool MustSetUp => User.HasClaim(TwoFactorGate.ClaimType, TwoFactorGate.SetUpRequired);

    /// <summary>The key grouped in fours, for typing into an app that cannot scan.</summary>
    public string SharedKey { get; private set; } = string.Empty;

    /// <summary>The otpauth URI as an SVG QR code, drawn on the server (no script, no third party).</summary>
    public string QrCodeSvg { get; private set; } = string.Empty;

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        var code = new string([.. (Code ?? string.Empty).Where(char.IsDigit)]);
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(Person, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not right. Enter the 6-digit code your authenticator app shows for Attest now");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(Person, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(Person, RecoveryCodeCount) ?? []];
        accounts.Record(Person, SecurityEventKind.TwoFactorEnabled, HttpContext.Actor(), "authenticator app");
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(Person);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        if (!Person.TwoFactorEnabled)
        {
            return Redirect("/Account/TwoFactor");
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(Person, RecoveryCodeCount) ?? []];
        accounts.Record(Person, SecurityEventKind.RecoveryCodesReplaced, HttpContext.Actor(), null);
        await db.SaveChangesAsync(cancellationToken);
        await LoadAsync();
        return Page();
    }

    /// <summary>A new phone: turns the factor off and makes a new key, so the set-up starts again (off only until it is confirmed).</summary>
    public async Task<IActionResult> OnPostNewAppAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        await users.SetTwoFactorEnabledAsync(Person, false);
        await users.ResetAuthenticatorKeyAsync(Person);
        accounts.Record(Person, SecurityEventKind.TwoFactorDisabled, HttpContext.Actor(), "to set up a new authenticator app");
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(Person);
        return Redirect("/Account/TwoFactor");
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        if (Required)
        {
            ModelState.AddModelError(string.Empty, "Your centre requires two-factor authentication for your role, so it cannot be turned off. To move it to a new phone, set up a new authenticator app.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(Person, false);
        await users.ResetAuthenticatorKeyAsync(Person);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(Person, 0);
        accounts.Record(Person, SecurityEventKind.TwoFactorDisabled, HttpContext.Actor(), null);
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(Person);
        TempData["Success"] = "Two-factor authentication is off.";
        return Redirect("/Account");
    }

    private async Task LoadAsync()
    {
        Person = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        Required = (await db.CentrePolicyAsync(HttpContext.RequestAborted)).RequiresTwoFactor(await users.GetRolesAsync(Person));
        RecoveryCodesLeft = Person.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(Person) : 0;
        if (Person.TwoFactorEnabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(Person);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(Person);
            await signIn.RefreshSignInAsync(Person);
            key = await users.GetAuthenticatorKeyAsync(Person) ?? throw new InvalidOperationException("No authenticator key was made.");
        }

        SharedKey = string.Join(" ", key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var label = Uri.EscapeDataString($"Attest:{Person.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer=Attest&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(uri), QRCodeGenerator.ECCLevel.M);
        QrCodeSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(220, 220), "#0b0c0c", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
