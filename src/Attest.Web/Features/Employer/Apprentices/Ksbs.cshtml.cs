using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Web.Features.Ksbs;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Employer.Apprentices;

/// <summary>
/// One of the line manager's apprentices' KSB coverage, to read: the hours log and reviews it links to are the line
/// manager's own pages; evidence is named, not opened. Another employer's apprentice is 404.
/// </summary>
public sealed class KsbsModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, OffTheJobRules rules) : PageModel
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    public KsbCoverageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await KsbCoverageView.LoadAsync(db, catalogue, rules, EmployerScope.ApprenticesOf(db, User.UserId()), EnrolmentId,
            (enrolment, kind, id) => kind switch
            {
                KsbRecordKind.OffTheJobActivity => $"/Employer/Apprentices/{enrolment.Id}/OffTheJob",
                KsbRecordKind.ProgressReview => $"/Employer/Apprentices/{enrolment.Id}/Reviews#review-{id}",
                _ => null,
            },
            (_, _) => false,
            cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
