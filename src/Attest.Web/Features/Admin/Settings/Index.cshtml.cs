using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Settings;

/// <summary>The centre's own policy: feedback detail, graded reworks, the longest recording, whether claims wait for summative IQA samples, which roles must use a second factor (from each person's next sign-in), how long learners' records are kept, and the weeks between apprentices' progress reviews.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Infrastructure.Media.MediaOptions> media) : PageModel, IRedisplayable
{
    [BindProperty]
    public int FeedbackMinWords { get; set; }

    [BindProperty]
    public int ReworkLimit { get; set; }

    [BindProperty]
    public int? LongRecordingMinutes { get; set; }

    [BindProperty]
    public bool ClaimsWaitForSummativeSample { get; set; }

    [BindProperty]
    public int RetentionYears { get; set; }

    /// <summary>Left as it was when a post does not carry it (the form always does).</summary>
    [BindProperty]
    public int? ReviewIntervalWeeks { get; set; }

    [BindProperty]
    public List<string> TwoFactorRoles { get; set; } = [];

    public int DefaultLongRecordingMinutes => media.Value.LongRecordingMinutes;

    public DateTime? ChangedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var policy = await db.CentrePolicyAsync(cancellationToken);
        (FeedbackMinWords, ReworkLimit, LongRecordingMinutes, ClaimsWaitForSummativeSample, ChangedAt) = (policy.FeedbackMinWords, policy.ReworkLimit, policy.LongRecordingMinutes, policy.ClaimsWaitForSummativeSample, policy.ChangedAt);
        TwoFactorRoles = [.. policy.TwoFactorRoleList];
        RetentionYears = policy.RetentionYears;
        ReviewIntervalWeeks = policy.ReviewIntervalWeeks;
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

        var now = clock.GetUtcNow().UtcDateTime;
        policy.Change(FeedbackMinWords, ReworkLimit, LongRecordingMinutes, ClaimsWaitForSummativeSample, User.UserId(), now);
        policy.RequireTwoFactorFor(TwoFactorRoles, User.UserId(), now);
        policy.KeepRecordsFor(RetentionYears, User.UserId(), now);
        if (ReviewIntervalWeeks is int weeks)
        {
            policy.ReviewEvery(weeks, User.UserId(), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Centre settings saved.";
        return Redirect("/Admin/Settings");
    }

    public Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
