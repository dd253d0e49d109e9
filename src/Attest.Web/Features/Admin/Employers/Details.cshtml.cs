using Attest.Core;
using Attest.Core.Accounts;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Employers;

/// <summary>
/// One employer: its details, its contacts (each invited to sign in as the employer's line manager, through the same
/// invitation as staff and candidates), and its apprentices.
/// </summary>
public sealed class DetailsModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, AccountService accounts, TimeProvider clock) : PageModel, IRedisplayable
{
    /// <param name="Account">"Can sign in", "Invited: has not chosen a password yet", "Deactivated", or null with no account.</param>
    public sealed record ContactRow(EmployerContact Contact, string? Account, bool CanResend);

    public sealed record ApprenticeRow(Guid CandidateId, string Name, string Qualification, string Programme, DateOnly? PlannedEnd);

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public EmployerInput Input { get; set; } = new();

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    /// <summary>The contact to invite or send the invitation to again.</summary>
    [BindProperty]
    public Guid? ContactId { get; set; }

    public Core.Apprenticeships.Employer Employer { get; private set; } = null!;

    public string? ChangedBy { get; private set; }

    public IReadOnlyList<ContactRow> Contacts { get; private set; } = [];

    public IReadOnlyList<ApprenticeRow> Apprentices { get; private set; } = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadEmployerAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new EmployerInput { Name = Employer.Name, Address = Employer.Address };
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        var employer = await db.Employers.SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (employer is null)
        {
            return NotFound();
        }

        employer.Change(Input.Name, Input.Address, User.UserId(), Now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{employer.Name}'s details saved.";
        return Redirect($"/Admin/Employers/{Id}");
    }

    public async Task<IActionResult> OnPostAddContactAsync(CancellationToken cancellationToken)
    {
        var employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (employer is null)
        {
            return NotFound();
        }

        var contact = EmployerContact.Create(employer, Contact.Name, Contact.JobTitle, Contact.Email, Contact.Phone, User.UserId(), Now);
        db.EmployerContacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{contact.Name} added as a contact at {employer.Name}.";
        return Redirect($"/Admin/Employers/{Id}");
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var contact = await db.EmployerContacts.SingleOrDefaultAsync(c => c.Id == ContactId && c.EmployerId == Id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        if (contact.UserId is not null)
        {
            return Redirect($"/Admin/Employers/{Id}");
        }

        if (contact.Email is null)
        {
            throw new DomainRuleException($"Add an email address for {contact.Name} before inviting them: they sign in with it.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await accounts.InviteEmployerAsync(contact.Email, contact.Name, HttpContext.Actor(), cancellationToken);
        contact.LinkAccount(user.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Success"] = $"We have emailed {user.Email} a link to choose a password. Once signed in, they see this employer's apprentices only.";
        return Redirect($"/Admin/Employers/{Id}");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var userId = await db.EmployerContacts.Where(c => c.Id == ContactId && c.EmployerId == Id).Select(c => c.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is not Guid account)
        {
            return NotFound();
        }

        await accounts.ResendInvitationAsync(account, HttpContext.Actor(), cancellationToken);
        TempData["Success"] = "Invitation sent again. The earlier link no longer works.";
        return Redirect($"/Admin/Employers/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadEmployerAsync(cancellationToken))
        {
            throw new AccountNotFoundException();
        }
    }

    private async Task<bool> LoadEmployerAsync(CancellationToken cancellationToken)
    {
        var employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (employer is null)
        {
            return false;
        }

        Employer = employer;
        var contacts = await db.EmployerContacts.AsNoTracking().Where(c => c.EmployerId == Id).OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var userIds = contacts.Select(c => c.UserId).OfType<Guid>().Append(employer.ChangedBy).ToList();
        var centreId = db.CurrentCentreId;
        // Users are not centre-owned: only this centre's are read.
        var users = await db.Users.AsNoTracking().Where(u => u.CentreId == centreId && userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.DeactivatedAt, Invited = u.PasswordHash == null && !db.UserLogins.Any(l => l.UserId == u.Id) })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        ChangedBy = users.TryGetValue(employer.ChangedBy, out var by) ? by.DisplayName : null;
        Contacts = [.. contacts.Select(c => c.UserId is Guid id && users.TryGetValue(id, out var u)
            ? new ContactRow(c, u.DeactivatedAt is not null ? "Deactivated" : u.Invited ? "Invited: has not chosen a password yet" : "Can sign in", u.DeactivatedAt is null && u.Invited)
            : new ContactRow(c, null, false))];
        var apprentices = await db.Apprenticeships.AsNoTracking().Where(a => a.EmployerId == Id)
            .Join(db.Enrolments, a => a.EnrolmentId, e => e.Id, (a, e) => new { a, e })
            .Join(db.Candidates, x => x.e.CandidateId, c => c.Id, (x, c) => new { x.a, x.e.QualificationCode, x.e.PlannedEndDate, c.Id, c.GivenName, c.FamilyName })
            .OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName)
            .ToListAsync(cancellationToken);
        Apprentices = [.. apprentices.Select(x => new ApprenticeRow(x.Id, x.GivenName + " " + x.FamilyName, catalogue.Find(x.QualificationCode)?.DisplayName ?? x.QualificationCode,
            ApprenticeshipText.Programme(x.a), x.PlannedEndDate))];
        return true;
    }
}
