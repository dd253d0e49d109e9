using System.Text;
using Attest.Core.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Catalogue;

/// <summary>An apprenticeship standard (issue 17, item 4): its KSBs grouped as knowledge, skills and behaviours, and its gateway checklist explained.</summary>
public sealed class StandardModel(Core.Qualifications.Catalogue catalogue) : PageModel
{
    public StandardSpec Standard { get; private set; } = null!;

    /// <summary>The standard's other versions, newest first.</summary>
    public IReadOnlyList<StandardSpec> OtherVersions { get; private set; } = [];

    /// <param name="version">A version other than the latest, for apprentices who started on it.</param>
    public IActionResult OnGet(string reference, string? version)
    {
        if (Find(reference, version) is not { } found)
        {
            return NotFound();
        }

        Standard = found;
        OtherVersions = [.. catalogue.StandardVersions(reference).Where(s => s != found)];
        return Page();
    }

    /// <summary>The catalogue file as shipped, comments and citation included: to start a real standard's file from.</summary>
    public IActionResult OnGetYaml(string reference, string? version) =>
        Find(reference, version) is { } standard
            ? File(Encoding.UTF8.GetBytes(standard.Yaml), "application/yaml", $"{standard.Reference}-version-{standard.Version}.yaml")
            : NotFound();

    private StandardSpec? Find(string reference, string? version) =>
        version is null ? catalogue.FindStandard(reference) : catalogue.FindStandard(reference, version);

    /// <summary>The qualification's title as the catalogue gives it, for naming a mandatory qualification.</summary>
    public string QualificationName(string code) => catalogue.Find(code) is { } q ? $"{q.AwardingBody} {q.Code} {q.Title}" : code;
}
