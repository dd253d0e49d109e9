using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Saving a record whose place is unique (the next revision of a decision, a unit's sign-off): of two requests
/// made from the same state, one is kept and the other is told so with 409 (security.md test 16).
/// </summary>
public static class Conflicts
{
    /// <summary>Saves; false when the save was refused because <paramref name="takenByAnother"/> finds the place taken.</summary>
    public static async Task<bool> TrySaveAsync(this AttestDbContext db, Func<Task<bool>> takenByAnother, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(takenByAnother);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await takenByAnother())
            {
                db.ChangeTracker.Clear();
                return false;
            }

            throw;
        }
    }
}
