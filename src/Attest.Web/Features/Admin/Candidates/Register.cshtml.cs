using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Admin.Candidates;

public sealed class RegisterModel(AttestDbContext db, Core.Accounts.AccountService accounts, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // The same rules as the import from a college MIS (CandidateDetails); a date the form could not read is already an error.
        if (CandidateDetails.Check(Input.GivenName, Input.FamilyName, Input.DateOfBirth, Input.Uln, Input.CandidateNumber, Input.Email, today) is { Count: > 0 } broken)
        {
            ModelState.AddRule(new Core.DomainRuleException(broken), "Input.");
        }

        if (ModelState.GetFieldValidationState("Input.Uln") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await db.OtherHolderAsync(Input.Uln, null, cancellationToken) is string holder)
        {
            ModelState.AddModelError("Input.Uln", CandidateEdits.UlnTaken(Input.Uln!.Trim(), holder));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var centreId = db.CurrentCentreId!.Value;
        var candidate = new Core.Centres.Candidate
        {
            CentreId = centreId,
            GivenName = Input.GivenName!.Trim(),
            FamilyName = Input.FamilyName!.Trim(),
            DateOfBirth = Input.DateOfBirth!.Value,
            Uln = Input.Uln!.Trim(),
            AwardingBodyCandidateNumber = string.IsNullOrWhiteSpace(Input.CandidateNumber) ? null : Input.CandidateNumber.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Input.Email))
        {
            var user = await accounts.InviteCandidateAsync(Input.Email, candidate.FullName, HttpContext.Actor(), cancellationToken);
            candidate.UserId = user.Id;
            TempData["Success"] = $"{candidate.FullName} is registered. We have emailed {user.Email} a link to choose their password.";
        }
        else
        {
            TempData["Success"] = $"{candidate.FullName} is registered.";
        }

        db.Candidates.Add(candidate);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/Admin/Candidates/{candidate.Id}");
    }
}

/// <summary>What the form posts; the rules are <see cref="CandidateDetails.Check"/>, shared with the import.</summary>
public sealed class RegisterInput
{
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Uln { get; set; }

    public string? CandidateNumber { get; set; }

    public string? Email { get; set; }
}
