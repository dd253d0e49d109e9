using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates;

public sealed class DetailsModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, Core.Accounts.AccountService accounts) : PageModel, Infrastructure.IRedisplayable
{
    /// <param name="RecordedBy">Who recorded the enrolment in Attest, or null when the system did.</param>
    /// <param name="Transfer">Which enrolment this one continues or is continued by, when the learner was transferred.</param>
    /// <param name="Apprenticeship">The standard or framework and the employer, when the enrolment is an apprenticeship.</param>
    public sealed record EnrolmentRow(Guid Id, string Qualification, DateOnly RegisteredOn, DateTime RecordedAt, string? RecordedBy, string? Assessor, IReadOnlyList<string> Units, string Status, bool Open, string? Transfer, string? Apprenticeship);

    public Core.Centres.Candidate Candidate { get; private set; } = null!;

    public IReadOnlyList<EnrolmentRow> Enrolments { get; private set; } = [];

    /// <summary>Changes to the learner's details, newest first.</summary>
    public IReadOnlyList<CandidateDetailsChange> History { get; private set; } = [];

    /// <summary>The candidate's sign-in account, when they have one.</summary>
    public AppUser? Account { get; private set; }

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>An address for a candidate registered without one.</summary>
    [BindProperty]
    public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadCandidateAsync(Id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == Id, cancellationToken);
        if (candidate is null)
        {
            return NotFound();
        }

        if (candidate.UserId is not null)
        {
            return Redirect($"/Admin/Candidates/{Id}");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await accounts.InviteCandidateAsync(Email, candidate.FullName, HttpContext.Actor(), cancellationToken);
        candidate.UserId = user.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Success"] = $"We have emailed {user.Email} a link to choose a password.";
        return Redirect($"/Admin/Candidates/{Id}");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var userId = await db.Candidates.Where(c => c.Id == Id).Select(c => c.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is not Guid account)
        {
            return NotFound();
        }

        await accounts.ResendInvitationAsync(account, HttpContext.Actor(), cancellationToken);
        TempData["Success"] = "Invitation sent again. The earlier link no longer works.";
        return Redirect($"/Admin/Candidates/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCandidateAsync(Id, cancellationToken))
        {
            throw new Core.Accounts.AccountNotFoundException();
        }
    }

    private async Task<bool> LoadCandidateAsync(Guid id, CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (candidate is null)
        {
            return false;
        }

        Candidate = candidate;
        History = await db.CandidateDetailsChanges.AsNoTracking().Where(h => h.CandidateId == id).OrderByDescending(h => h.ChangedAt).ThenBy(h => h.Field).ToListAsync(cancellationToken);
        Account = candidate.UserId is Guid userId ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.CentreId == db.CurrentCentreId, cancellationToken) : null;
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Units).Where(e => e.CandidateId == id).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        var staffIds = enrolments.Select(e => e.AssessorId).Concat(enrolments.Select(e => e.CreatedBy)).OfType<Guid>().Distinct().ToList();
        var centreId = db.CurrentCentreId;
        var names = await db.Users.Where(u => u.CentreId == centreId && staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var enrolmentIds = enrolments.Select(e => e.Id).ToList();
        var apprenticeships = await db.Apprenticeships.AsNoTracking().Where(a => enrolmentIds.Contains(a.EnrolmentId))
            .Join(db.Employers, a => a.EmployerId, x => x.Id, (a, x) => new { a, Employer = x.Name })
            .ToDictionaryAsync(x => x.a.EnrolmentId, x => $"{Employers.ApprenticeshipText.Programme(x.a)}, with {x.Employer}", cancellationToken);
        Enrolments = enrolments.Select(e => new EnrolmentRow(
            e.Id,
            catalogue.Find(e.QualificationCode)?.DisplayName ?? e.QualificationCode,
            e.RegisteredOn,
            e.CreatedAt,
            e.CreatedBy is Guid by && names.TryGetValue(by, out var recorder) ? recorder : null,
            e.AssessorId is Guid a && names.TryGetValue(a, out var n) ? n : null,
            e.Units.Select(u => u.UnitCode).ToList(),
            e.Status,
            e.WithdrawnOn is null,
            Transfer(e),
            apprenticeships.GetValueOrDefault(e.Id))).ToList();
        string Name(Guid id)
        {
            var code = enrolments.Single(x => x.Id == id).QualificationCode;
            return catalogue.Find(code)?.DisplayName ?? code;
        }

        string? Transfer(Core.Portfolios.Enrolment e) =>
            e.TransferredFromEnrolmentId is Guid from ? $"Continues the enrolment on {Name(from)}"
            : enrolments.FirstOrDefault(x => x.TransferredFromEnrolmentId == e.Id) is { } next ? $"Continued on {Name(next.Id)}"
            : null;
        return true;
    }
}
