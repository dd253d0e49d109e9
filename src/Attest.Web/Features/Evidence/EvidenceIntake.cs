using Attest.Core;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
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
public sealed class EvidenceIntake(AttestDbContext db, IFileStore store, IEnumerable<IEvidenceAnalyser> analysers, TimeProvider clock, ILogger<EvidenceIntake> logger)
{
    private const int ReferenceAttempts = 5;

    public async Task<EvidenceItem> KeepAsync(Core.Centres.Candidate candidate, Guid userId, EvidenceKind kind, EvidenceDetails details, IncomingFile? file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(details);
        StoredFile? stored = null;
        try
        {
            string? contentType = null;
            if (file is not null)
            {
                contentType = CheckType(file);
            }

            var draft = NewItem(candidate, userId, kind, details, file, null, contentType, sequence: 0);
            var warnings = await AnalyseAsync(new AnalysisInput(draft, file?.Staged.Path, candidate.FullName), cancellationToken);
            if (file is not null)
            {
                stored = await store.PromoteAsync(file.Staged, cancellationToken);
            }

            return await CommitAsync(candidate, userId, kind, details, file, stored, contentType, draft, warnings, cancellationToken);
        }
        catch
        {
            if (file is not null)
            {
                File.Delete(file.Staged.Path);
            }

            if (stored is not null)
            {
                await store.DeleteAsync(stored.Name, CancellationToken.None);
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

    private string CheckType(IncomingFile file)
    {
        var fileName = SafeFileName(file.FileName);
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

    private async Task<EvidenceItem> CommitAsync(
        Core.Centres.Candidate candidate, Guid userId, EvidenceKind kind, EvidenceDetails details, IncomingFile? file, StoredFile? stored, string? contentType,
        EvidenceItem draft, List<EvidenceWarning> warnings, CancellationToken cancellationToken)
    {
        // References are allocated as the next number under a unique index; a simultaneous upload by the same
        // candidate takes the number first, so take the next one rather than fail.
        for (var attempt = 1; ; attempt++)
        {
            var item = NewItem(candidate, userId, kind, details, file, stored, contentType, await NextSequenceAsync(candidate.Id, cancellationToken));
            item.DurationSeconds = draft.DurationSeconds;
            item.MediaNotes = draft.MediaNotes;
            item.Scan = draft.Scan;
            db.EvidenceItems.Add(item);
            var rows = warnings.Select(w => new EvidenceWarning
            {
                CentreId = item.CentreId, EvidenceItemId = item.Id, Kind = w.Kind, Found = Cut(w.Found, 500), Location = Cut(w.Location, 200), Advice = Cut(w.Advice, 1000), FoundAt = item.UploadedAt,
            }).ToList();
            db.EvidenceWarnings.AddRange(rows);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return item;
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                db.Entry(item).State = EntityState.Detached;
                rows.ForEach(row => db.Entry(row).State = EntityState.Detached);
                if (!await ReferenceTakenAsync(item, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    private EvidenceItem NewItem(Core.Centres.Candidate candidate, Guid userId, EvidenceKind kind, EvidenceDetails details, IncomingFile? file, StoredFile? stored, string? contentType, int sequence)
    {
        var item = new EvidenceItem
        {
            CentreId = candidate.CentreId,
            CandidateId = candidate.Id,
            Reference = EvidenceItem.ReferenceFor(sequence),
            Kind = kind,
            Title = details.Title,
            OriginalFileName = file is null ? null : SafeFileName(file.FileName),
            ContentType = contentType,
            SizeBytes = stored?.Size ?? 0,
            Sha256 = stored?.Sha256,
            StoredName = stored?.Name,
            UploadedBy = userId,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        item.Describe(details);
        return item;
    }

    private async Task<int> NextSequenceAsync(Guid candidateId, CancellationToken cancellationToken)
    {
        var references = await db.EvidenceItems.Where(i => i.CandidateId == candidateId).Select(i => i.Reference).ToListAsync(cancellationToken);
        return references.Select(r => int.TryParse(r.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private Task<bool> ReferenceTakenAsync(EvidenceItem item, CancellationToken cancellationToken) =>
        db.EvidenceItems.AsNoTracking().AnyAsync(i => i.CandidateId == item.CandidateId && i.Reference == item.Reference && i.Id != item.Id, cancellationToken);

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
