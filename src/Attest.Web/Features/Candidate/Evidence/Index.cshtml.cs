using System.ComponentModel.DataAnnotations;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Candidate.Evidence;

/// <summary>
/// The candidate's evidence and the upload form. The file is streamed to the store (hashed, staged, fsynced,
/// renamed) before the row is committed; if the row cannot be saved, the file is removed again.
/// </summary>
public sealed class IndexModel(AttestDbContext db, IFileStore store, StagingArea staging, IOptions<UploadOptions> uploads, TimeProvider clock, ILogger<IndexModel> logger)
    : PageModel, IRedisplayable
{
    public sealed record Row(Guid Id, string Reference, string Title, int Mappings);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public string MaxSize => $"{uploads.Value.MaxFileBytes / (1024 * 1024)} MB";

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.UserId == User.UserId(), cancellationToken);
        if (candidate is null)
        {
            return NotFound();
        }

        var file = Input.File;
        var fileName = file is null ? string.Empty : Path.GetFileName(file.FileName.Replace('\\', '/'));
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Input.File", "Select a file to upload; the selected file is empty");
        }
        else if (FileTypes.ContentTypeFor(fileName) is null)
        {
            ModelState.AddModelError("Input.File", $"The file must be one of these types: {string.Join(", ", FileTypes.Extensions)}");
        }
        else if (file.Length > uploads.Value.MaxFileBytes)
        {
            ModelState.AddModelError("Input.File", $"The file must be smaller than {MaxSize}");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        StoredFile stored;
        await using (var content = file!.OpenReadStream())
        {
            try
            {
                stored = await store.SaveAsync(staging, content, uploads.Value.MaxFileBytes, cancellationToken);
            }
            catch (FileTooLargeException)
            {
                ModelState.AddModelError("Input.File", $"The file must be smaller than {MaxSize}");
                await LoadAsync(cancellationToken);
                return Page();
            }
        }

        if (!FileTypes.HeadMatches(fileName, stored.Head))
        {
            await store.DeleteAsync(stored.Name, cancellationToken);
            logger.LogWarning("Rejected upload: content does not match its extension {Extension}", Path.GetExtension(fileName));
            ModelState.AddModelError("Input.File", $"The file's content is not a {Path.GetExtension(fileName)} file; upload the original file");
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var count = await db.EvidenceItems.CountAsync(i => i.CandidateId == candidate.Id, cancellationToken);
            var item = new EvidenceItem
            {
                CentreId = candidate.CentreId,
                CandidateId = candidate.Id,
                Reference = EvidenceItem.ReferenceFor(count + 1),
                Title = Input.Title.Trim(),
                Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
                OriginalFileName = fileName.Length > 255 ? fileName[^255..] : fileName,
                ContentType = FileTypes.ContentTypeFor(fileName)!,
                SizeBytes = stored.Size,
                Sha256 = stored.Sha256,
                StoredName = stored.Name,
                UploadedBy = User.UserId(),
                UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.EvidenceItems.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = $"{item.Reference} {item.Title} is uploaded. Now map it to the criteria it shows.";
            return Redirect($"/Candidate/Evidence/{item.Id}");
        }
        catch
        {
            await store.DeleteAsync(stored.Name, CancellationToken.None); // no file without its row
            throw;
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        Items = await db.EvidenceItems
            .Where(i => db.Candidates.Any(c => c.Id == i.CandidateId && c.UserId == userId))
            .OrderBy(i => i.Reference)
            .Select(i => new Row(i.Id, i.Reference, i.Title, db.EvidenceMappings.Count(m => m.EvidenceItemId == i.Id)))
            .ToListAsync(cancellationToken);
    }
}

public sealed class UploadInput
{
    [Required(ErrorMessage = "Enter a title for the evidence")]
    [StringLength(200, ErrorMessage = "Title must be 200 characters or fewer")]
    public string Title { get; set; } = string.Empty;

    [StringLength(4000, ErrorMessage = "Description must be 4000 characters or fewer")]
    public string? Description { get; set; }

    public IFormFile? File { get; set; }
}
