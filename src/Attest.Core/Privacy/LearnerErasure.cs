using System.Globalization;
using Attest.Core.Ledger;

namespace Attest.Core.Privacy;

/// <summary>One erased ledger entry: its place in the chain and the hash of what its content became.</summary>
public sealed record Redaction(long Sequence, string ContentSha256);

/// <summary>
/// A learner's erasure on request, as the centre recorded it: when it was asked for, why it was allowed, who did it, the
/// pseudonym the learner's signed records now carry, and which ledger entries were pseudonymised with what they hash to
/// now. Append-only and signed, so the ledger verifies after it: an erased entry is checked against this record's
/// entry instead of the words it first signed, which are gone. Holds no personal data itself.
/// </summary>
public sealed class LearnerErasure : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "learner-erasure";

    public const int MaxReasonLength = 1000;

    private LearnerErasure()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid CandidateId { get; private init; }

    /// <summary>What the learner is called now in every record kept: "Erased learner 7F3A2C".</summary>
    public string Pseudonym { get; private init; } = string.Empty;

    public DateOnly RequestedOn { get; private init; }

    /// <summary>The first day erasure was allowed: the end of the retention period.</summary>
    public DateOnly RetentionEndedOn { get; private init; }

    public string Reason { get; private init; } = string.Empty;

    public int FilesRemoved { get; private init; }

    /// <summary>"sequence sha256" pairs, comma separated, in sequence order.</summary>
    public string Redactions { get; private set; } = string.Empty;

    public Guid ErasedBy { get; private init; }

    public string ErasedByName { get; private init; } = string.Empty;

    public DateTime ErasedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>The pseudonym for a learner: stable for the erasure, short enough to read out, and no part of who they were.</summary>
    public static string PseudonymFor(Guid erasureId) => "Erased learner " + erasureId.ToString("N")[^6..].ToUpperInvariant();

    public static LearnerErasure Record(Guid centreId, Guid candidateId, ErasureStanding standing, DateOnly requestedOn, string reason, int filesRemoved, Guid erasedBy, string erasedByName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var today = DateOnly.FromDateTime(now);
        if (standing.AllowedFrom is not DateOnly allowed || allowed > today)
        {
            throw new DomainRuleException(standing.Explanation);
        }

        if (requestedOn > today)
        {
            throw new DomainRuleException("The date of the request cannot be after today", nameof(RequestedOn));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            throw new DomainRuleException($"Say how the learner asked for erasure, in at most {MaxReasonLength} characters, so the record explains itself", nameof(Reason));
        }

        var id = Guid.CreateVersion7();
        return new LearnerErasure
        {
            Id = id,
            CentreId = centreId,
            CandidateId = candidateId,
            Pseudonym = PseudonymFor(id),
            RequestedOn = requestedOn,
            RetentionEndedOn = allowed,
            Reason = reason.Trim(),
            FilesRemoved = filesRemoved,
            ErasedBy = erasedBy,
            ErasedByName = erasedByName,
            ErasedAt = now,
        };
    }

    /// <summary>Notes the entries this erasure pseudonymised; set before the record is signed.</summary>
    public void ListRedactions(IEnumerable<Redaction> redactions) =>
        Redactions = string.Join(", ", redactions.OrderBy(r => r.Sequence).Select(r => $"{r.Sequence.ToString(CultureInfo.InvariantCulture)} {r.ContentSha256}"));

    public string SignedContent() => new SignedText(Kind)
        .Add("candidate", CandidateId)
        .Add("pseudonym", Pseudonym)
        .Add("requestedOn", RequestedOn)
        .Add("retentionEndedOn", RetentionEndedOn)
        .Add("reason", Reason)
        .Add("filesRemoved", FilesRemoved)
        .Add("redactions", Redactions)
        .Add("erasedBy", ErasedBy)
        .Add("erasedByName", ErasedByName)
        .Add("erasedAt", ErasedAt)
        .ToString();

    /// <summary>The redactions a learner-erasure entry's signed content lists (the verifier reads them from the ledger itself).</summary>
    public static IEnumerable<Redaction> RedactionsIn(string signedContent)
    {
        ArgumentNullException.ThrowIfNull(signedContent);
        var line = signedContent.Split('\n').FirstOrDefault(l => l.StartsWith("redactions: ", StringComparison.Ordinal));
        if (line is null)
        {
            yield break;
        }

        foreach (var pair in line["redactions: ".Length..].Split(", ", StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(' ');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                yield return new Redaction(sequence, parts[1]);
            }
        }
    }
}
