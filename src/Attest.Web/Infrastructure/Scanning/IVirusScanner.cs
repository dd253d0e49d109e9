namespace Attest.Web.Infrastructure.Scanning;

/// <summary>Checks content for malware. Only <see cref="ScanResult.Clean"/> means the content may be kept as evidence.</summary>
public interface IVirusScanner
{
    /// <summary>False when no scanner is configured; <see cref="ScanAsync"/> then always fails.</summary>
    bool Enabled { get; }

    /// <summary>Reads <paramref name="content"/> from its current position to the end, in chunks.</summary>
    Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>True when the scanner answers; false when it is disabled or unreachable.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The outcome of a scan: <see cref="Clean"/>, <see cref="Infected"/> or <see cref="Failed"/>. A failure (unreachable,
/// timed out, too large to scan completely) is its own case so that no caller can mistake it for clean.
/// </summary>
public abstract record ScanResult
{
    private ScanResult()
    {
    }

    public bool IsClean => this is Clean;

    public sealed record Clean : ScanResult;

    /// <param name="Signature">The name of what was found, as the scanner reports it.</param>
    public sealed record Infected(string Signature) : ScanResult;

    /// <param name="Reason">Why there is no verdict, for logs and staff; not a message for the uploader.</param>
    public sealed record Failed(string Reason) : ScanResult;
}

/// <summary>Registered when <c>Scanning:ClamdHost</c> is empty: every scan fails, so nothing is ever taken as checked.</summary>
public sealed class DisabledVirusScanner : IVirusScanner
{
    public bool Enabled => false;

    public Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken) =>
        Task.FromResult<ScanResult>(new ScanResult.Failed("virus scanning is not configured (Scanning:ClamdHost)"));

    public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}
