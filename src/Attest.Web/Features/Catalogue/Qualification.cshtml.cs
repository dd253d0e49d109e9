using Attest.Core.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Catalogue;

public sealed class QualificationModel(Core.Qualifications.Catalogue catalogue) : PageModel
{
    public QualificationSpec Qualification { get; private set; } = null!;

    /// <summary>The units ticked in "try a selection".</summary>
    [BindProperty(SupportsGet = true, Name = "units")]
    public List<string> Units { get; set; } = [];

    /// <summary>The rules' verdict on the ticked units, once the person asks for it.</summary>
    public CombinationResult? Tried { get; private set; }

    /// <summary>The apprenticeship standards that make this qualification mandatory.</summary>
    public IEnumerable<StandardSpec> Standards => catalogue.StandardsRequiring(Qualification.Code);

    public IActionResult OnGet(string code, bool check = false)
    {
        var found = catalogue.Find(code);
        if (found is null)
        {
            return NotFound();
        }

        Qualification = found;
        Tried = check ? RulesOfCombination.Check(found, Units) : null;
        return Page();
    }
}
