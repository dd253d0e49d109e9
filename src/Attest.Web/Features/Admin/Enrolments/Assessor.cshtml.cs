using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Accounts;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Enrolments;

public sealed class AssessorModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue) : PageModel, IRedisplayable
{
    public sealed record Option(Guid Id, string Name);

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? AssessorId { get; set; }

    public string CandidateName { get; private set; } = string.Empty;

    public string QualificationName { get; private set; } = string.Empty;

    public IReadOnlyList<Option> Assessors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (enrolment is null)
        {
            return NotFound();
        }

        AssessorId = enrolment.AssessorId;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (enrolment is null)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        if (AssessorId is not Guid chosen || Assessors.All(a => a.Id != chosen))
        {
            ModelState.AddModelError(nameof(AssessorId), "Choose an assessor of this centre");
            return Page();
        }

        enrolment.AssignAssessor(chosen);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{Assessors.First(a => a.Id == chosen).Name} is now the assessor.";
        return Redirect($"/Admin/Candidates/{enrolment.CandidateId}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var row = await db.Enrolments.Where(e => e.Id == Id)
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { c.GivenName, c.FamilyName, e.QualificationCode })
            .SingleAsync(cancellationToken);
        CandidateName = row.GivenName + " " + row.FamilyName;
        QualificationName = catalogue.Find(row.QualificationCode)?.DisplayName ?? row.QualificationCode;
        Assessors = await db.ActiveStaffInRole(Roles.Assessor)
            .OrderBy(u => u.DisplayName)
            .Select(u => new Option(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
    }
}
