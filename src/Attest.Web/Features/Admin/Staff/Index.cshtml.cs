using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Staff;

/// <summary>The centre's staff: search by name or email, filter by role and status, a page at a time.</summary>
public sealed class IndexModel(AttestDbContext db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Name, string Email, IReadOnlyList<string> Roles, bool LeadIqa, string Status, bool TwoFactor, int Caseload);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public string? PageNumber { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public static readonly IReadOnlyList<(string Value, string Label)> RoleFilters =
        [(Roles.CentreAdmin, "Administrators"), (Roles.Assessor, "Assessors"), (Roles.Iqa, "IQAs"), (Roles.Eqa, "EQAs")];

    public static readonly IReadOnlyList<(string Value, string Label)> StatusFilters =
        [("active", "Active"), ("invited", "Invited, no password yet"), ("deactivated", "Deactivated")];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var centre = db.CurrentCentreId;
        // Candidates and employers' line managers are managed from their own pages.
        var staff = db.Users.Where(u => u.CentreId == centre && !db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Candidate || r.Name == Roles.Employer))));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(...) LIKE: no .NET culture is involved
            staff = staff.Where(u => u.DisplayName.ToLower().Contains(q) || u.Email!.ToLower().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (RoleFilters.Any(r => r.Value == Role))
        {
            staff = staff.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        staff = Status switch
        {
            "active" => staff.Where(u => u.DeactivatedAt == null),
            "invited" => staff.Where(u => u.DeactivatedAt == null && u.PasswordHash == null && !db.UserLogins.Any(l => l.UserId == u.Id)),
            "deactivated" => staff.Where(u => u.DeactivatedAt != null),
            _ => staff,
        };

        Pager = new Pager(Pager.Parse(PageNumber), PageSize, await staff.CountAsync(cancellationToken), Link);
        var people = await staff.OrderBy(u => u.DeactivatedAt != null).ThenBy(u => u.DisplayName).Skip(Pager.Skip).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.DeactivatedAt, u.TwoFactorEnabled, Invited = u.PasswordHash == null && !db.UserLogins.Any(l => l.UserId == u.Id),
                Caseload = db.Enrolments.Count(e => e.AssessorId == u.Id),
            })
            .ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var leads = await db.StaffProfiles.Where(p => ids.Contains(p.UserId) && p.LeadIqa).Select(p => p.UserId).ToListAsync(cancellationToken);
        Rows = [.. people.Select(p => new Row(p.Id, p.DisplayName, p.Email ?? string.Empty,
            [.. Roles.All.Where(r => roles.Any(x => x.UserId == p.Id && x.Name == r))], leads.Contains(p.Id),
            p.DeactivatedAt is DateTime closed ? $"Deactivated {closed:d MMMM yyyy}" : p.Invited ? "Invited, no password yet" : "Active",
            p.TwoFactorEnabled, p.Caseload))];
    }

    private string Link(int page) => QueryString.Create(new Dictionary<string, string?> { ["q"] = Q, ["role"] = Role, ["status"] = Status, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        .ToUriComponent() is var query ? "/Admin/Staff" + query : "/Admin/Staff";
}
