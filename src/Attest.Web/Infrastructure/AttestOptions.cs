namespace Attest.Web.Infrastructure;

/// <summary><c>Catalogue</c>: the qualification specifications.</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>Folder of YAML specifications; empty means the catalogue shipped beside the app.</summary>
    public string? Folder { get; set; }

    public string FullPath => string.IsNullOrWhiteSpace(Folder) ? Path.Combine(AppContext.BaseDirectory, "catalogue") : Path.GetFullPath(Folder);
}

/// <summary><c>Uploads</c>: limits on evidence files.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    public const long SmallestPart = 64 * 1024;

    /// <summary>Largest file accepted, in bytes (default 20 GiB: a long recording from a phone).</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>Bytes each centre may hold in evidence files plus uploads in progress; null means no limit.</summary>
    public long? CentreQuotaBytes { get; set; }

    /// <summary>A resumable upload not written to for this many hours is removed.</summary>
    public int ResumableExpiryHours { get; set; } = 24;

    /// <summary>
    /// The most of a resumable upload's bytes committed at once (default 8 MiB): a PATCH is committed part by part, so a
    /// long one keeps its progress through a crash, at the cost of an fsync and an update per part (and with S3, one
    /// stored file and one row per part).
    /// </summary>
    public long ResumablePartBytes { get; set; } = 8L * 1024 * 1024;
}

/// <summary><c>Demo</c>: the demonstration centre, for the embedded default only.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed a demo centre and users when the SQLite database is empty.</summary>
    public bool Seed { get; set; } = true;

    public const string Password = "Demo-Portfolio-2026!";
}
