using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Enrolments;

/// <summary>
/// A learner's place on a qualification: withdraw them, or start and end a break in learning (issue 14, item 5). Each act
/// is signed by the administrator; the rules are <see cref="Enrolment"/>'s.
/// </summary>
public sealed class StatusModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public StatusInput Input { get; set; } = new();

    public Enrolment Enrolment { get; private set; } = null!;

    public string CandidateName { get; private set; } = string.Empty;

    public string QualificationName { get; private set; } = string.Empty;

    /// <summary>What can be recorded now: a break or a withdrawal while enrolled; a return or a withdrawal while on a break.</summary>
    public IReadOnlyList<EnrolmentAct> Acts { get; private set; } = [];

    public IReadOnlyList<EnrolmentStatusChange> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await db.Enrolments.AnyAsync(e => e.Id == Id, cancellationToken) ? await LoadedPageAsync(cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (enrolment is null)
        {
            return NotFound();
        }

        if (Input.Act is null)
        {
            ModelState.AddModelError("Input.Act", "Choose what is happening: a break in learning, a return from one, or a withdrawal");
        }

        if (!ModelState.IsValid)
        {
            return await LoadedPageAsync(cancellationToken);
        }

        var (by, byName, now) = (User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime);
        var change = Input.Act switch
        {
            EnrolmentAct.Withdrawn => enrolment.Withdraw(Input.On, Input.Reason, by, byName, now),
            EnrolmentAct.BreakStarted => enrolment.StartBreak(Input.On, Input.Reason, by, byName, now),
            _ => enrolment.Resume(Input.On, Input.Reason, by, byName, now),
        };
        db.EnrolmentStatusChanges.Add(change);
        db.Sign(change, Roles.CentreAdmin, by, byName, now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Recorded and signed: {change.Describe()}.";
        return Redirect($"/Admin/Enrolments/{Id}/Status");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == Id, cancellationToken);
        Enrolment = enrolment;
        CandidateName = await db.Candidates.Where(c => c.Id == enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        QualificationName = catalogue.Find(enrolment.QualificationCode)?.DisplayName ?? enrolment.QualificationCode;
        Acts = enrolment.WithdrawnOn is not null ? []
            : enrolment.OnBreakSince is not null ? [EnrolmentAct.Resumed, EnrolmentAct.Withdrawn]
            : [EnrolmentAct.BreakStarted, EnrolmentAct.Withdrawn];
        History = await db.EnrolmentStatusChanges.AsNoTracking().Where(c => c.EnrolmentId == Id).OrderByDescending(c => c.RecordedAt).ToListAsync(cancellationToken);
    }

    private async Task<IActionResult> LoadedPageAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }
}

/// <summary>What the form posts; the rules are <see cref="Enrolment.Withdraw"/>, <see cref="Enrolment.StartBreak"/> and <see cref="Enrolment.Resume"/>.</summary>
public sealed class StatusInput
{
    public EnrolmentAct? Act { get; set; }

    public DateOnly? On { get; set; }

    public string? Reason { get; set; }
}
