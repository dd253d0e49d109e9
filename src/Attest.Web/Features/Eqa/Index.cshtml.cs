using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Eqa;

/// <summary>The EQA's visits to this centre: open ones lead to their sample; others show their window only.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EqaVisit> Visits { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var userId = User.UserId();
        Visits = await db.EqaVisits.AsNoTracking().Include(v => v.Samples).Where(v => v.EqaId == userId).OrderByDescending(v => v.WindowStart).ToListAsync(cancellationToken);
    }
}
