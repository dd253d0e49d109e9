using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Attest.Core.Ledger;

/// <summary>
/// A record someone signs: a decision, a sign-off, a declaration, a testimony, a plan. What it renders as
/// <see cref="SignedContent"/> is exactly what the ledger keeps and hashes, so a later change to the row shows
/// as "changed after signing" and the signed original stays readable in the ledger.
/// </summary>
public interface ISignable
{
    Guid Id { get; }

    /// <summary>The kind of record, e.g. <c>criterion-decision</c>; names the table a verifier reads.</summary>
    string LedgerKind { get; }

    /// <summary>The exact words and values signed, in a fixed order and format (see <see cref="SignedText"/>).</summary>
    string SignedContent();
}

/// <summary>
/// One link of a centre's hash chain (security.md: "SHA-256 over the previous entry and the exact content
/// signed, per centre"). Append-only: the database refuses UPDATE and DELETE on this table.
/// </summary>
public sealed class LedgerEntry : Centres.ICentreOwned, Centres.IAppendOnly
{
    /// <summary>The previous hash of a centre's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private LedgerEntry()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    /// <summary>1, 2, 3, ... per centre, unique; set when the entry is chained at save time.</summary>
    public long Sequence { get; private set; }

    public string Kind { get; private init; } = string.Empty;

    public Guid SubjectId { get; private init; }

    /// <summary>The capacity the signer signed in: Assessor, Candidate, Witness, ...</summary>
    public string SignerRole { get; private init; } = string.Empty;

    /// <summary>The signer's account; null for a witness, who has none.</summary>
    public Guid? SignerId { get; private init; }

    public string SignerName { get; private set; } = string.Empty;

    /// <summary>
    /// Random salt for <see cref="SignerNameSha256"/>; dropped when the signer's name is erased, so the kept digest can
    /// no longer be matched against a list of names.
    /// </summary>
    public string? SignerNameSalt { get; private set; }

    /// <summary>SHA-256 of the salt and the signer's name: the chain covers this, not the name, so a name can be erased.</summary>
    public string SignerNameSha256 { get; private init; } = string.Empty;

    public DateTime SignedAt { get; private init; }

    /// <summary>The signed content, verbatim; after an erasure, the same content with the learner pseudonymised.</summary>
    public string Content { get; private set; } = string.Empty;

    /// <summary>The erasure that pseudonymised this entry's name or content; its own ledger entry lists this one.</summary>
    public Guid? ErasedBy { get; private set; }

    public string ContentSha256 { get; private init; } = string.Empty;

    public string PreviousHash { get; private set; } = string.Empty;

    public string EntryHash { get; private set; } = string.Empty;

    public static LedgerEntry Sign(Guid centreId, ISignable subject, string signerRole, Guid? signerId, string signerName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var content = subject.SignedContent();
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new LedgerEntry
        {
            CentreId = centreId,
            Kind = subject.LedgerKind,
            SubjectId = subject.Id,
            SignerRole = signerRole,
            SignerId = signerId,
            SignerName = signerName,
            SignerNameSalt = salt,
            SignerNameSha256 = NameHash(salt, signerName),
            SignedAt = now,
            Content = content,
            ContentSha256 = Hash(content),
        };
    }

    /// <summary>Places the entry after <paramref name="previous"/> (null: the centre's first entry).</summary>
    public void ChainAfter(LedgerEntry? previous)
    {
        Sequence = (previous?.Sequence ?? 0) + 1;
        PreviousHash = previous?.EntryHash ?? Genesis;
        EntryHash = ComputeEntryHash();
    }

    /// <summary>SHA-256 over the previous entry's hash, this entry's place and signer, and the content hash.</summary>
    public string ComputeEntryHash() => Hash(string.Join('\n',
        PreviousHash,
        Sequence.ToString(CultureInfo.InvariantCulture),
        CentreId.ToString("N"),
        Kind,
        SubjectId.ToString("N"),
        SignerRole,
        SignerId?.ToString("N") ?? "-",
        SignerNameSha256,
        SignedText.Format(SignedAt),
        ContentSha256));

    /// <summary>Whether the kept name is the one signed; an erased name (its salt dropped) cannot be checked, only its erasure.</summary>
    public bool SignerNameAsSigned => SignerNameSalt is { } salt && NameHash(salt, SignerName) == SignerNameSha256;

    /// <summary>
    /// Erasure: the learner's name and words in the kept content replaced by a pseudonym. The entry's hash still holds
    /// (it covers the name's digest and the original content's hash); the erasure's own entry says what the content is now.
    /// </summary>
    public void Pseudonymise(Guid erasureId, string? signerPseudonym, string content)
    {
        if (signerPseudonym is not null)
        {
            SignerName = signerPseudonym;
            SignerNameSalt = null;
        }

        Content = content;
        ErasedBy = erasureId;
    }

    private static string NameHash(string salt, string name) => Hash(salt + "\n" + name);

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>"entry 7 (criterion-decision signed by Asha Assessor on 3 March 2026 14:05 UTC)".</summary>
    public string Describe() =>
        $"entry {Sequence} ({Kind} signed by {SignerName} as {SignerRole} on {SignedAt.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC)";
}

/// <summary>
/// Builds the text a record signs: one "name: value" line per field, in the order given, with fixed formats
/// for dates and numbers, so the same record always renders the same bytes.
/// </summary>
public sealed class SignedText
{
    private readonly StringBuilder _text = new();

    public SignedText(string kind, int version = 1)
    {
        Add("kind", kind);
        Add("version", version);
    }

    public SignedText Add(string name, string? value)
    {
        // Newlines in values are escaped so one field can never pose as another.
        _text.Append(name).Append(": ").Append((value ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        return this;
    }

    public SignedText Add(string name, Guid? value) => Add(name, value?.ToString("N"));

    public SignedText Add(string name, DateTime? value) => Add(name, value is { } time ? Format(time) : null);

    public SignedText Add(string name, DateOnly? value) => Add(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public SignedText Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public SignedText Add(string name, bool value) => Add(name, value ? "yes" : "no");

    public SignedText Add<TEnum>(string name, TEnum value)
        where TEnum : struct, Enum => Add(name, value.ToString());

    public override string ToString() => _text.ToString();

    /// <summary>
    /// A UTC time to the microsecond, whatever its Kind: PostgreSQL keeps microseconds and SQLite gives times back
    /// without their Kind, and a record must render the same after a round trip through either.
    /// </summary>
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Adding a signature: the entry goes into the same save as the record, so both are kept or neither.</summary>
public static class Signing
{
    public static LedgerEntry Sign(this Data.AttestDbContext db, ISignable subject, string signerRole, Guid? signerId, string signerName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var centre = db.CurrentCentreId ?? throw new InvalidOperationException("No centre is signed in: nothing can be signed.");
        var entry = LedgerEntry.Sign(centre, subject, signerRole, signerId, signerName, now);
        db.LedgerEntries.Add(entry);
        return entry;
    }
}
