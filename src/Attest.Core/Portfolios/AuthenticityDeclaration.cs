using System.Security.Cryptography;
using System.Text;

namespace Attest.Core.Portfolios;

/// <summary>
/// The candidate's declaration that the evidence is their own work with sources referenced (seed 000: "You
/// will be asked to sign a declaration to say that it is"; seed 004: "work you submit must be your own ...
/// you must list your sources"). Append-only: it records the exact statement and the exact content hash of
/// every item declared, so a later change to an item shows as changed since declared.
/// </summary>
public sealed class AuthenticityDeclaration : Centres.ICentreOwned, Centres.IAppendOnly, Ledger.ISignable
{
    public const string Kind = "authenticity-declaration";

    public const string Statement =
        "I declare that the evidence listed is my own work. Where I have used research, quotations or other " +
        "people's work, I have listed my sources. I understand that plagiarism, the submission of another's work " +
        "as one's own or failure to acknowledge the source correctly, is malpractice and could lead to my being disqualified.";

    private AuthenticityDeclaration()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid CandidateId { get; private init; }

    public Guid DeclaredBy { get; private init; }

    public DateTime DeclaredAt { get; private init; }

    /// <summary>The words the candidate agreed to, exactly as shown.</summary>
    public string StatementText { get; private init; } = string.Empty;

    /// <summary>One line per item: "E001 {content hash} {item id}".</summary>
    public string Manifest { get; private init; } = string.Empty;

    /// <summary>SHA-256 over the statement and the manifest: what exactly was signed.</summary>
    public string SignedSha256 { get; private init; } = string.Empty;

    public static AuthenticityDeclaration Record(Guid centreId, Guid candidateId, Guid declaredBy, IReadOnlyCollection<EvidenceItem> items, bool confirmed, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!confirmed)
        {
            throw new DomainRuleException("Confirm that the evidence is your own work and that you have listed your sources", "Confirmed");
        }

        if (items.Count == 0)
        {
            throw new DomainRuleException("Select the evidence you are declaring", "Selected");
        }

        if (items.Any(i => i.CentreId != centreId || i.CandidateId != candidateId))
        {
            throw new DomainRuleException("You can only declare your own evidence", "Selected");
        }

        var manifest = string.Join('\n', items.OrderBy(i => i.Reference, StringComparer.Ordinal).Select(i => $"{i.Reference} {i.ContentHash()} {i.Id:N}"));
        return new AuthenticityDeclaration
        {
            CentreId = centreId,
            CandidateId = candidateId,
            DeclaredBy = declaredBy,
            DeclaredAt = now,
            StatementText = Statement,
            Manifest = manifest,
            SignedSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Statement + "\n" + manifest))),
        };
    }

    public string LedgerKind => Kind;

    public string SignedContent() => new Ledger.SignedText(Kind)
        .Add("candidate", CandidateId)
        .Add("declaredBy", DeclaredBy)
        .Add("declaredAt", DeclaredAt)
        .Add("statement", StatementText)
        .Add("manifest", Manifest)
        .ToString();

    /// <summary>The content hash declared for each item id.</summary>
    public IReadOnlyDictionary<Guid, string> DeclaredHashes() =>
        Manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => Guid.ParseExact(parts[2], "N"), parts => parts[1]);
}

/// <summary>Where an item stands against the candidate's declarations.</summary>
public enum DeclarationState
{
    /// <summary>Written by the assessor or a witness, not by the candidate: nothing for the candidate to declare.</summary>
    NotApplicable,
    NotDeclared,
    Declared,
    ChangedSinceDeclared,
}

public static class Declarations
{
    /// <summary>The state of each item given every declaration the candidate has made (latest wins per item).</summary>
    public static DeclarationState StateOf(EvidenceItem item, IEnumerable<AuthenticityDeclaration> declarations)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!EvidenceRules.WrittenByCandidate(item.Kind))
        {
            return DeclarationState.NotApplicable;
        }

        var latest = declarations.OrderByDescending(d => d.DeclaredAt)
            .Select(d => d.DeclaredHashes().TryGetValue(item.Id, out var hash) ? hash : null)
            .FirstOrDefault(h => h is not null);
        return latest is null ? DeclarationState.NotDeclared
            : latest == item.ContentHash() ? DeclarationState.Declared
            : DeclarationState.ChangedSinceDeclared;
    }
}
