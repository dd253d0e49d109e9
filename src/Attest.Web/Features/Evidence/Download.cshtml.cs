using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Serves an evidence file after checking, at request time, that this person may see it
/// (<see cref="EvidenceAccess"/>). Always as an attachment with a server-made name (security.md); media
/// players and image previews use the same URL, which browsers play without navigating to it. A file
/// waiting for, or failing, its virus scan is never served. With <c>?preview=true</c> it serves a photo's
/// re-encoded copy (<see cref="ImagePreview"/>) instead of the original.
/// </summary>
public sealed class DownloadModel(AttestDbContext db, IFileStore store, ILogger<DownloadModel> logger, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, bool preview, CancellationToken cancellationToken)
    {
        var item = await db.VisibleItems(User, clock.GetUtcNow().UtcDateTime).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item?.StoredName is null || item.ContentType is null || (preview && item.PreviewStoredName is null))
        {
            return NotFound();
        }

        if (!item.IsServable)
        {
            var reason = item.Scan == ScanStatus.Pending
                ? "This file is waiting for its virus scan and can be downloaded when it is clean. Try again in a few minutes."
                : "This file did not pass its virus scan and cannot be downloaded.";
            return new ContentResult { StatusCode = StatusCodes.Status409Conflict, Content = reason, ContentType = "text/plain; charset=utf-8" };
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(preview ? $"{item.Reference}-preview.jpg" : $"{item.Reference}{Path.GetExtension(item.OriginalFileName)}");
        Response.Headers.ContentDisposition = disposition.ToString();
        var (name, type) = preview ? (item.PreviewStoredName!, "image/jpeg") : (item.StoredName, item.ContentType);
        try
        {
            return new FileStreamResult(await store.OpenReadAsync(name, cancellationToken), type) { EnableRangeProcessing = true };
        }
        catch (FileNotFoundException)
        {
            // A row whose file is gone is an operations problem to fix, not something the user can act on.
            logger.LogError("Evidence {EvidenceId} has no file {StoredName} in the store", item.Id, name);
            return NotFound();
        }
    }
}
