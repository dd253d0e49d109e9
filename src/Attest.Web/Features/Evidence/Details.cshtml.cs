using Attest.Core.Data;
using Attest.Core.Portfolios;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// An item as the assessor or IQA sees it: details, hygiene warnings, declaration, the candidate's claims,
/// and other items of the centre with the same content (the same candidate twice, or possible copying).
/// </summary>
public sealed class DetailsModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Duplicate(string Reference, string Title, string CandidateName, bool SameCandidate);

    public EvidenceItem Item { get; private set; } = null!;

    public string CandidateName { get; private set; } = string.Empty;

    public IReadOnlyList<EvidenceWarning> Warnings { get; private set; } = [];

    public IReadOnlyList<EvidenceMapping> Mappings { get; private set; } = [];

    public IReadOnlyList<Duplicate> Duplicates { get; private set; } = [];

    public DeclarationState Declaration { get; private set; }

    /// <summary>For a case log: earlier problems at the same workplace, of any candidate of the centre, that look like it (C3 1.3).</summary>
    public IReadOnlyList<Duplicate> Repeats { get; private set; } = [];

    /// <summary>For an assessor's record: its signature in the ledger.</summary>
    public Core.Ledger.SignatureStatus? RecordSignature { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await db.VisibleItems(User, clock.GetUtcNow().UtcDateTime).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        CandidateName = await db.Candidates.Where(c => c.Id == item.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        Warnings = await db.EvidenceWarnings.AsNoTracking().Where(w => w.EvidenceItemId == id).OrderBy(w => w.Location).ToListAsync(cancellationToken);
        Mappings = await db.EvidenceMappings.AsNoTracking().Where(m => m.EvidenceItemId == id).OrderBy(m => m.UnitCode).ThenBy(m => m.CriterionRef).ToListAsync(cancellationToken);
        if (await db.ProblemCases.AsNoTracking().SingleOrDefaultAsync(p => p.EvidenceItemId == id, cancellationToken) is { } problem)
        {
            var others = await db.ProblemCases.AsNoTracking().Where(p => p.EvidenceItemId != id && p.Workplace == problem.Workplace)
                .Join(db.EvidenceItems, p => p.EvidenceItemId, i => i.Id, (p, i) => new { p.Workplace, i.Reference, i.Title, i.Description, i.CandidateId })
                .Join(db.Candidates, x => x.CandidateId, c => c.Id, (x, c) => new { x.Workplace, x.Reference, x.Title, x.Description, x.CandidateId, Name = c.GivenName + " " + c.FamilyName })
                .ToListAsync(cancellationToken);
            Repeats = [.. ProblemCase.Repeats(problem.Workplace, $"{item.Title} {item.Description}", others, o => o.Workplace, o => $"{o.Title} {o.Description}")
                .Select(o => new Duplicate(o.Reference, o.Title, o.Name, o.CandidateId == item.CandidateId))];
        }

        var record = await db.AssessorRecords.AsNoTracking().SingleOrDefaultAsync(r => r.EvidenceItemId == id, cancellationToken);
        RecordSignature = record is null ? null : (await Core.Ledger.LedgerVerifier.StatesAsync(db, [record], cancellationToken))[record.Id];
        Declaration = Declarations.StateOf(item, await db.AuthenticityDeclarations.AsNoTracking().Where(d => d.CandidateId == item.CandidateId).ToListAsync(cancellationToken));
        if (item.Sha256 is not null)
        {
            Duplicates = await db.EvidenceItems.AsNoTracking()
                .Where(i => i.Sha256 == item.Sha256 && i.Id != item.Id)
                .Join(db.Candidates, i => i.CandidateId, c => c.Id, (i, c) => new Duplicate(i.Reference, i.Title, c.GivenName + " " + c.FamilyName, c.Id == item.CandidateId))
                .ToListAsync(cancellationToken);
        }

        return Page();
    }
}
