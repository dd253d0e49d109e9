using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.OffTheJob;

/// <summary>
/// An apprentice's off-the-job log for someone who verifies it (the assessor of the enrolment, or the line manager of
/// the apprentice's employer): the log as the apprentice sees it, with the waiting entries to tick and verify in one
/// signed submit. Each page says whose enrolments are in its scope; any other is 404.
/// </summary>
public abstract class VerifyPageModel(AttestDbContext db, OffTheJobRules rules, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [BindProperty]
    public List<Guid> Ticked { get; set; } = [];

    public OffTheJobLog Log { get; private set; } = null!;

    /// <summary>The role the verification is signed in.</summary>
    protected abstract string Role { get; }

    public abstract string BackPath { get; }

    public string SelfPath => HttpContext.Request.Path;

    /// <summary>The enrolments this user may verify.</summary>
    protected abstract IQueryable<Enrolment> Scope(AttestDbContext db);

    private DateOnly Today => Core.UkTime.DateOf(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? await Log.ExportAsync(Response, format, cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await Log.VerifyAsync(db, Ticked, Role, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        TempData["Success"] = $"{Ticked.Distinct().Count()} {(Ticked.Distinct().Count() == 1 ? "activity" : "activities")} verified and signed.";
        return Redirect(SelfPath);
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var log = await OffTheJobLog.LoadAsync(db, rules, Scope(db).Where(e => e.Id == EnrolmentId), Today, cancellationToken);
        Log = log!;
        return log is not null;
    }
}
