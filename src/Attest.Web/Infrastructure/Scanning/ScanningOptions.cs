namespace Attest.Web.Infrastructure.Scanning;

/// <summary><c>Scanning</c>: the clamd daemon that checks uploads for malware.</summary>
public sealed class ScanningOptions
{
    public const string Section = "Scanning";

    /// <summary>Host name or address of clamd; null or empty means scanning is not configured.</summary>
    public string? ClamdHost { get; set; }

    public int ClamdPort { get; set; } = 3310;

    /// <summary>
    /// Longest wait for clamd at any one step: connecting, taking a chunk, or giving its verdict. The verdict wait
    /// includes clamd's own scan, which it stops at its MaxScanTime (120 s by default), so keep this above that.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 180;

    /// <summary>How often files waiting for their scan are looked for, in seconds.</summary>
    public int PollSeconds { get; set; } = 5;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(1, PollSeconds));

    public bool Enabled => !string.IsNullOrWhiteSpace(ClamdHost);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
