using Attest.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Planning;

public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    public PlanningContext Context { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await PlanningContext.LoadAsync(db, User, enrolmentId, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        Context = context;
        return Page();
    }
}
