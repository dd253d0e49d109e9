using Attest.Core;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Evidence.Uploads;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Candidate.Evidence;

/// <summary>
/// Adds one item of any kind. The form binds to <see cref="EvidenceInput"/>, never to the entity, so a
/// posted CentreId, Reference or Scan changes nothing. The file comes either posted with the form (without
/// JavaScript), streamed to the staging area (hashed, size-limited, fsynced), or already uploaded with tus
/// (resumable-upload.js), named by <see cref="EvidenceInput.UploadId"/> and taken from <see cref="ResumableUploads"/>.
/// Either way it is handed to <see cref="EvidenceIntake"/>, the one path that checks it and commits the row.
/// </summary>
public sealed class AddModel(
    AttestDbContext db, EvidenceIntake intake, StagingArea staging, ResumableUploads resumable, StorageQuota quota, ICurrentCentre centre, IOptions<UploadOptions> uploads, TimeProvider clock)
    : PageModel, IRedisplayable
{
    private const string UploadGone = "Your upload did not finish, has expired or has already been added: choose the file again";

    [FromQuery(Name = "kind")]
    public EvidenceKind? Kind { get; set; }

    [BindProperty]
    public EvidenceInput Input { get; set; } = new();

    public string MaxSize => FileSizes.Describe(uploads.Value.MaxFileBytes);

    /// <summary>The finished resumable upload the form names, shown so a redisplayed form need not upload it again.</summary>
    public UploadStatus? Uploaded { get; private set; }

    public IActionResult OnGet() => Kind is { } kind && !EvidenceRules.IsCandidateKind(kind) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var candidate = await db.SignedInCandidateAsync(User, cancellationToken);
        if (candidate is null || Kind is not { } kind || !EvidenceRules.IsCandidateKind(kind))
        {
            return NotFound();
        }

        var postedFile = Input.File is { Length: > 0 } ? Input.File : null;
        await LoadAsync(cancellationToken);
        var uploaded = postedFile is null ? Uploaded : null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var uploadGone = postedFile is null && !string.IsNullOrEmpty(Input.UploadId) && uploaded is null;
        foreach (var error in EvidenceRules.Check(kind, Input.Details(), postedFile is not null || uploaded is not null, today))
        {
            ModelState.AddModelError($"Input.{error.Field}", uploadGone && error.Field == "File" ? UploadGone : error.Message);
        }

        if ((postedFile?.Length ?? uploaded?.Length) > uploads.Value.MaxFileBytes)
        {
            ModelState.AddModelError("Input.File", $"The file must be smaller than {MaxSize}");
        }

        // A resumable upload was counted against the quota when it began; a posted file is counted here.
        if (postedFile is not null && await quota.RefusalAsync(candidate.CentreId, postedFile.Length, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError("Input.File", refusal);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        IncomingFile? incoming = null;
        if (postedFile is not null)
        {
            await using var content = postedFile.OpenReadStream();
            try
            {
                incoming = new IncomingFile(await staging.WriteAsync(content, uploads.Value.MaxFileBytes, cancellationToken), postedFile.FileName);
            }
            catch (FileTooLargeException)
            {
                ModelState.AddModelError("Input.File", $"The file must be smaller than {MaxSize}");
                return Page();
            }
        }
        else if (uploaded is not null)
        {
            incoming = await resumable.TakeCompletedAsync(uploaded.Id, User.UserId(), candidate.CentreId, cancellationToken);
            if (incoming is null)
            {
                ModelState.AddModelError("Input.File", UploadGone);
                await LoadAsync(cancellationToken);
                return Page();
            }
        }

        var item = await intake.KeepAsync(candidate, User.UserId(), kind, Input.Details(), incoming, cancellationToken);
        TempData["Success"] = $"{item.Reference} {item.Title} is added. Now map it to the criteria it shows.";
        return Redirect($"/Candidate/Evidence/{item.Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Uploaded = string.IsNullOrEmpty(Input.UploadId) || centre.CentreId is not { } centreId
            ? null
            : await resumable.FindAsync(Input.UploadId, User.UserId(), centreId, cancellationToken) is { IsComplete: true } status ? status : null;
    }
}

/// <summary>What the candidate may post about an item; dates arrive as yyyy-MM-dd from date inputs.</summary>
public sealed class EvidenceInput
{
    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Body { get; set; }

    public DateOnly? ActivityFrom { get; set; }

    public DateOnly? ActivityTo { get; set; }

    public EvidenceContext Context { get; set; }

    public string? CustomerLabel { get; set; }

    public List<Occasions> Occasions { get; set; } = [];

    public string? HeldAt { get; set; }

    public string? HeldBy { get; set; }

    public IFormFile? File { get; set; }

    /// <summary>A finished resumable upload to use instead of a posted file (set by resumable-upload.js).</summary>
    public string? UploadId { get; set; }

    public EvidenceDetails Details() => new(
        Title, Description, Body, ActivityFrom, ActivityTo, Context, CustomerLabel,
        Occasions.Aggregate(Core.Portfolios.Occasions.None, (all, o) => all | o), HeldAt, HeldBy);

    public static EvidenceInput From(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            Title = item.Title, Description = item.Description, Body = item.Body, ActivityFrom = item.ActivityFrom, ActivityTo = item.ActivityTo,
            Context = item.Context, CustomerLabel = item.CustomerLabel, HeldAt = item.HeldAt, HeldBy = item.HeldBy,
            Occasions = Enum.GetValues<Occasions>().Where(o => o != Core.Portfolios.Occasions.None && item.Occasions.HasFlag(o)).ToList(),
        };
    }
}

/// <summary>The shared evidence fields for a kind; the change page has no file input, since a file is never replaced.</summary>
public sealed record EvidenceFieldsModel(EvidenceKind Kind, EvidenceInput Input, string MaxSize, bool AllowFile);
