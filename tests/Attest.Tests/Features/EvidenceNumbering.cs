using System.Globalization;
using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Evidence a test puts straight into the database is numbered as the app's intake would number it: the candidate's
/// counter moves past it, so what they add next through the pages follows it.
/// </summary>
internal static class EvidenceNumbering
{
    /// <summary>Moves the candidate's counter (tracked, saved with the caller's next save) past the references given.</summary>
    public static async Task MovePastAsync(AttestDbContext db, Guid candidateId, IEnumerable<string> references)
    {
        var candidate = await db.Candidates.SingleAsync(c => c.Id == candidateId);
        candidate.LastEvidenceNumber = references.Select(r => int.Parse(r.AsSpan(1), CultureInfo.InvariantCulture)).Append(candidate.LastEvidenceNumber).Max();
    }
}
