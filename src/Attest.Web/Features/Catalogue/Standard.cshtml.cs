using System.Text;
using Attest.Core.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Catalogue;

/// <summary>An apprenticeship standard (issue 17, item 4): its KSBs grouped as knowledge, skills and behaviours, and its gateway checklist explained.</summary>
public sealed class StandardModel(Core.Qualifications.Catalogue catalogue) : PageModel
{
    public StandardSpec Standard { get; private set; } = null!;

    public IActionResult OnGet(string reference)
    {
        var found = catalogue.FindStandard(reference);
        if (found is null)
        {
            return NotFound();
        }

        Standard = found;
        return Page();
    }

    /// <summary>The catalogue file as shipped, comments and citation included: to start a real standard's file from.</summary>
    public IActionResult OnGetYaml(string reference) =>
        catalogue.FindStandard(reference) is { } standard
            ? File(Encoding.UTF8.GetBytes(standard.Yaml), "application/yaml", $"{standard.Reference}-version-{standard.Version}.yaml")
            : NotFound();

    /// <summary>The qualification's title as the catalogue gives it, for naming a mandatory qualification.</summary>
    public string QualificationName(string code) => catalogue.Find(code) is { } q ? $"{q.AwardingBody} {q.Code} {q.Title}" : code;
}
