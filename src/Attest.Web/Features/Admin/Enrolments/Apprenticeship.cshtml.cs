using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Enrolments;

/// <summary>
/// Makes an enrolment an apprenticeship, or changes its terms: the standard or framework, dates, hours and the employer,
/// which must be one of this centre's (Apprenticeship.Change says what else is refused).
/// </summary>
public sealed class ApprenticeshipModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, OffTheJobRules offTheJobRules, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ApprenticeshipInput Input { get; set; } = new();

    public string CandidateName { get; private set; } = string.Empty;

    public Guid CandidateId { get; private set; }

    public string QualificationName { get; private set; } = string.Empty;

    public IReadOnlyList<(Guid Id, string Name)> Employers { get; private set; } = [];

    /// <summary>The terms as they stand, with who last changed them; null before the enrolment is an apprenticeship.</summary>
    public Apprenticeship? Current { get; private set; }

    public string? ChangedBy { get; private set; }

    /// <summary>Whether anyone has signed the gateway declaration: then the standard and its version stay as signed for.</summary>
    public bool GatewaySigned { get; private set; }

    /// <summary>The versions the catalogue holds of the standard the apprentice follows, newest first; empty for a framework or a standard not held.</summary>
    public IReadOnlyList<Core.Qualifications.StandardSpec> StandardVersions =>
        Current is { Programme: ApprenticeshipProgramme.Standard } a ? catalogue.StandardVersions(a.ProgrammeCode) : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (enrolment is null)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        Input = Current is { } a
            ? new ApprenticeshipInput
            {
                Programme = a.Programme, ProgrammeCode = a.ProgrammeCode, ProgrammeTitle = a.ProgrammeTitle, StartDate = a.StartDate, PlannedEndDate = enrolment.PlannedEndDate,
                ContractedHoursPerWeek = a.ContractedHoursPerWeek, PlannedOffTheJobHours = a.PlannedOffTheJobHours, EmployerId = a.EmployerId,
                StandardVersion = a.StandardVersion,
            }
            : new ApprenticeshipInput { StartDate = enrolment.RegisteredOn, PlannedEndDate = enrolment.PlannedEndDate };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (enrolment is null)
        {
            return NotFound();
        }

        // The centre filter hides another centre's employers, so their id finds nothing and is refused.
        var employer = Input.EmployerId is Guid employerId ? await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employerId, cancellationToken) : null;
        var terms = Input.Terms();
        var now = clock.GetUtcNow().UtcDateTime;
        var apprenticeship = await db.Apprenticeships.SingleOrDefaultAsync(a => a.EnrolmentId == Id, cancellationToken);
        if (apprenticeship is null)
        {
            db.Apprenticeships.Add(Apprenticeship.Start(enrolment, terms, employer, offTheJobRules, catalogue, User.UserId(), now));
        }
        else
        {
            apprenticeship.Change(enrolment, terms, employer, offTheJobRules, catalogue, User.UserId(), now, await GatewaySignedAsync(cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = apprenticeship is null ? $"The enrolment is now an apprenticeship with {employer!.Name}." : "The apprenticeship's details are saved.";
        return Redirect($"/Admin/Candidates/{enrolment.CandidateId}");
    }

    private Task<bool> GatewaySignedAsync(CancellationToken cancellationToken) => db.GatewaySignatures.AnyAsync(s => s.EnrolmentId == Id, cancellationToken);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var row = await db.Enrolments.Where(e => e.Id == Id)
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { c.Id, c.GivenName, c.FamilyName, e.QualificationCode })
            .SingleAsync(cancellationToken);
        (CandidateId, CandidateName) = (row.Id, row.GivenName + " " + row.FamilyName);
        QualificationName = catalogue.Find(row.QualificationCode)?.DisplayName ?? row.QualificationCode;
        Employers = [.. (await db.Employers.AsNoTracking().OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken)).Select(e => (e.Id, e.Name))];
        Current = await db.Apprenticeships.AsNoTracking().SingleOrDefaultAsync(a => a.EnrolmentId == Id, cancellationToken);
        GatewaySigned = await GatewaySignedAsync(cancellationToken);
        var centreId = db.CurrentCentreId;
        ChangedBy = Current is null ? null : await db.Users.Where(u => u.CentreId == centreId && u.Id == Current.ChangedBy).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
    }
}

public sealed class ApprenticeshipInput
{
    public ApprenticeshipProgramme? Programme { get; set; }

    public string? ProgrammeCode { get; set; }

    public string? ProgrammeTitle { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? PlannedEndDate { get; set; }

    public decimal? ContractedHoursPerWeek { get; set; }

    public decimal? PlannedOffTheJobHours { get; set; }

    public Guid? EmployerId { get; set; }

    /// <summary>A version of the standard to move the apprentice to; offered once the apprenticeship follows a standard held.</summary>
    public string? StandardVersion { get; set; }

    public ApprenticeshipTerms Terms() => new(Programme, ProgrammeCode, ProgrammeTitle, StartDate, PlannedEndDate, ContractedHoursPerWeek, PlannedOffTheJobHours, EmployerId, StandardVersion);
}
