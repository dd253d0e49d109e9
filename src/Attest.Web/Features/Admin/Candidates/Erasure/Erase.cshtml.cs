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
        var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Id, cancellationToken);
        if (candidate is null)
        {
            return NotFound();
        }

        return candidate.ErasedAt is null ? await ShowAsync(candidate, cancellationToken) : AlreadyErased(candidate);
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
            return AlreadyErased(candidate);
        }

        // An empty field binds as no date with no error of its own; an unreadable one keeps the binder's message.
        if (RequestedOn is null && ModelState.GetFieldValidationState(nameof(RequestedOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(RequestedOn), "Enter the date the learner asked to be erased, for example 2026-11-30");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(candidate, cancellationToken);
        }

        // The eraser asks the retention rule itself; a refusal comes back through the page filter, which calls LoadAsync.
        var erasure = await eraser.EraseAsync(candidate, RequestedOn!.Value, Reason ?? string.Empty, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        TempData["Success"] = $"The learner is erased and is now {erasure.Pseudonym}: {erasure.FilesRemoved} evidence file{(erasure.FilesRemoved == 1 ? "" : "s")} removed, signed records kept under the pseudonym.";
        return Redirect($"/Admin/Candidates/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        await ShowAsync(await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == Id, cancellationToken), cancellationToken);

    private RedirectResult AlreadyErased(Core.Centres.Candidate candidate)
    {
        TempData["Success"] = $"{candidate.FullName} is already erased.";
        return Redirect($"/Admin/Candidates/{Id}");
    }

    /// <summary>The page for this learner: whether erasure is allowed today, and why.</summary>
    private async Task<PageResult> ShowAsync(Core.Centres.Candidate candidate, CancellationToken cancellationToken)
    {
        FullName = candidate.FullName;
        Today = Core.UkTime.DateOf(clock.GetUtcNow().UtcDateTime);
        Standing = await eraser.StandingAsync(Id, Today, cancellationToken);
        return Page();
    }
}
