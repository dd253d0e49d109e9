using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate;

/// <summary>
/// The authenticity declaration: the candidate confirms the selected items are their own work with sources
/// listed. What is recorded is the exact statement and each item's content hash, append-only.
/// </summary>
public sealed class DeclarationModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    public sealed record Row(Guid Id, string Reference, string Title, DeclarationState State);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public IReadOnlyList<AuthenticityDeclaration> History { get; private set; } = [];

    [BindProperty]
    public List<Guid> Selected { get; set; } = [];

    [BindProperty]
    public bool Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await db.SignedInCandidateAsync(User, cancellationToken) is { } candidate ? await LoadPageAsync(candidate.Id, cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var candidate = await db.SignedInCandidateAsync(User, cancellationToken);
        if (candidate is null)
        {
            return NotFound();
        }

        var items = await db.EvidenceItems.Where(i => i.CandidateId == candidate.Id && Selected.Contains(i.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var declaration = AuthenticityDeclaration.Record(candidate.CentreId, candidate.Id, User.UserId(), items, Confirmed, now);
        db.AuthenticityDeclarations.Add(declaration);
        db.Sign(declaration, Roles.Candidate, User.UserId(), User.DisplayName(), now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"You declared {items.Count} {(items.Count == 1 ? "item" : "items")} as your own work.";
        return Redirect("/Candidate/Declaration");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await LoadPageAsync((await db.SignedInCandidateAsync(User, cancellationToken))!.Id, cancellationToken);

    private async Task<IActionResult> LoadPageAsync(Guid candidateId, CancellationToken cancellationToken)
    {
        History = await db.AuthenticityDeclarations.AsNoTracking().Where(d => d.CandidateId == candidateId).OrderByDescending(d => d.DeclaredAt).ToListAsync(cancellationToken);
        Items = (await db.EvidenceItems.AsNoTracking().Where(i => i.CandidateId == candidateId).OrderBy(i => i.Reference).ToListAsync(cancellationToken))
            .Select(i => new Row(i.Id, i.Reference, i.Title, Declarations.StateOf(i, History)))
            .ToList();
        return Page();
    }
}
