using System.ComponentModel.DataAnnotations;
using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.Ksbs;
using Attest.Web.Features.OffTheJob;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate;

/// <summary>What the apprentice enters for one activity; <see cref="Duration"/> is in hours (1.5 is an hour and a half).</summary>
public sealed class OffTheJobInput
{
    [DataType(DataType.Date)]
    public DateOnly? Date { get; set; }

    public TimeOnly? Starts { get; set; }

    public TimeOnly? Ends { get; set; }

    public decimal? Duration { get; set; }

    public string? ActivityType { get; set; }

    public string? WhatWasLearnt { get; set; }

    public bool InOwnTime { get; set; }

    /// <summary>Codes of the standard's KSBs the activity worked on (optional).</summary>
    public List<string> Ksbs { get; set; } = [];
}

/// <summary>
/// The apprentice's off-the-job log (issue 17 item 2): log an activity from a phone, and see planned, expected to date,
/// verified hours and the gap. Entries are refused with every reason on its field (<see cref="OffTheJobActivity.Check"/>).
/// </summary>
public sealed class OffTheJobModel(AttestDbContext db, OffTheJobRules rules, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [BindProperty]
    public OffTheJobInput Input { get; set; } = new();

    public OffTheJobLog Log { get; private set; } = null!;

    public IReadOnlyList<OffTheJobActivityType> ActivityTypes => rules.ActivityTypes;

    /// <summary>The apprenticeship's standard, whose KSBs an activity may be mapped to; null when the catalogue does not hold it.</summary>
    public Core.Qualifications.StandardSpec? Standard => Log.Apprenticeship.StandardIn(catalogue);

    public DateOnly Today => UkTime.DateOf(clock.GetUtcNow().UtcDateTime);

    private IQueryable<Enrolment> Mine()
    {
        var userId = User.UserId();
        return db.Enrolments.Where(e => db.Candidates.Any(c => c.Id == e.CandidateId && c.UserId == userId)).OrderByDescending(e => e.RegisteredOn);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Date = Today;
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? await Log.ExportAsync(Response, format, cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Input.Date is not DateOnly day)
        {
            throw new DomainRuleException("Enter the date of the activity.", "Date");
        }

        if (Input.Duration > 24)
        {
            throw new DomainRuleException("The time spent must be 24 hours or less: a day has 24 hours.", "Duration");
        }

        // Any negative is refused by the rules as it stands; the bound keeps the minutes within an int.
        var minutes = Input.Duration is decimal hours ? (int)Math.Round(Math.Max(hours, -24) * 60) : 0;
        var entry = new OffTheJobEntry(day, TimeSpan.FromMinutes(minutes), Input.ActivityType ?? string.Empty, Input.Starts, Input.Ends, Input.InOwnTime);
        var others = await OffTheJobLog.StandingEntriesAsync(db, Log.Candidate.Id, day, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var activity = OffTheJobActivity.Log(rules, Log.Plan, Log.Enrolment, entry, Input.WhatWasLearnt, others, Today, User.UserId(), now);
        db.OffTheJobActivities.Add(activity);
        if (Input.Ksbs.Any(k => !string.IsNullOrWhiteSpace(k)))
        {
            await KsbMappingQueries.AddAsync(db, catalogue, Log.Enrolment, KsbRecords.Of(activity, rules), Input.Ksbs, Core.Centres.Roles.Candidate, User.UserId(), User.DisplayName(), now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Logged {minutes / 60m:0.##} hours on {day:d MMMM yyyy}: your assessor or line manager verifies it.";
        return RedirectToPage();
    }

    /// <summary>Why an entry comes out of the log; bound as "Reason", the field a refusal names.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The entry whose withdrawal was just refused: its form is shown open again, with the reason as typed.</summary>
    public Guid? Withdrawing { get; private set; }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid activityId, CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Withdrawing = activityId;

        if (!await Log.WithdrawAsync(db, activityId, Reason, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return NotFound();
        }

        TempData["Success"] = "The activity is taken out of your log. Log it again if it needs correcting.";
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var log = await OffTheJobLog.LoadAsync(db, rules, Mine(), Today, cancellationToken);
        Log = log!;
        return log is not null;
    }
}
