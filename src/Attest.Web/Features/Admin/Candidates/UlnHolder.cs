using Attest.Core.Centres;
using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates;

public static class UlnHolder
{
    /// <summary>The name of the centre's other learner who has this ULN, if any; never for the temporary ULN, which many share.</summary>
    public static Task<string?> OtherHolderAsync(this AttestDbContext db, string? uln, Guid? except, CancellationToken cancellationToken)
    {
        var wanted = uln?.Trim();
        return db.Candidates.AsNoTracking().Where(c => c.Uln == wanted && c.Uln != Uln.Temporary && c.Id != except)
            .Select(c => c.GivenName + " " + c.FamilyName).FirstOrDefaultAsync(cancellationToken);
    }
}
