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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = draft.Kept(EvidenceItem.ReferenceFor(await TakeNextNumberAsync(draft.CandidateId, cancellationToken)), stored?.Name, preview?.Name);
        db.EvidenceItems.Add(item);
        db.EvidenceWarnings.AddRange(warnings.Select(w => new EvidenceWarning
        {
            CentreId = item.CentreId, EvidenceItemId = item.Id, Kind = w.Kind, Found = Cut(w.Found, 500), Location = Cut(w.Location, 200), Advice = Cut(w.Advice, 1000), FoundAt = item.UploadedAt,
        }));
        foreach (var row in related?.Invoke(item) ?? [])
        {
            db.Add(row);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return item;
    }

    /// <summary>
    /// The candidate's next evidence number, taken by incrementing their counter in this transaction: the update holds the
    /// candidate's row (PostgreSQL) or the database's write lock (SQLite, whose transactions begin immediate) until the item
    /// is saved, so uploads at once, from any number of app instances, are numbered one after another; a save that fails
    /// rolls the number back, so there are no gaps.
    /// </summary>
    private async Task<int> TakeNextNumberAsync(Guid candidateId, CancellationToken cancellationToken)
    {
        var candidate = db.Candidates.Where(c => c.Id == candidateId);
        if (await candidate.ExecuteUpdateAsync(c => c.SetProperty(x => x.LastEvidenceNumber, x => x.LastEvidenceNumber + 1), cancellationToken) != 1)
        {
            throw new InvalidOperationException("Evidence can only be kept for a candidate of the current centre.");
        }

        return await candidate.Select(c => c.LastEvidenceNumber).SingleAsync(cancellationToken);
    }

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
