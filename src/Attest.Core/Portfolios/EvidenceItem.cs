using Attest.Core.Qualifications;

namespace Attest.Core.Portfolios;

/// <summary>The kinds of evidence a candidate keeps (seed 004 "Examination of evidence", "Portfolio contents").</summary>
public enum EvidenceKind
{
    /// <summary>A document, photo, audio or video recording.</summary>
    UploadedFile,

    /// <summary>"A reflection of how you carried out a process" (seed 004), written in the portfolio.</summary>
    ReflectiveAccount,

    /// <summary>"The product of your work" (seed 004): a letter, email, form or record the candidate produced.</summary>
    WorkProduct,

    /// <summary>The introduction's "curriculum vitae, job description or personal statement" (seed 004).</summary>
    PersonalStatement,

    CaseStudy,

    /// <summary>"Evidence that you cannot put into your portfolio because it is too bulky, or because it is confidential" (seed 004).</summary>
    HeldElsewhere,

    /// <summary>The assessor's record of a direct observation: what was seen, where, when.</summary>
    Observation,

    /// <summary>The assessor's record of questioning: "enough information about what they asked and how you replied to allow the assessment to be verified".</summary>
    Questioning,

    /// <summary>The assessor's record of a planned professional discussion, with its recording parts.</summary>
    ProfessionalDiscussion,

    /// <summary>The assessor's record of examining the candidate's work products.</summary>
    ProductExamination,

    /// <summary>A witness's testimony, written by the witness through a single-use link (seed 004).</summary>
    WitnessTestimony,

    /// <summary>The candidate's log of a real customer problem as it unfolds (seed 001's cycle).</summary>
    CaseLog,
}

/// <summary>The occasions a unit's evidence requirements ask for (e.g. C3: routine, busy, quiet, let down).</summary>
[Flags]
public enum Occasions
{
    None = 0,
    Routine = 1,
    BusyTime = 2,
    QuietTime = 4,
    LetDown = 8,
}

/// <summary>Whether a stored file has been checked for viruses; only Clean and NotScanned files are served.</summary>
public enum ScanStatus
{
    /// <summary>No scanner is configured for this deployment.</summary>
    NotScanned,
    Pending,
    Clean,
    Infected,
    Failed,
}

/// <summary>A piece of evidence in a candidate's portfolio. Its reference (E001, ...) is stable for life.</summary>
public sealed class EvidenceItem : Centres.ICentreOwned
{
    public const int MaxBodyLength = 50_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid CandidateId { get; init; }

    /// <summary>E001, E002, ... per candidate.</summary>
    public required string Reference { get; init; }

