using Attest.Core.Data;
using Attest.Web.Features.Shared;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Employer;

/// <summary>The line manager's apprentices, and only those: their progress as kept, a page at a time and searchable.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    [FromQuery]
    public LearnerQuery List { get; set; } = new();

    public LearnerChoices Choices { get; private set; } = null!;

    public IReadOnlyList<LearnerRow> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public string EmployerName { get; private set; } = string.Empty;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        EmployerName = await db.EmployerContacts.Where(c => c.UserId == userId).Join(db.Employers, c => c.EmployerId, e => e.Id, (c, e) => e.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        (Pager, Rows, Choices) = await EmployerScope.ApprenticesOf(db, userId).TrackedPageAsync(db, catalogue, List, Today, "/Employer", cancellationToken);
    }
}
