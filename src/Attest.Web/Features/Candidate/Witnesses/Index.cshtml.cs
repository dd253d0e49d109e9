using Attest.Core.Data;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Witness;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Candidate.Witnesses;

/// <summary>
/// The candidate names the people who see them at work. They never write or see testimonies' links: the assessor asks
/// the witness directly (seed 004: "It is not acceptable for you to produce written witness testimonies for witnesses to sign").
/// </summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    [BindProperty]
    public WitnessInput Witness { get; set; } = new();

    public IReadOnlyList<Core.Assessment.Witness> Register { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await db.SignedInCandidateAsync(User, cancellationToken) is not { } candidate)
        {
            return NotFound();
        }

        Register = await WitnessRegister.ForCandidateAsync(db, candidate.Id, cancellationToken);
        return Page();
    }

    /// <summary>The register again, for a form refused when it was saved (a field longer than it may be).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken) =>
        Register = await db.SignedInCandidateAsync(User, cancellationToken) is { } candidate ? await WitnessRegister.ForCandidateAsync(db, candidate.Id, cancellationToken) : [];

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (await db.SignedInCandidateAsync(User, cancellationToken) is not { } candidate)
        {
            return NotFound();
        }

        if (WitnessRegister.Add(db, candidate.CentreId, candidate.Id, Witness, User.UserId(), clock.GetUtcNow().UtcDateTime, ModelState) is not { } added)
        {
            Register = await WitnessRegister.ForCandidateAsync(db, candidate.Id, cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{added.Name} is in your register of witnesses. Your assessor will ask them for a testimony.";
        return Redirect("/Candidate/Witnesses");
    }
}
