using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate.Evidence;

/// <summary>The candidate's evidence: every item with where it stands (scan, warnings, declaration, mappings).</summary>
public sealed class IndexModel(AttestDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Reference, string Kind, string Title, int Mappings, int Warnings, ScanStatus Scan, bool HasFile, DeclarationState Declaration);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var candidate = await db.SignedInCandidateAsync(User, cancellationToken);
        if (candidate is null)
        {
            return NotFound();
        }

        var items = await db.EvidenceItems.AsNoTracking().Where(i => i.CandidateId == candidate.Id).OrderBy(i => i.Reference).ToListAsync(cancellationToken);
        // By the learner's item ids, which the indexes on each table's item id find, rather than a per-row EXISTS that
        // SQLite answered by scanning the centre (issue 15: six times slower at 5,000 learners than at 1,000).
        var ids = items.Select(i => i.Id).ToList();
        var mappings = await db.CountingMappings.Where(m => ids.Contains(m.EvidenceItemId))
            .GroupBy(m => m.EvidenceItemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var warnings = await db.EvidenceWarnings.Where(w => ids.Contains(w.EvidenceItemId))
            .GroupBy(w => w.EvidenceItemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var declarations = await db.AuthenticityDeclarations.AsNoTracking().Where(d => d.CandidateId == candidate.Id).ToListAsync(cancellationToken);
        Items = items.Select(i => new Row(i.Id, i.Reference, EvidenceRules.Describe(i.Kind), i.Title, mappings.GetValueOrDefault(i.Id), warnings.GetValueOrDefault(i.Id),
            i.Scan, i.HasFile, Declarations.StateOf(i, declarations))).ToList();
        return Page();
    }
}
