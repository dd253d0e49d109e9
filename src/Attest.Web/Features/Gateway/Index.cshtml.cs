using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Gateway;

/// <summary>
/// An apprentice's gateway (issue 17 item 5) for the centre administrator and IQAs (any apprentice of the centre), the
/// assessor (their own) and the apprentice (their own): the checklist item by item with the standard's explanation and
/// what is still missing, English and maths, and the declaration. The administrator and the assessor record English and
/// maths and sign for the provider, last; staff download the pack for the end-point assessment organisation once both
/// parties have signed. Anyone else, or an enrolment that is no apprenticeship, gets 404.
/// </summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, OffTheJobRules rules, IFileStore store, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [BindProperty]
    public EnglishAndMathsInput Input { get; set; } = new();

    public GatewayStanding Standing { get; private set; } = null!;

    /// <summary>The administrator or the apprentice's own assessor: records English and maths and signs for the provider.</summary>
    public bool ActsForProvider { get; private set; }

    /// <summary>Staff may download the pack; the apprentice sees their gateway but does not send it.</summary>
    public bool CanExport => !IsApprentice;

    private bool IsApprentice { get; set; }

    /// <summary>The radio choices of the English and maths form, each with whether it is checked.</summary>
    public IReadOnlyList<(string Field, (string Value, bool Checked)[] Options)> Choices =>
    [
        ("Subject", [.. Enum.GetValues<EnglishAndMathsSubject>().Select(v => (v.ToString(), Input.Subject == v))]),
        ("Outcome", [.. Enum.GetValues<EnglishAndMathsOutcome>().Select(v => (v.ToString(), Input.Outcome == v))]),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!CanExport)
        {
            return Forbid();
        }

        if (!Standing.IsDeclared || Standing.Readiness is null)
        {
            ModelState.AddModelError(string.Empty, "The pack for the end-point assessment organisation is made once the employer and the training provider have both signed the gateway declaration.");
            return Page();
        }

        var centre = await db.Centres.AsNoTracking().SingleAsync(c => c.Id == Standing.Enrolment.CentreId, cancellationToken);
        return new GatewayExport(Standing, centre, store);
    }

    public async Task<IActionResult> OnPostSignAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ActsForProvider)
        {
            return Forbid();
        }

        await Standing.SignAsync(db, GatewayParty.Provider, SignerRole, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        TempData["Success"] = "You have signed the gateway declaration for the training provider.";
        return Redirect($"/Gateway/{EnrolmentId}");
    }

    public async Task<IActionResult> OnPostEnglishAndMathsAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ActsForProvider)
        {
            return Forbid();
        }

        await Standing.RecordEnglishAndMathsAsync(db, Input.Details(), SignerRole, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        TempData["Success"] = $"{(Input.Subject == EnglishAndMathsSubject.Maths ? "Maths" : "English")} recorded.";
        return Redirect($"/Gateway/{EnrolmentId}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    /// <summary>The assessor signs as the assessor when the enrolment is theirs, else the administrator as the administrator.</summary>
    private string SignerRole => User.IsInRole(Roles.Assessor) && Standing.Enrolment.AssessorId == User.UserId() ? Roles.Assessor : Roles.CentreAdmin;

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var isAdmin = User.IsInRole(Roles.CentreAdmin);
        var wholeCentre = isAdmin || User.IsInRole(Roles.Iqa);
        var isAssessor = User.IsInRole(Roles.Assessor);
        var isCandidate = User.IsInRole(Roles.Candidate);
        var scoped = db.Enrolments.Where(e => e.Id == EnrolmentId
            && (wholeCentre || (isAssessor && e.AssessorId == userId) || (isCandidate && db.Candidates.Any(c => c.Id == e.CandidateId && c.UserId == userId))));
        var standing = await GatewayStanding.LoadAsync(db, catalogue, rules, scoped, UkTime.DateOf(clock.GetUtcNow().UtcDateTime), cancellationToken);
        if (standing is null)
        {
            return false;
        }

        Standing = standing;
        var assigned = isAssessor && standing.Enrolment.AssessorId == userId;
        ActsForProvider = isAdmin || assigned;
        IsApprentice = !wholeCentre && !assigned;
        return true;
    }
}

public sealed class EnglishAndMathsInput
{
    public EnglishAndMathsSubject? Subject { get; set; }

    public EnglishAndMathsOutcome? Outcome { get; set; }

    public int? Level { get; set; }

    public DateOnly? AchievedOn { get; set; }

    public string? Evidence { get; set; }

    public string? ExemptionReason { get; set; }

    public EnglishAndMathsDetails Details() => new(Subject, Outcome, Level, AchievedOn, Evidence, ExemptionReason);
}
