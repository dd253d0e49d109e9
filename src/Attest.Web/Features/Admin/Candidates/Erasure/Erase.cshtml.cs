using Attest.Core.Data;
using Attest.Core.Privacy;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates.Erasure;

/// <summary>
/// Erasure on the learner's request: allowed only after the centre's retention period (<see cref="Retention"/>); the page
/// says first whether it is allowed and until when records must be kept, then what erasure removes and what it keeps.
/// </summary>
public sealed class EraseModel(AttestDbContext db, LearnerEraser eraser, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    public string FullName { get; private set; } = string.Empty;

    public ErasureStanding Standing { get; private set; } = new(null, string.Empty);

    public DateOnly Today { get; private set; }

    [BindProperty]
    public DateOnly? RequestedOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCandidateAsync(cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == Id, cancellationToken);
        if (candidate is null)
        {
            return NotFound();
        }

        if (candidate.ErasedAt is not null)
        {
            TempData["Success"] = $"{candidate.FullName} is already erased.";
            return Redirect($"/Admin/Candidates/{Id}");
        }

        await LoadCandidateAsync(cancellationToken);
        // An empty field binds as no date with no error of its own; an unreadable one keeps the binder's message.
        if (RequestedOn is null && ModelState.GetFieldValidationState(nameof(RequestedOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(RequestedOn), "Enter the date the learner asked to be erased, for example 2026-11-30");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var erasure = await eraser.EraseAsync(candidate, RequestedOn!.Value, Reason ?? string.Empty, User.UserId(), User.DisplayName(), now, cancellationToken);
        TempData["Success"] = $"The learner is erased and is now {erasure.Pseudonym}: {erasure.FilesRemoved} evidence file{(erasure.FilesRemoved == 1 ? "" : "s")} removed, signed records kept under the pseudonym.";
        return Redirect($"/Admin/Candidates/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await LoadCandidateAsync(cancellationToken);

    private async Task<bool> LoadCandidateAsync(CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Id, cancellationToken);
        if (candidate is null)
        {
            return false;
        }

        FullName = candidate.FullName;
        Today = Core.UkTime.DateOf(clock.GetUtcNow().UtcDateTime);
        Standing = await eraser.StandingAsync(Id, Today, cancellationToken);
        return true;
    }
}
