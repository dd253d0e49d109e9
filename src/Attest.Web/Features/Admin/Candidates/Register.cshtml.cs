using System.ComponentModel.DataAnnotations;
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
        if (Uln.Validate(Input.Uln) is string ulnError)
        {
            ModelState.AddModelError("Input.Uln", ulnError);
        }

        if (Input.DateOfBirth is DateOnly dob && (dob > today || dob < today.AddYears(-120)))
        {
            ModelState.AddModelError("Input.DateOfBirth", "Date of birth must be a real date in the past");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var centreId = db.CurrentCentreId!.Value;
        var candidate = new Core.Centres.Candidate
        {
            CentreId = centreId,
            GivenName = Input.GivenName.Trim(),
            FamilyName = Input.FamilyName.Trim(),
            DateOfBirth = Input.DateOfBirth!.Value,
            Uln = Input.Uln.Trim(),
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

public sealed class RegisterInput
{
    [Required(ErrorMessage = "Enter the candidate's given name")]
    [StringLength(100, ErrorMessage = "Given name must be 100 characters or fewer")]
    public string GivenName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the candidate's family name")]
    [StringLength(100, ErrorMessage = "Family name must be 100 characters or fewer")]
    public string FamilyName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the candidate's date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [Required(ErrorMessage = "Enter the candidate's ULN, or 9999999999 if they do not have one yet")]
    public string Uln { get; set; } = string.Empty;

    [StringLength(20, ErrorMessage = "Candidate number must be 20 characters or fewer")]
    public string? CandidateNumber { get; set; }

    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }
}
