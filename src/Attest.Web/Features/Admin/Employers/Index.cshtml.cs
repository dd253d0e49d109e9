using Attest.Core.Data;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Employers;

/// <summary>The centre's employers: search by the employer's or a contact's name or email, a page at a time.</summary>
public sealed class IndexModel(AttestDbContext db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Name, int Contacts, int Apprentices, DateTime ChangedAt);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public string? PageNumber { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var employers = db.Employers.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(...) LIKE: no .NET culture is involved
            employers = employers.Where(e => e.Name.ToLower().Contains(q)
                || db.EmployerContacts.Any(c => c.EmployerId == e.Id && (c.Name.ToLower().Contains(q) || (c.Email != null && c.Email.ToLower().Contains(q)))));
#pragma warning restore CA1304, CA1311, CA1862
        }

        Pager = new Pager(Pager.Parse(PageNumber), PageSize, await employers.CountAsync(cancellationToken), Link);
        Rows = await employers.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(e => new Row(e.Id, e.Name, db.EmployerContacts.Count(c => c.EmployerId == e.Id), db.Apprenticeships.Count(a => a.EmployerId == e.Id), e.ChangedAt))
            .ToListAsync(cancellationToken);
    }

    private string Link(int page) =>
        "/Admin/Employers" + QueryString.Create(new Dictionary<string, string?> { ["q"] = Q, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToUriComponent();
}
