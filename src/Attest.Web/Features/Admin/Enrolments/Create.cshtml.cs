using System.ComponentModel.DataAnnotations;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Quality;
using Attest.Core.Qualifications;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Enrolments;

/// <summary>Enrols a candidate with chosen units; the rules of combination and the registration window decide.</summary>
public sealed class CreateModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    public Core.Qualifications.Catalogue Catalogue { get; } = catalogue;

    public QualificationSpec? Qualification { get; private set; }

    public string CandidateName { get; private set; } = string.Empty;

    [BindProperty]
    public EnrolInput Input { get; set; } = new();

    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(string? qualification, CancellationToken cancellationToken)
    {
        if (!await LoadCandidateAsync(cancellationToken))
        {
            return NotFound();
        }

        Qualification = qualification is null ? null : Catalogue.Find(qualification);
        Input.RegisteredOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCandidateAsync(cancellationToken))
        {
            return NotFound();
        }

        Qualification = Catalogue.Find(Input.QualificationCode);
        if (Qualification is null)
        {
            ModelState.AddModelError("Input.QualificationCode", "Choose a qualification from the catalogue");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var hold = EqaSanctions.RegistrationHold(EqaSanctions.InForce(await db.EqaReports.AsNoTracking().ToListAsync(cancellationToken)));
        var enrolment = Enrolment.Create(db.CurrentCentreId!.Value, Id, Qualification!, Input.Units, Input.RegisteredOn!.Value, clock.GetUtcNow().UtcDateTime, User.UserId(), hold);
        enrolment.PlanEnd(Input.PlannedEndDate);

        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{CandidateName} is enrolled on {Qualification!.DisplayName}.";
        return Redirect($"/Admin/Candidates/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await LoadCandidateAsync(cancellationToken);

    private async Task<bool> LoadCandidateAsync(CancellationToken cancellationToken)
    {
        var name = await db.Candidates.Where(c => c.Id == Id).Select(c => c.GivenName + " " + c.FamilyName).SingleOrDefaultAsync(cancellationToken);
        CandidateName = name ?? string.Empty;
        return name is not null;
    }
}

public sealed class EnrolInput
{
    [Required(ErrorMessage = "Choose a qualification")]
    public string QualificationCode { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the registration date")]
    public DateOnly? RegisteredOn { get; set; }

    public List<string> Units { get; set; } = [];

    public DateOnly? PlannedEndDate { get; set; }
}
