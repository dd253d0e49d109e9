using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Employers;

/// <summary>Changes a contact's details; the email address of someone who signs in stays as it is.</summary>
public sealed class ContactModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid ContactId { get; set; }

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    public string EmployerName { get; private set; } = string.Empty;

    public bool SignsIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var contact = await db.EmployerContacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == ContactId && c.EmployerId == Id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        Contact = new ContactInput { Name = contact.Name, JobTitle = contact.JobTitle, Email = contact.Email, Phone = contact.Phone };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var contact = await db.EmployerContacts.SingleOrDefaultAsync(c => c.Id == ContactId && c.EmployerId == Id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        contact.Change(Contact.Name, Contact.JobTitle, Contact.Email, Contact.Phone, User.UserId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{contact.Name}'s details saved.";
        return Redirect($"/Admin/Employers/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        EmployerName = await db.Employers.Where(e => e.Id == Id).Select(e => e.Name).SingleAsync(cancellationToken);
        SignsIn = await db.EmployerContacts.AnyAsync(c => c.Id == ContactId && c.UserId != null, cancellationToken);
    }
}
