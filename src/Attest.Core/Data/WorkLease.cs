namespace Attest.Core.Data;

/// <summary>
/// Background work one app instance holds for a while (a file's virus scan, the store's sweep), so that of several
/// identical instances on one database exactly one does it. A holder that dies leaves the lease to run out; then another
/// instance takes it. Not centre-owned: the work it names may span centres.
/// </summary>
public sealed class WorkLease
{
    /// <summary>What is held, e.g. "scan/{evidence id}" or "sweep/store".</summary>
    public required string Name { get; init; }

    public required string HeldBy { get; set; }

    public DateTime HeldUntil { get; set; }
}
