using Attest.Core;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Candidate.Evidence;

/// <summary>
/// Changes what the candidate says about an item (its file never changes: add a new item instead). A
/// declared item changed here shows as "changed since declared" until declared again.
/// </summary>
public sealed class EditModel(AttestDbContext db, IOptions<UploadOptions> uploads, TimeProvider clock) : PageModel
{
    public EvidenceItem Item { get; private set; } = null!;

    [BindProperty]
    public EvidenceInput Input { get; set; } = new();

    public string MaxSize => FileSizes.Describe(uploads.Value.MaxFileBytes);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Input = EvidenceInput.From(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        if (await SignedOffUnitsAsync(item, cancellationToken) is { Count: > 0 } units)
        {
            ModelState.AddModelError(string.Empty, $"{item.Reference} is part of the signed-off unit {string.Join(", ", units)} and can no longer be changed. Add a new item instead, or ask your assessor.");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var error in EvidenceRules.Check(item.Kind, Input.Details(), item.HasFile, DateOnly.FromDateTime(now)))
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        item.Describe(Input.Details());
        item.ChangedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{item.Reference} is changed.";
        return Redirect($"/Candidate/Evidence/{item.Id}");
    }

    /// <summary>Units whose standing sign-off rests on the item: it is locked for them.</summary>
    private async Task<List<string>> SignedOffUnitsAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        var signOffs = (await db.UnitSignOffs.AsNoTracking()
            .Where(s => db.Enrolments.Any(e => e.Id == s.EnrolmentId && e.CandidateId == item.CandidateId))
            .ToListAsync(cancellationToken))
            .GroupBy(s => (s.EnrolmentId, s.UnitCode))
            .Select(g => Core.Assessment.UnitSignOff.Current(g)!)
            .Where(s => s.Outcome == Core.Assessment.UnitOutcome.Competent);
        return [.. signOffs.Where(s => s.SignedEvidence().Any(e => e.Reference == item.Reference)).Select(s => s.UnitCode).Distinct()];
    }

    /// <summary>The candidate's own item of a kind they write; records and testimonies written by others are not theirs to change.</summary>
    private async Task<EvidenceItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.OwnItems(User).SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } item && EvidenceRules.IsCandidateKind(item.Kind) ? item : null;
}
