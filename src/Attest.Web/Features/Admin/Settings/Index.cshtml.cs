using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Settings;

/// <summary>The centre's own policy: feedback detail and graded reworks.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    [BindProperty]
    public int FeedbackMinWords { get; set; }

    [BindProperty]
    public int ReworkLimit { get; set; }

    public DateTime? ChangedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var policy = await db.CentrePolicyAsync(cancellationToken);
        (FeedbackMinWords, ReworkLimit, ChangedAt) = (policy.FeedbackMinWords, policy.ReworkLimit, policy.ChangedAt);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var policy = await db.CentrePolicies.SingleOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            policy = CentrePolicy.Defaults(db.CurrentCentreId!.Value);
            db.CentrePolicies.Add(policy);
        }

        policy.Change(FeedbackMinWords, ReworkLimit, User.UserId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Centre settings saved.";
        return Redirect("/Admin/Settings");
    }

    public Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