    public EvidenceKind Kind { get; init; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The written account itself, for the kinds written in the portfolio.</summary>
    public string? Body { get; set; }

    public DateOnly? ActivityFrom { get; set; }

    public DateOnly? ActivityTo { get; set; }

    public EvidenceContext Context { get; set; }

    /// <summary>An anonymised label such as "Customer A" (seed 000: third parties' details are blanked out).</summary>
    public string? CustomerLabel { get; set; }

    public Occasions Occasions { get; set; }

    /// <summary>For evidence held elsewhere: where it is kept.</summary>
    public string? HeldAt { get; set; }

    /// <summary>For evidence held elsewhere: who can show it to an assessor or verifier.</summary>
    public string? HeldBy { get; set; }

    /// <summary>The uploader's file name: shown, never used as a path.</summary>
    public string? OriginalFileName { get; init; }

    public string? ContentType { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Server-made name in the file store.</summary>
    public string? StoredName { get; init; }

    /// <summary>A re-encoded copy of a photo for showing on the page (metadata such as location stripped).</summary>
    public string? PreviewStoredName { get; init; }

    public ScanStatus Scan { get; set; }

    /// <summary>The scanner's finding (signature name or failure reason).</summary>
    public string? ScanDetail { get; set; }

    /// <summary>Length of an audio or video recording, read with ffprobe.</summary>
    public double? DurationSeconds { get; set; }

    /// <summary>Pages of an uploaded PDF, read when it was kept; null when not known (another type, or unreadable).</summary>
    public int? PageCount { get; set; }

    /// <summary>Plain-English notes on a recording's quality (low resolution, no sound...).</summary>
    public string? MediaNotes { get; set; }

    /// <summary>The recording this part was split from.</summary>
    public Guid? SplitFromId { get; init; }

    public Guid UploadedBy { get; init; }

    public DateTime UploadedAt { get; init; }

    public DateTime? ChangedAt { get; set; }

    public bool HasFile => StoredName is not null;

    /// <summary>A file may be served only when a scanner has passed it or no scanner is configured.</summary>
    public bool IsServable => HasFile && Scan is ScanStatus.Clean or ScanStatus.NotScanned;

    public bool IsRecording => ContentType is not null && (ContentType.StartsWith("audio/", StringComparison.Ordinal) || ContentType.StartsWith("video/", StringComparison.Ordinal));

    /// <summary>Sets what the candidate says about the item (checked first with <see cref="EvidenceRules.Check"/>).</summary>
    public void Describe(EvidenceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Title = details.Title.Trim();
        Description = Clean(details.Description);
        Body = Clean(details.Body);
        ActivityFrom = details.ActivityFrom;
        ActivityTo = details.ActivityTo ?? details.ActivityFrom;
        Context = details.Context;
        CustomerLabel = Clean(details.CustomerLabel);
        Occasions = details.Occasions;
        HeldAt = Clean(details.HeldAt);
        HeldBy = Clean(details.HeldBy);
    }

    /// <summary>A copy of a drafted item with its reference and stored names: what is committed.</summary>
    public EvidenceItem Kept(string reference, string? storedName, string? previewStoredName) => new()
    {
        CentreId = CentreId, CandidateId = CandidateId, Reference = reference, Kind = Kind, Title = Title, Description = Description, Body = Body,
        ActivityFrom = ActivityFrom, ActivityTo = ActivityTo, Context = Context, CustomerLabel = CustomerLabel, Occasions = Occasions,
        HeldAt = HeldAt, HeldBy = HeldBy, OriginalFileName = OriginalFileName, ContentType = ContentType, SizeBytes = SizeBytes, Sha256 = Sha256,
        StoredName = storedName, PreviewStoredName = previewStoredName, Scan = Scan, ScanDetail = ScanDetail, DurationSeconds = DurationSeconds, PageCount = PageCount,
        MediaNotes = MediaNotes, SplitFromId = SplitFromId, UploadedBy = UploadedBy, UploadedAt = UploadedAt,
    };

    public static string ReferenceFor(int sequence) => $"E{sequence:000}";

    /// <summary>
    /// What a declaration signs for this item: the file's hash, or for written kinds a hash of exactly the
    /// words and details shown, so any later change shows as "changed since declared".
    /// </summary>
    public string ContentHash()
    {
        // Invariant culture: the same item must hash the same on a server in any language (dates would otherwise follow it).
        object?[] fields = [Kind, Title, Description, Body, ActivityFrom, ActivityTo, Context, CustomerLabel, Occasions, HeldAt, HeldBy, Sha256];
        var written = string.Join('\u001F', fields.Select(f => Convert.ToString(f, System.Globalization.CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(written)));
    }
}

/// <summary>
/// The candidate's claim that an item shows a criterion of a unit they are enrolled on. A claim, not a
/// decision: the assessor decides separately.
/// </summary>
public sealed class EvidenceMapping : Centres.ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid EvidenceItemId { get; init; }

    public Guid EnrolmentId { get; init; }

    public required string UnitCode { get; init; }

    public required string CriterionRef { get; init; }

    /// <summary>Page numbers or timings where the criterion is shown (seed 000 evidence checklist).</summary>
    public string? Locator { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedAt { get; init; }
}
