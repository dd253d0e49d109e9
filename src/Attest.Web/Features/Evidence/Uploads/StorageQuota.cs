using Attest.Core;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Evidence.Uploads;

/// <summary>
/// The per-centre quota: the centre's own (set by the operator with <c>attest centre quota</c>) or the deployment's
/// default (<c>Uploads:CentreQuotaBytes</c>), against the centre's evidence files plus the full lengths of its uploads in
/// progress. Evidence is counted through the request's DbContext, so the query filter limits it to the signed-in user's
/// centre.
/// </summary>
public sealed class StorageQuota(AttestDbContext db, ResumableUploads uploads, IOptions<UploadOptions> options)
{
    /// <summary>Null when the centre has room for <paramref name="moreBytes"/>; otherwise a message naming the quota.</summary>
    public async Task<string?> RefusalAsync(Guid centreId, long moreBytes, CancellationToken cancellationToken)
    {
        var own = await db.Centres.Where(c => c.Id == centreId).Select(c => c.QuotaBytes).SingleOrDefaultAsync(cancellationToken);
        if ((own ?? options.Value.CentreQuotaBytes) is not { } quota)
        {
            return null;
        }

        var used = await db.EvidenceItems.SumAsync(i => i.SizeBytes, cancellationToken) + await uploads.ReservedBytesAsync(centreId, cancellationToken);
        return used + moreBytes <= quota
            ? null
            : $"This file would take your centre past its storage quota of {FileSizes.Describe(quota)} ({FileSizes.Describe(used)} is in use). Ask your centre administrator.";
    }
}
