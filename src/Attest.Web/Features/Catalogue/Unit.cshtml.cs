using Attest.Core.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Catalogue;

public sealed class UnitModel(Core.Qualifications.Catalogue catalogue) : PageModel
{
    public QualificationSpec Qualification { get; private set; } = null!;

    public UnitSpec Unit { get; private set; } = null!;

    public IActionResult OnGet(string code, string unitCode)
    {
        var qualification = catalogue.Find(code);
        var unit = qualification?.FindUnit(unitCode);
        if (qualification is null || unit is null)
        {
            return NotFound();
        }

        (Qualification, Unit) = (qualification, unit);
        return Page();
    }
}
