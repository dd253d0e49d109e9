using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Admin.Employers;

/// <summary>The administrator adds an employer; contacts are added on its page.</summary>
public sealed class AddModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EmployerInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var employer = Core.Apprenticeships.Employer.Create(db.CurrentCentreId!.Value, Input.Name, Input.Address, User.UserId(), clock.GetUtcNow().UtcDateTime);
        db.Employers.Add(employer);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{employer.Name} added. Add the people you deal with there.";
        return Redirect($"/Admin/Employers/{employer.Id}");
    }
}

public sealed class EmployerInput
{
    public string? Name { get; set; }

    public string? Address { get; set; }
}

public sealed class ContactInput
{
    public string? Name { get; set; }

    public string? JobTitle { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}
