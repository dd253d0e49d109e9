using Attest.Core;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Scanning;
using Attest.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>A complete file waiting in the staging area, with the name its owner gave it.</summary>
public sealed record IncomingFile(StagedFile Staged, string FileName);

/// <summary>
/// The one way an item becomes evidence, whatever the upload route (form, resumable, split): the file is
/// checked (allow-list and magic bytes), analysed while still on local disk, promoted into the store, and
/// only then is the row committed with its warnings. Any failure removes what was staged or promoted, so
/// there is never a row without its file nor a file counted as evidence without its row.
/// </summary>
public sealed class EvidenceIntake(
    AttestDbContext db, IFileStore store, StagingArea staging, IEnumerable<IEvidenceAnalyser> analysers, IVirusScanner scanner, TimeProvider clock, ILogger<EvidenceIntake> logger)
{
    private const int ReferenceAttempts = 5;

    /// <param name="related">Rows that belong with the item (a record, its mappings, signatures), made from the item as committed and saved in the same transaction.</param>
    public async Task<EvidenceItem> KeepAsync(
        Core.Centres.Candidate candidate, Guid userId, EvidenceKind kind, EvidenceDetails details, IncomingFile? file, CancellationToken cancellationToken, Guid? splitFrom = null,
        Func<EvidenceItem, IEnumerable<object>>? related = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(details);
        var staged = new List<string>();
        var promoted = new List<string>();
        try
        {
            var fileName = file is null ? null : SafeFileName(file.FileName);
            var contentType = file is null ? null : CheckType(file, fileName!);
            var draft = Draft(candidate, userId, kind, details, fileName, contentType, file?.Staged, splitFrom);
            // Staff and the candidate themself belong in a portfolio; another candidate of the centre is a third party.
            var staff = await db.Users.Where(u => u.CentreId == candidate.CentreId && (u.Id == candidate.UserId || !db.Candidates.Any(c => c.UserId == u.Id)))
                .Select(u => new { u.DisplayName, u.Email }).ToListAsync(cancellationToken);
            var policy = await db.CentrePolicies.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            var known = new AnalysisInput(draft, file?.Staged.Path, [candidate.FullName, .. staff.Select(s => s.DisplayName)], staff.Select(s => s.Email).OfType<string>().ToList(),
                policy?.LongRecordingMinutes is int minutes ? TimeSpan.FromMinutes(minutes) : null);
            var warnings = await AnalyseAsync(known, cancellationToken);
            StoredFile? stored = null;
            StoredFile? preview = null;
            if (file is not null)
            {
                staged.Add(file.Staged.Path);
                var previewStaged = contentType!.StartsWith("image/", StringComparison.Ordinal) ? await ImagePreview.TryMakeAsync(file.Staged.Path, staging, cancellationToken) : null;
                if (previewStaged is not null)
                {
                    staged.Add(previewStaged.Path);
                    preview = await store.PromoteAsync(previewStaged, cancellationToken);
                    promoted.Add(preview.Name);
                }

                stored = await store.PromoteAsync(file.Staged, cancellationToken);
                promoted.Add(stored.Name);
            }

            return await CommitAsync(draft, stored, preview, warnings, related, cancellationToken);
        }
        catch
        {
            staged.ForEach(File.Delete);
            if (file is not null)
            {
                File.Delete(file.Staged.Path);
            }

            foreach (var name in promoted)
            {
                await store.DeleteAsync(name, CancellationToken.None);
            }

            throw;
        }
    }

    private async Task<List<EvidenceWarning>> AnalyseAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        var warnings = new List<EvidenceWarning>();
        foreach (var analyser in analysers)
        {
            try
            {
                warnings.AddRange(await analyser.AnalyseAsync(input, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Evidence analyser {Analyser} failed; the item is kept without its findings", analyser.GetType().Name);
            }
        }

        return warnings;
    }

    private string CheckType(IncomingFile file, string fileName)
    {
        var contentType = FileTypes.ContentTypeFor(fileName);
        if (contentType is null)
        {
            throw new DomainRuleException($"The file must be one of these types: {string.Join(", ", FileTypes.Extensions)}", "Input.File");
        }

        if (file.Staged.Size == 0)
        {
            throw new DomainRuleException("The selected file is empty", "Input.File");
        }

        if (!FileTypes.HeadMatches(fileName, file.Staged.Head))
        {
            logger.LogWarning("Rejected upload: content does not match its extension {Extension}", Path.GetExtension(fileName));
            throw new DomainRuleException($"The file's content is not a {Path.GetExtension(fileName)} file; upload the original file", "Input.File");
        }

        return contentType;
    }

    /// <summary>The item as it will be kept, before it has a reference or a place in the store; analysers may add facts to it.</summary>
    private EvidenceItem Draft(Core.Centres.Candidate candidate, Guid userId, EvidenceKind kind, EvidenceDetails details, string? fileName, string? contentType, StagedFile? staged, Guid? splitFrom)
    {
        var item = new EvidenceItem
        {
            CentreId = candidate.CentreId,
            CandidateId = candidate.Id,
            Reference = string.Empty,
            Kind = kind,
            Title = details.Title,
            OriginalFileName = fileName,
            ContentType = contentType,
            SizeBytes = staged?.Size ?? 0,
            Sha256 = staged?.Sha256,
            UploadedBy = userId,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            Scan = staged is not null && scanner.Enabled ? ScanStatus.Pending : ScanStatus.NotScanned,
            SplitFromId = splitFrom,
        };
        item.Describe(details);
        return item;
    }

    private async Task<EvidenceItem> CommitAsync(EvidenceItem draft, StoredFile? stored, StoredFile? preview, List<EvidenceWarning> warnings, Func<EvidenceItem, IEnumerable<object>>? related, CancellationToken cancellationToken)
    {
        // References are allocated as the next number under a unique index; a simultaneous upload by the same
        // candidate takes the number first, so take the next one rather than fail.
        for (var attempt = 1; ; attempt++)
        {
            var item = draft.Kept(EvidenceItem.ReferenceFor(await NextSequenceAsync(draft.CandidateId, cancellationToken)), stored?.Name, preview?.Name);
            db.EvidenceItems.Add(item);
            var rows = warnings.Select(w => new EvidenceWarning
            {
                CentreId = item.CentreId, EvidenceItemId = item.Id, Kind = w.Kind, Found = Cut(w.Found, 500), Location = Cut(w.Location, 200), Advice = Cut(w.Advice, 1000), FoundAt = item.UploadedAt,
            }).ToList();
            db.EvidenceWarnings.AddRange(rows);
            var others = related?.Invoke(item).ToList() ?? [];
            others.ForEach(row => db.Add(row));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return item;
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                db.Entry(item).State = EntityState.Detached;
                rows.ForEach(row => db.Entry(row).State = EntityState.Detached);
                others.ForEach(row => db.Entry(row).State = EntityState.Detached);
                if (!await ReferenceTakenAsync(item, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    private async Task<int> NextSequenceAsync(Guid candidateId, CancellationToken cancellationToken)
    {
        var references = await db.EvidenceItems.Where(i => i.CandidateId == candidateId).Select(i => i.Reference).ToListAsync(cancellationToken);
        return references.Select(r => int.TryParse(r.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
    }

    private Task<bool> ReferenceTakenAsync(EvidenceItem item, CancellationToken cancellationToken) =>
        db.EvidenceItems.AsNoTracking().AnyAsync(i => i.CandidateId == item.CandidateId && i.Reference == item.Reference && i.Id != item.Id, cancellationToken);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>
    /// The uploader's name is kept as metadata only: path parts, control characters (CR, LF, NUL) and quotes
    /// are removed so it can never become a path or split a header, and it is cut to 255 characters.
    /// </summary>
    public static string SafeFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not '\\').ToArray()).Trim();
        if (name.Length == 0 || name.Trim('.').Length == 0)
        {
            name = "file";
        }

        return name.Length > 255 ? name[^255..] : name;
    }
}
