using Attest.Core.Accounts;
using Attest.Core.Data;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Security;

/// <summary>The centre's security record: sign-ins and failures, lockouts, second-factor and role changes, leavers; by person and kind, newest first.</summary>
public sealed class IndexModel(AttestDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public SecurityEventKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public string? PageNumber { get; set; }

    public IReadOnlyList<SecurityEvent> Events { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<(Guid Id, string Name)> People { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var events = db.SecurityEvents.AsNoTracking();
        if (Person is Guid person)
        {
            events = events.Where(e => e.UserId == person);
        }

        if (Kind is SecurityEventKind kind)
        {
            events = events.Where(e => e.Kind == kind);
        }

        Pager = new Pager(Pager.Parse(PageNumber), PageSize, await events.CountAsync(cancellationToken), Link);
        Events = await events.OrderByDescending(e => e.At).Skip(Pager.Skip).Take(PageSize).ToListAsync(cancellationToken);
        var centre = db.CurrentCentreId;
        People = [.. (await db.Users.AsNoTracking().Where(u => u.CentreId == centre).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName))];
        Names = People.ToDictionary(p => p.Id, p => p.Name);
    }

    private string Link(int page) => "/Admin/Security" + QueryString.Create(new Dictionary<string, string?>
    {
        ["person"] = Person?.ToString(), ["kind"] = Kind?.ToString(), ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).ToUriComponent();
}
