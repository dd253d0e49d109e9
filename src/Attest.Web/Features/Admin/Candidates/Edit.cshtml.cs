using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates;

/// <summary>
/// Corrects a learner's details (a ULN received after registration, a misspelt name), each change kept in the learner's
/// history with who made it, when and why. The rules are registration's (<see cref="CandidateEdits.Apply"/>).
/// </summary>
public sealed class EditModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public string FullName { get; private set; } = string.Empty;

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Id, cancellationToken);
        if (candidate is null)
        {
            return NotFound();
        }

        FullName = candidate.FullName;
        Input = new EditInput
        {
            GivenName = candidate.GivenName, FamilyName = candidate.FamilyName, DateOfBirth = candidate.DateOfBirth, Uln = candidate.Uln,
            CandidateNumber = candidate.AwardingBodyCandidateNumber,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == Id, cancellationToken);
        if (candidate is null)
        {
            return NotFound();
        }

        FullName = candidate.FullName;
        // A date the form could not read reaches the rules as none, so they refuse it and the binder's words stand on the field.
        var holder = await db.OtherHolderAsync(Input.Uln, Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = CandidateEdits.Apply(candidate, new CandidateDetailsInput(Input.GivenName, Input.FamilyName, Input.DateOfBirth, Input.Uln, Input.CandidateNumber),
            Input.Reason, holder, User.UserId(), User.DisplayName(), now, Core.UkTime.DateOf(now));
        if (changes.Count == 0)
        {
            TempData["Success"] = "Nothing was changed: the details are as they were.";
            return Redirect($"/Admin/Candidates/{Id}");
        }

        db.CandidateDetailsChanges.AddRange(changes);
        if (candidate.UserId is Guid userId && await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.CentreId == db.CurrentCentreId, cancellationToken) is { } account)
        {
            account.DisplayName = candidate.FullName; // the name the learner's pages and signatures show from now on
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{candidate.FullName}'s details are changed ({string.Join(", ", changes.Select(c => c.Field))}). The change is in their history below.";
        return Redirect($"/Admin/Candidates/{Id}");
    }
}

/// <summary>What the form posts; the rules are <see cref="CandidateEdits.Apply"/>.</summary>
public sealed class EditInput
{
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Uln { get; set; }

    public string? CandidateNumber { get; set; }

    public string? Reason { get; set; }
}
