using Attest.Core.Data;
using Attest.Core.Qualifications;

namespace Attest.Web.Features.Ksbs;

/// <summary>Reads the KSB mappings the gateway and the coverage view count.</summary>
public static class KsbMappingQueries
{
    // A placeholder until the KSB mapping branch (issue 17 item 4) replaces this file with the real loader.
    public static async Task<IReadOnlyList<KsbMapping>> ForEnrolmentAsync(AttestDbContext db, Guid enrolmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await Task.CompletedTask;
        return [];
    }
}
