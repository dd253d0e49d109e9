using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Quality;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor.Observations;

/// <summary>The IQA's observations of this assessor, and only theirs.</summary>
public sealed class IndexModel(AttestDbContext db) : PageModel
{
    public IReadOnlyList<IqaObservation> Observations { get; private set; } = [];

    public IReadOnlyDictionary<Guid, SignatureStatus> Signatures { get; private set; } = new Dictionary<Guid, SignatureStatus>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        Observations = await db.IqaObservations.AsNoTracking().Where(o => o.AssessorId == userId).OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.RecordedAt).ToListAsync(cancellationToken);
        Signatures = await LedgerVerifier.StatesAsync(db, [.. Observations], cancellationToken);
    }
}
