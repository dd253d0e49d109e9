namespace Attest.Core.Ledger;

/// <summary>Why an entry fails verification.</summary>
public enum LedgerBreak
{
    /// <summary>Sequence numbers skip or repeat: an entry was removed or inserted.</summary>
    Gap,

    /// <summary>The entry's own fields no longer give its hash: the entry was edited.</summary>
    EntryAltered,

    /// <summary>The entry does not point at the hash of the one before it.</summary>
    LinkBroken,

    /// <summary>The kept content no longer gives the content hash: the content column was edited.</summary>
    ContentAltered,

    /// <summary>The record the entry signed no longer renders the signed content.</summary>
    ChangedAfterSigning,

    /// <summary>The record the entry signed is gone.</summary>
    SubjectMissing,

    /// <summary>The entry says it was erased, but no erasure entry in the chain lists it.</summary>
    ErasureUnrecorded,
}

public sealed record LedgerFinding(LedgerEntry Entry, LedgerBreak Break, string Message);

public sealed record LedgerVerification(int Entries, LedgerFinding? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>The chain's rules, pure: what a verifier checks, entry by entry, in sequence order.</summary>
public static class LedgerChain
{
    /// <summary>
    /// Checks one centre's entries in order and names the first broken one. <paramref name="currentContent"/> gives
    /// what each entry's record renders now (null when the record is gone).
    /// </summary>
    public static LedgerVerification Verify(IReadOnlyList<LedgerEntry> entries, Func<LedgerEntry, string?> currentContent)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(currentContent);
        // What each erased entry's content became, as the erasures' own (chained, hashed) entries recorded it.
        // A record naming two learners is pseudonymised by both erasures: the later one says what it is now.
        var redactions = new Dictionary<long, string>();
        foreach (var redaction in entries.Where(e => e.Kind == Privacy.LearnerErasure.Kind).OrderBy(e => e.Sequence).SelectMany(e => Privacy.LearnerErasure.RedactionsIn(e.Content)))
        {
            redactions[redaction.Sequence] = redaction.ContentSha256;
        }

        LedgerEntry? previous = null;
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            var finding = Check(entry, previous, currentContent(entry), redactions);
            if (finding is not null)
            {
                return new LedgerVerification(entries.Count, finding);
            }

            previous = entry;
        }

        return new LedgerVerification(entries.Count, null);
    }

    private static LedgerFinding? Check(LedgerEntry entry, LedgerEntry? previous, string? current, Dictionary<long, string> redactions)
    {
        var expectedSequence = (previous?.Sequence ?? 0) + 1;
        if (entry.Sequence != expectedSequence)
        {
            return new(entry, LedgerBreak.Gap, $"{entry.Describe()}: expected entry {expectedSequence} here, so an entry was removed or inserted.");
        }

        if (entry.PreviousHash != (previous?.EntryHash ?? LedgerEntry.Genesis))
        {
            return new(entry, LedgerBreak.LinkBroken, $"{entry.Describe()}: it does not follow the hash of entry {expectedSequence - 1}, so the chain was broken.");
        }

        if (entry.ComputeEntryHash() != entry.EntryHash || (entry.SignerNameSalt is not null && !entry.SignerNameAsSigned))
        {
            return new(entry, LedgerBreak.EntryAltered, $"{entry.Describe()}: its fields no longer match its hash, so the entry was edited.");
        }

        // An erased entry is checked against what its erasure recorded; any other against what was signed.
        var expected = entry.ContentSha256;
        if (entry.ErasedBy is not null && !redactions.TryGetValue(entry.Sequence, out expected!))
        {
            return new(entry, LedgerBreak.ErasureUnrecorded, $"{entry.Describe()}: it is marked as erased, but no erasure in the ledger lists it.");
        }

        if (entry.ErasedBy is null && entry.SignerNameSalt is null)
        {
            return new(entry, LedgerBreak.EntryAltered, $"{entry.Describe()}: its signer's name was removed without an erasure, so the entry was edited.");
        }

        if (LedgerEntry.Hash(entry.Content) != expected)
        {
            return new(entry, LedgerBreak.ContentAltered, $"{entry.Describe()}: its kept content no longer matches the hash that was signed.");
        }

        if (current is null)
        {
            return new(entry, LedgerBreak.SubjectMissing, $"{entry.Describe()}: the signed {entry.Kind} {entry.SubjectId:N} no longer exists.");
        }

        return LedgerEntry.Hash(current) != expected
            ? new(entry, LedgerBreak.ChangedAfterSigning, $"{entry.Describe()}: the {entry.Kind} was changed after signing; the signed original is kept in the ledger.")
            : null;
    }
}
