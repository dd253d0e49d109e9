using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate.Evidence;

/// <summary>One mapping of the candidate's item: change where in the item and the note, or remove it, until the assessor judges the item for its unit.</summary>
public sealed class MappingModel(AttestDbContext db) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid MappingId { get; set; }

    public EvidenceItem Item { get; private set; } = null!;

    public EvidenceMapping Mapping { get; private set; } = null!;

    public bool Judged { get; private set; }

    [BindProperty]
    public MappingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new MappingInput { Locator = Mapping.Locator, Note = Mapping.Note };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        CriterionMapping.Change(Mapping, Item, Input.Locator, Input.Note, Judged);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"The mapping of {Item.Reference} to unit {Mapping.UnitCode} {Mapping.CriterionRef} is changed.";
        return Redirect($"/Candidate/Evidence/{Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        CriterionMapping.EnsureNotJudged(Mapping, Item, Judged);
        db.EvidenceMappings.Remove(Mapping);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{Item.Reference} is no longer mapped to unit {Mapping.UnitCode} {Mapping.CriterionRef}.";
        return Redirect($"/Candidate/Evidence/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await FindAsync(cancellationToken);

    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        var item = await db.OwnItems(User).AsNoTracking().SingleOrDefaultAsync(i => i.Id == Id, cancellationToken);
        var mapping = item is null || !EvidenceRules.WrittenByCandidate(item.Kind) ? null
            : await db.EvidenceMappings.SingleOrDefaultAsync(m => m.Id == MappingId && m.EvidenceItemId == item.Id, cancellationToken);
        if (mapping is null)
        {
            return false;
        }

        Item = item!;
        Mapping = mapping;
        Judged = await db.EvidenceAcceptances.AnyAsync(a => a.EvidenceItemId == Id && a.EnrolmentId == mapping.EnrolmentId && a.UnitCode == mapping.UnitCode, cancellationToken);
        return true;
    }
}

public sealed class MappingInput
{
    public string? Locator { get; set; }

    public string? Note { get; set; }
}
