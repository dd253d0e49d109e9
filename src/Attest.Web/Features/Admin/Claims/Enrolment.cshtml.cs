using Attest.Core.Centres;
using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Claims;

/// <summary>One enrolment: each unit's standing for certification with its reasons, and the claim form.</summary>
public sealed class EnrolmentModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    public Claimability View { get; private set; } = null!;

    [BindProperty]
    public ClaimInput Input { get; set; } = new();

    /// <summary>The moment of this request: the claim's standing and the claim itself are both for its date.</summary>
    private DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!Input.Confirmed)
        {
            ModelState.AddModelError("Input.Confirmed", "Confirm the declaration to make the claim");
            return Page();
        }

        var claim = CertificationClaim.Make(View, Input.Scope, Input.Units, User.UserId(), User.DisplayName(), Now);
        db.CertificationClaims.Add(claim);
        db.Sign(claim, Roles.CentreAdmin, User.UserId(), User.DisplayName(), claim.SignedAt);
        var codes = claim.Lines.Select(l => l.UnitCode).ToList();
        if (!await db.TrySaveAsync(() => db.ClaimLines.AnyAsync(l => l.EnrolmentId == EnrolmentId && l.Scope == claim.Scope && codes.Contains(l.UnitCode), cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = claim.Scope == ClaimScope.Qualification
            ? $"{View.Qualification.DisplayName} claimed for {View.Subject.CandidateName}."
            : $"Unit{(codes.Count == 1 ? "" : "s")} {string.Join(", ", codes)} claimed for {View.Subject.CandidateName}.";
        return Redirect("/Admin/Claims");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var found = (await ClaimQueries.LoadAsync(db, catalogue, db.Enrolments.Where(e => e.Id == EnrolmentId), Core.UkTime.DateOf(Now), cancellationToken)).Enrolments;
        if (found.Count == 0)
        {
            return false;
        }

        View = found[0];
        return true;
    }
}

public sealed class ClaimInput
{
    public ClaimScope Scope { get; set; } = ClaimScope.Unit;

    public List<string> Units { get; set; } = [];

    public bool Confirmed { get; set; }
}
