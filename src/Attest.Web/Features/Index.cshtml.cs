using Attest.Core.Centres;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features;

/// <summary>Sends each person to where their work is.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(Roles.CentreAdmin) ? Redirect("/Admin/Candidates")
        : User.IsInRole(Roles.Assessor) ? Redirect("/Assessor")
        : User.IsInRole(Roles.Iqa) ? Redirect("/Iqa")
        : User.IsInRole(Roles.Eqa) ? Redirect("/Eqa")
        : User.IsInRole(Roles.Candidate) ? Redirect("/Candidate")
        : User.IsInRole(Roles.Employer) ? Redirect("/Employer")
        : Page();
}
