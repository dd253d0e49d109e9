using Attest.Core.Accounts;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Admin.Staff;

/// <summary>The administrator invites staff by email, with one or more roles; the person chooses their own password through the link.</summary>
public sealed class InviteModel(AccountService accounts, IOptions<AccountOptions> options) : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public int InvitationDays => options.Value.InvitationDays;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await accounts.InviteStaffAsync(Input.Email, Input.Name, Input.Roles, Input.LeadIqa, HttpContext.Actor(), cancellationToken);
        TempData["Success"] = $"Invitation sent to {user.Email}. The link works for {InvitationDays} days; you can send it again from this page.";
        return Redirect($"/Admin/Staff/{user.Id}");
    }
}

public sealed class StaffInput
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public List<string> Roles { get; set; } = [];

    public bool LeadIqa { get; set; }
}

/// <summary>The role checkboxes of the invite and person pages.</summary>
public sealed record RoleChoices(string Prefix, IReadOnlyCollection<string> Roles, bool LeadIqa);
