using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Core.Accounts;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Eqa;

/// <summary>EQA visits: the centre makes one for an awarding body's EQA with a time window; the sample is chosen on the visit's page.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    public IReadOnlyList<EqaVisit> Visits { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Eqas { get; private set; } = [];

    public DateTime Now { get; private set; }

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Eqas.All(e => e.Id != Input.EqaId))
        {
            ModelState.AddModelError("Input.EqaId", "Choose an EQA account of this centre");
            return Page();
        }

        var visit = EqaVisit.Create(db.CurrentCentreId!.Value, Input.Reference, Input.EqaId, Eqas.Single(e => e.Id == Input.EqaId).Name,
            Input.WindowStart is { } start ? DateTime.SpecifyKind(start, DateTimeKind.Utc) : null, Input.WindowEnd is { } end ? DateTime.SpecifyKind(end, DateTimeKind.Utc) : null,
            User.UserId(), Now);

        db.EqaVisits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Visit {visit.Reference} made. Choose the portfolios in its sample.";
        return Redirect($"/Admin/Eqa/{visit.Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Visits = await db.EqaVisits.AsNoTracking().Include(v => v.Samples).OrderByDescending(v => v.WindowStart).ToListAsync(cancellationToken);
        Eqas = [.. (await db.ActiveStaffInRole(Roles.Eqa).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName))];
    }
}

public sealed class VisitInput
{
    public string? Reference { get; set; }

    public Guid EqaId { get; set; }

    /// <summary>UTC, as the form says.</summary>
    public DateTime? WindowStart { get; set; }

    public DateTime? WindowEnd { get; set; }
}
