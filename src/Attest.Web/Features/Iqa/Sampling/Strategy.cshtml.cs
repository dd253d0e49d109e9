using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Core.Accounts;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Iqa.Sampling;

/// <summary>The lead IQA sets a qualification's sampling strategy; other IQAs read it on the plans page.</summary>
public sealed class StrategyModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "qualification")]
    public string QualificationCode { get; set; } = string.Empty;

    public string QualificationName { get; private set; } = string.Empty;

    [BindProperty]
    public SamplingStrategy Strategy { get; set; } = SamplingStrategy.Default;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await RefusalAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Strategy = await db.StrategyAsync(QualificationCode, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await RefusalAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await db.SamplingStrategies.SingleOrDefaultAsync(s => s.QualificationCode == QualificationCode, cancellationToken);
        if (saved is null)
        {
            saved = new CentreSamplingStrategy { CentreId = db.CurrentCentreId!.Value, QualificationCode = QualificationCode };
            db.SamplingStrategies.Add(saved);
        }

        saved.Change(Strategy, User.UserId(), clock.GetUtcNow().UtcDateTime);

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Sampling strategy for {QualificationName} saved.";
        return Redirect("/Iqa/Sampling");
    }

    /// <summary>404 for a qualification the centre does not run; 403 for an IQA who is not lead.</summary>
    private async Task<IActionResult?> RefusalAsync(CancellationToken cancellationToken)
    {
        if (!await db.Enrolments.AnyAsync(e => e.QualificationCode == QualificationCode, cancellationToken))
        {
            return NotFound();
        }

        QualificationName = catalogue.Find(QualificationCode)?.DisplayName ?? QualificationCode;
        return await db.IsLeadIqaAsync(User.UserId(), cancellationToken) ? null : StatusCode(StatusCodes.Status403Forbidden);
    }
}
