using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Serves an evidence file after checking, at request time, that this person may see it: the candidate who
/// owns it, an assessor assigned to that candidate, or an IQA of the centre. Always as an attachment with a
/// server-made name (security.md).
/// </summary>
public sealed class DownloadModel(AttestDbContext db, IFileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var isIqa = User.IsInRole(Roles.Iqa);
        var isAssessor = User.IsInRole(Roles.Assessor);
        var isCandidate = User.IsInRole(Roles.Candidate);
        var item = await db.EvidenceItems.AsNoTracking()
            .Where(i => i.Id == id)
            .Where(i => isIqa
                || (isCandidate && db.Candidates.Any(c => c.Id == i.CandidateId && c.UserId == userId))
                || (isAssessor && db.Enrolments.Any(e => e.CandidateId == i.CandidateId && e.AssessorId == userId)))
            .SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"{item.Reference}{Path.GetExtension(item.OriginalFileName)}");
        Response.Headers.ContentDisposition = disposition.ToString();
        return new FileStreamResult(await store.OpenReadAsync(item.StoredName, cancellationToken), item.ContentType) { EnableRangeProcessing = true };
    }
}
