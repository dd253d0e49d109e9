using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Staff;

/// <summary>
/// One member of staff: who they are and whether their invitation arrived, their roles and standing, their caseload
/// (moved to other assessors in one submit), their second factor, and leaving (deactivation with the caseload moved
/// in the same step), with their recent security record.
/// </summary>
public sealed class PersonModel(AttestDbContext db, AccountService accounts, UserManager<AppUser> users, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    public sealed record Learner(Guid EnrolmentId, string Candidate, string Qualification);

    public sealed record Option(Guid Id, string Name);

    [FromRoute]
    public Guid Id { get; set; }

    public AppUser Person { get; private set; } = null!;

    public IReadOnlyList<string> PersonRoles { get; private set; } = [];

    public bool IsCandidate => PersonRoles.Contains(Roles.Candidate);

    public bool LeadIqa { get; private set; }

    public bool HasPassword { get; private set; }

    public bool HasSingleSignOn { get; private set; }

    public IReadOnlyList<Learner> Caseload { get; private set; } = [];

    public IReadOnlyList<Option> Assessors { get; private set; } = [];

    public Core.Mail.OutboxMail? LastInvitation { get; private set; }

    public IReadOnlyList<SecurityEvent> Events { get; private set; } = [];

    public bool IsSelf => Person.Id == User.UserId();

    [BindProperty]
    public StaffInput Input { get; set; } = new();

    [BindProperty]
    public AssessorStanding Standing { get; set; } = AssessorStanding.Qualified;

    /// <summary>Enrolment id to its new assessor, from the caseload table; <see cref="AllTo"/> fills the ones left blank.</summary>
    [BindProperty]
    public Dictionary<Guid, Guid?> Moves { get; set; } = [];

    [BindProperty]
    public Guid? AllTo { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPersonAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new StaffInput { Roles = [.. PersonRoles], LeadIqa = LeadIqa };
        Standing = (await db.StaffProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == Id, cancellationToken))?.Standing ?? AssessorStanding.Qualified;
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPersonAsync(cancellationToken))
        {
            return NotFound();
        }

        var changed = !Input.Roles.ToHashSet().SetEquals(PersonRoles) || Input.LeadIqa != LeadIqa;
        if (changed)
        {
            await accounts.ChangeRolesAsync(Id, Input.Roles, Input.LeadIqa, HttpContext.Actor(), cancellationToken);
        }

        var profile = await db.StaffProfiles.SingleOrDefaultAsync(p => p.UserId == Id, cancellationToken);
        var standing = Input.Roles.Contains(Roles.Assessor) ? Standing : AssessorStanding.Qualified;
        if ((profile?.Standing ?? AssessorStanding.Qualified) != standing)
        {
            if (profile is null)
            {
                profile = new StaffProfile { CentreId = db.CurrentCentreId!.Value, UserId = Id };
                db.StaffProfiles.Add(profile);
            }

            (profile.Standing, profile.ChangedBy, profile.ChangedAt) = (standing, User.UserId(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Success"] = changed ? $"Saved. {Person.DisplayName} is now {AccountService.DescribeRoles(Input.Roles, Input.LeadIqa)}; their sessions have ended, so the change applies when they next sign in." : "Saved.";
        return Redirect($"/Admin/Staff/{Id}");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        await accounts.ResendInvitationAsync(Id, HttpContext.Actor(), cancellationToken);
        TempData["Success"] = "Invitation sent again. The earlier link no longer works.";
        return Redirect($"/Admin/Staff/{Id}");
    }

    public async Task<IActionResult> OnPostReassignAsync(CancellationToken cancellationToken)
    {
        var moved = await accounts.ReassignCaseloadAsync(Id, await ChosenMovesAsync(cancellationToken), HttpContext.Actor(), cancellationToken);
        TempData["Success"] = moved == 0 ? "Nothing was moved: choose a new assessor for the candidates to move." : $"{moved} {(moved == 1 ? "candidate" : "candidates")} moved to their new assessor.";
        return Redirect($"/Admin/Staff/{Id}");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken)
    {
        await accounts.DeactivateAsync(Id, await ChosenMovesAsync(cancellationToken), HttpContext.Actor(), cancellationToken);
        TempData["Success"] = "Deactivated. Their sessions have ended and they can no longer sign in; what they signed stays theirs.";
        return Redirect($"/Admin/Staff/{Id}");
    }

    public async Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken)
    {
        await accounts.ReactivateAsync(Id, HttpContext.Actor(), cancellationToken);
        TempData["Success"] = "Reactivated. They can sign in again.";
        return Redirect($"/Admin/Staff/{Id}");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken cancellationToken)
    {
        await accounts.ResetTwoFactorAsync(Id, HttpContext.Actor(), cancellationToken);
        TempData["Success"] = "Two-factor authentication reset. They have been signed out and emailed; they set it up again at their next sign-in.";
        return Redirect($"/Admin/Staff/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPersonAsync(cancellationToken))
        {
            throw new AccountNotFoundException();
        }
    }

    /// <summary>Each candidate of the caseload to the assessor chosen on their row, or else the one chosen for everyone.</summary>
    private async Task<Dictionary<Guid, Guid>> ChosenMovesAsync(CancellationToken cancellationToken) =>
        (await accounts.Caseload(Id).Select(e => e.Id).ToListAsync(cancellationToken))
            .Select(id => (Id: id, To: Moves.GetValueOrDefault(id) ?? AllTo)).Where(m => m.To is not null).ToDictionary(m => m.Id, m => m.To!.Value);

    private async Task<bool> LoadPersonAsync(CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == Id && u.CentreId == db.CurrentCentreId, cancellationToken);
        if (person is null)
        {
            return false;
        }

        Person = person;
        PersonRoles = [.. await users.GetRolesAsync(person)];
        if (IsCandidate)
        {
            return false; // a candidate's account is looked after on their candidate page
        }

        LeadIqa = await db.IsLeadIqaAsync(Id, cancellationToken);
        HasPassword = person.PasswordHash is not null;
        HasSingleSignOn = await db.UserLogins.AnyAsync(l => l.UserId == Id, cancellationToken);
        Caseload = [.. (await db.Enrolments.AsNoTracking().Where(e => e.AssessorId == Id)
                .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.Id, c.GivenName, c.FamilyName, e.QualificationCode })
                .OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName).ToListAsync(cancellationToken))
            .Select(x => new Learner(x.Id, x.GivenName + " " + x.FamilyName, catalogue.Find(x.QualificationCode)?.DisplayName ?? x.QualificationCode))];
        Assessors = await db.ActiveStaffInRole(Roles.Assessor).Where(u => u.Id != Id).OrderBy(u => u.DisplayName).Select(u => new Option(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        LastInvitation = await db.OutboxMails.AsNoTracking().Where(m => m.CentreId == db.CurrentCentreId && m.UserId == Id && m.Template == "invitation")
            .OrderByDescending(m => m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        Events = await db.SecurityEvents.AsNoTracking().Where(e => e.UserId == Id).OrderByDescending(e => e.At).Take(15).ToListAsync(cancellationToken);
        return true;
    }
}
