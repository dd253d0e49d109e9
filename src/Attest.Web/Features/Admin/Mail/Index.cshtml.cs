using Attest.Core.Data;
using Attest.Core.Mail;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Mail;

/// <summary>The mail Attest has sent for this centre (invitations, resets, witness requests), so an administrator can see what arrived and what did not, and why.</summary>
public sealed class IndexModel(AttestDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public bool Undelivered { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public string? PageNumber { get; set; }

    public IReadOnlyList<OutboxMail> Mails { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Mail is not under the centre filter (one sender serves every centre): the centre is applied here.
        var mails = db.OutboxMails.AsNoTracking().Where(m => m.CentreId == db.CurrentCentreId);
        if (Undelivered)
        {
            mails = mails.Where(m => m.SentAt == null);
        }

        Pager = new Pager(Pager.Parse(PageNumber), PageSize, await mails.CountAsync(cancellationToken), Link);
        Mails = await mails.OrderByDescending(m => m.CreatedAt).Skip(Pager.Skip).Take(PageSize)
            .Select(m => new OutboxMail
            {
                Id = m.Id, CentreId = m.CentreId, Template = m.Template, ToAddress = m.ToAddress, ToName = m.ToName, Subject = m.Subject, CreatedAt = m.CreatedAt,
                Attempts = m.Attempts, SentAt = m.SentAt, FailedAt = m.FailedAt, LastError = m.LastError, NextAttemptAt = m.NextAttemptAt,
            })
            .ToListAsync(cancellationToken);
    }

    private string Link(int page) => "/Admin/Mail" + QueryString.Create(new Dictionary<string, string?>
    {
        ["undelivered"] = Undelivered ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).ToUriComponent();
}
