using Attest.Core;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Media;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Cuts a recording into parts by time on the server: each part becomes a new item of the same candidate
/// (through the usual intake, so it is hashed, scanned and checked), linked to the recording it came from.
/// The candidate who owns it or their assessor may do this; the original is kept.
/// </summary>
public sealed class SplitModel(AttestDbContext db, IFileStore store, StagingArea staging, IMediaSplitter splitter, EvidenceIntake intake, IOptions<MediaOptions> media, TimeProvider clock)
    : PageModel, IRedisplayable
{
    public EvidenceItem Item { get; private set; } = null!;

    public LongRecordingAdvice? Advice { get; private set; }

    public bool Available => splitter.Available;

    [BindProperty]
    public string? Parts { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Parts = Advice is null ? null : string.Join("\n", Advice.SuggestedParts.Select(p => $"{RecordingLength.Clock(p.Start)}-{RecordingLength.Clock(p.End)}"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var duration = TimeSpan.FromSeconds(Item.DurationSeconds!.Value);
        var (ranges, error) = EvidenceLocator.ParseTimings(Parts, duration.TotalSeconds);
        if (ranges is null)
        {
            throw new DomainRuleException(error!, nameof(Parts));
        }

        var parts = RecordingLength.ValidateParts(ranges, duration);
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == Item.CandidateId, cancellationToken);
        var extension = Path.GetExtension(Item.OriginalFileName!).ToLowerInvariant();
        StagedFile copy;
        await using (var original = await store.OpenReadAsync(Item.StoredName!, cancellationToken))
        {
            copy = await staging.WriteAsync(original, long.MaxValue, cancellationToken);
        }

        var kept = new List<string>();
        try
        {
            var paths = await splitter.SplitAsync(copy.Path, parts, staging.Root, extension, cancellationToken);
            for (var index = 0; index < paths.Count; index++)
            {
                var range = parts[index];
                var details = new EvidenceDetails(
                    $"{Item.Title} (part {index + 1} of {paths.Count}, {RecordingLength.Clock(range.Start)}-{RecordingLength.Clock(range.End)})",
                    $"Cut from {Item.Reference}.", null, Item.ActivityFrom, Item.ActivityTo, Item.Context, Item.CustomerLabel, Item.Occasions, null, null);
                var part = new IncomingFile(await StagingArea.DescribeAsync(paths[index], cancellationToken), $"{Item.Reference}-part{index + 1}{extension}");
                kept.Add((await intake.KeepAsync(candidate, User.UserId(), EvidenceKind.UploadedFile, details, part, cancellationToken, splitFrom: Item.Id)).Reference);
            }
        }
        finally
        {
            System.IO.File.Delete(copy.Path);
        }

        TempData["Success"] = $"{Item.Reference} is cut into {string.Join(", ", kept)}. Map each part to the criteria it shows.";
        return Redirect(User.IsInRole(Roles.Candidate) ? $"/Candidate/Evidence/{Item.Id}" : $"/Evidence/{Item.Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await FindAsync(Item.Id, cancellationToken);

    private async Task<bool> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var mayCut = User.IsInRole(Roles.Candidate) || User.IsInRole(Roles.Assessor);
        var item = mayCut ? await db.VisibleItems(User, clock.GetUtcNow().UtcDateTime).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) : null;
        if (item is null || !item.IsRecording || !item.IsServable || item.DurationSeconds is null)
        {
            return false;
        }

        Item = item;
        Advice = RecordingLength.Check(TimeSpan.FromSeconds(item.DurationSeconds.Value), (await db.CentrePolicyAsync(cancellationToken)).LongRecordingLimit(media.Value.LongRecordingLimit));
        return true;
    }
}
