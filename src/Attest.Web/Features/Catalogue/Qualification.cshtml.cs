using Attest.Core.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Catalogue;

public sealed class QualificationModel(Core.Qualifications.Catalogue catalogue) : PageModel
{
    public QualificationSpec Qualification { get; private set; } = null!;

    public IActionResult OnGet(string code)
    {
        var found = catalogue.Find(code);
        if (found is null)
        {
            return NotFound();
        }

        Qualification = found;
        return Page();
    }
}
