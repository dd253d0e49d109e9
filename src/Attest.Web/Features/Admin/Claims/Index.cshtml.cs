using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Quality;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Claims;

/// <summary>Certification across the centre: what each enrolment may claim today, the claims made, and the CSV for the awarding body.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public DateOnly ClaimDate { get; private set; }

    public IReadOnlyList<Claimability> Enrolments { get; private set; } = [];

    public IReadOnlyList<CertificationClaim> Claims { get; private set; } = [];

    /// <summary>Why no claim can be made at the centre now (an EQA's sanction), or null.</summary>
    public string? CertificationHold { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ClaimDate = Core.UkTime.DateOf(clock.GetUtcNow().UtcDateTime);
        Enrolments = [.. (await ClaimQueries.LoadAsync(db, catalogue, db.Enrolments, ClaimDate, cancellationToken)).OrderBy(c => c.Subject.CandidateName, StringComparer.CurrentCulture)];
        CertificationHold = EqaSanctions.CertificationHold(EqaSanctions.InForce(await db.EqaReports.AsNoTracking().ToListAsync(cancellationToken)));
        Claims = await db.CertificationClaims.AsNoTracking().OrderByDescending(c => c.SignedAt).Take(200).ToListAsync(cancellationToken);
    }
}
