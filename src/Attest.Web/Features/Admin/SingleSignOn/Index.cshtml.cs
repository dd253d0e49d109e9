using Attest.Core.Accounts;
using Attest.Core.Data;
using Attest.Core.Mail;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Admin.SingleSignOn;

/// <summary>
/// The centre's OpenID Connect provider: what to register with the provider (the callback address), the issuer, client id
/// and secret (kept encrypted, never shown again), the email domains the sign-in page sends to it, and a check that
/// fetches the provider's discovery document.
/// </summary>
public sealed class IndexModel(AttestDbContext db, SingleSignOnSchemes schemes, AccountService accounts, IOptions<SiteOptions> site, IHttpClientFactory http, TimeProvider clock) : PageModel, IRedisplayable
{
    [BindProperty]
    public SsoInput Input { get; set; } = new();

    public CentreSingleSignOn? Current { get; private set; }

    public string CallbackUrl { get; private set; } = string.Empty;

    public string SignInLink { get; private set; } = string.Empty;

    public string? CheckResult { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Current is { } current)
        {
            Input = new SsoInput
            {
                DisplayName = current.DisplayName, Authority = current.Authority, ClientId = current.ClientId, TrustEmail = current.TrustEmail, Enabled = current.Enabled,
                EmailDomains = string.Join(", ", await db.SingleSignOnDomains.Where(d => d.CentreId == db.CurrentCentreId).OrderBy(d => d.Domain).Select(d => d.Domain).ToListAsync(cancellationToken)),
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var centreId = db.CurrentCentreId!.Value;
        var settings = await db.SingleSignOns.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new CentreSingleSignOn { CentreId = centreId };
            db.SingleSignOns.Add(settings);
        }

        var secret = string.IsNullOrWhiteSpace(Input.ClientSecret) ? null : schemes.SecretProtector.Protect(Input.ClientSecret.Trim());
        var domains = settings.Change(Input.DisplayName, Input.Authority, Input.ClientId, secret, Input.EmailDomains, Input.TrustEmail, Input.Enabled, schemes.AllowLoopbackHttp, User.UserId(), clock.GetUtcNow().UtcDateTime);
        var taken = await db.SingleSignOnDomains.Where(d => domains.Contains(d.Domain) && d.CentreId != centreId).Select(d => d.Domain).ToListAsync(cancellationToken);
        if (taken.Count > 0)
        {
            throw new Core.DomainRuleException($"{string.Join(", ", taken)} already {(taken.Count == 1 ? "signs" : "sign")} in with another centre's provider. Each email domain can belong to one centre only", "EmailDomains");
        }

        db.SingleSignOnDomains.RemoveRange(await db.SingleSignOnDomains.Where(d => d.CentreId == centreId && !domains.Contains(d.Domain)).ToListAsync(cancellationToken));
        var kept = await db.SingleSignOnDomains.Where(d => d.CentreId == centreId).Select(d => d.Domain).ToListAsync(cancellationToken);
        db.SingleSignOnDomains.AddRange(domains.Except(kept).Select(d => new SingleSignOnDomain { Domain = d, CentreId = centreId }));
        accounts.RecordForCentre(SecurityEventKind.SingleSignOnChanged, HttpContext.Actor(), $"{settings.DisplayName} at {settings.Authority}, {(settings.Enabled ? "on" : "off")}{(secret is null ? string.Empty : ", new client secret")}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = settings.Enabled ? $"Saved. People can now sign in with {settings.DisplayName}." : "Saved. Single sign-on is off.";
        return Redirect("/Admin/SingleSignOn");
    }

    /// <summary>Fetches the provider's discovery document, so a wrong issuer shows now rather than at someone's sign-in.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Current is null)
        {
            CheckResult = "Save the provider's settings first.";
            return Page();
        }

        using var client = http.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        var address = Current.Authority + "/.well-known/openid-configuration";
        try
        {
            using var response = await client.GetAsync(new Uri(address), cancellationToken);
            var document = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken);
            var issuer = document.TryGetProperty("issuer", out var i) ? i.GetString() : null;
            CheckResult = !response.IsSuccessStatusCode ? $"The provider answered {(int)response.StatusCode} at {address}."
                : issuer?.TrimEnd('/') != Current.Authority ? $"The provider says its issuer is {issuer}, not {Current.Authority}: enter its issuer exactly."
                : $"The provider answered: issuer {issuer}, sign-in at {(document.TryGetProperty("authorization_endpoint", out var a) ? a.GetString() : "(none given)")}.";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            CheckResult = $"The provider could not be reached at {address}: {e.Message}";
        }

        return Page();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await db.SingleSignOns.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var centre = await db.Centres.AsNoTracking().SingleAsync(c => c.Id == db.CurrentCentreId, cancellationToken);
        CallbackUrl = site.Value.Link(SingleSignOnSchemes.CallbackPath(centre.Id));
        SignInLink = site.Value.Link($"/Account/Sso/{Uri.EscapeDataString(centre.Number)}");
    }
}

public sealed class SsoInput
{
    public string? DisplayName { get; set; }

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? EmailDomains { get; set; }

    public bool TrustEmail { get; set; }

    public bool Enabled { get; set; }
}
