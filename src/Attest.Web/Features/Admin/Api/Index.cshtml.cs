using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Api;

/// <summary>Tokens for the centre's MIS to read the REST API: made here, shown once, revoked here.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The token just made: shown on this response only, never stored.</summary>
    public string? Issued { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (token, text) = ApiToken.Issue(db.CurrentCentreId!.Value, Name, User.UserId(), clock.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        Issued = text;
        Name = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        token.Revoke(User.UserId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Token \"{token.Name}\" revoked: it no longer works.";
        return Redirect("/Admin/Api");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
}
