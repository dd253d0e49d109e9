using Attest.Core.Ledger;
using Attest.Core.Qualifications;

namespace Attest.Core.Apprenticeships;

/// <summary>The two parties who sign the gateway declaration (issue 17 item 5: "signed by employer and provider").</summary>
public enum GatewayParty { Employer, Provider }

/// <summary>
/// One party's signature of an apprentice's gateway declaration: the employer (the line manager, through their account)
/// agreeing the apprentice is ready, then the provider (assessor or administrator) last, once every other item of the
/// standard's checklist is met. Append-only, signed into the ledger, once per party per enrolment; it keeps the standard
/// and the checklist as the signer saw them.
/// </summary>
public sealed class GatewaySignature : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "gateway-signature";

    public const int MaxChecklistLength = 8000;

    private GatewaySignature()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public GatewayParty Party { get; private init; }

    public string StandardReference { get; private init; } = string.Empty;

    public string StandardVersion { get; private init; } = string.Empty;

    /// <summary>Each checklist item and whether it was met when this party signed, one line each.</summary>
    public string Checklist { get; private init; } = string.Empty;

    public Guid SignerId { get; private init; }

    public string SignerName { get; private init; } = string.Empty;

    public DateTime SignedAt { get; private init; }

    public string LedgerKind => Kind;

    public string Statement => StatementOf(Party);

    public static string StatementOf(GatewayParty party) => party == GatewayParty.Employer
        ? "As the apprentice's employer, I agree that they work consistently at the level of the standard and are ready for the end-point assessment."
        : "As the training provider, I declare that every item of the standard's gateway checklist is met and the apprentice is ready for the end-point assessment.";

    public static string Describe(GatewayParty party) => party == GatewayParty.Employer ? "employer" : "training provider";

    /// <summary>
    /// A party's signature. Refused when that party has signed already (naming who and when), and for the provider unless
    /// every item of <paramref name="readiness"/> is met, naming those that are not: the provider signs last.
    /// </summary>
    public static GatewaySignature Sign(
        Portfolios.Enrolment enrolment, StandardSpec standard, GatewayReadinessResult readiness, IEnumerable<GatewaySignature> existing, GatewayParty party,
        Guid signerId, string signerName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(existing);
        if (existing.FirstOrDefault(s => s.Party == party) is { } first)
        {
            throw new DomainRuleException($"The gateway declaration is already signed for the {Describe(party)} by {first.SignerName} on {first.SignedAt:d MMMM yyyy}: each party signs once.");
        }

        if (party == GatewayParty.Provider && readiness.Items.Where(i => !i.Met).Select(i => i.Item.Title).ToList() is { Count: > 0 } unmet)
        {
            throw new DomainRuleException($"The training provider signs last, once every other item is met. Not met yet: {string.Join("; ", unmet)}.", "Signature");
        }

        var checklist = string.Join("\n", readiness.Items.Select(i => $"{i.Item.Title}: {(i.Met ? "met" : "not met, " + i.Shortfall)}"));
        return new GatewaySignature
        {
            CentreId = enrolment.CentreId, EnrolmentId = enrolment.Id, Party = party, StandardReference = standard.Reference, StandardVersion = standard.Version,
            Checklist = checklist.Length > MaxChecklistLength ? checklist[..MaxChecklistLength] : checklist, SignerId = signerId, SignerName = signerName, SignedAt = now,
        };
    }

    /// <summary>Signed by the employer and the provider.</summary>
    public static bool IsComplete(IEnumerable<GatewaySignature> signatures) => Enum.GetValues<GatewayParty>().All(p => signatures.Any(s => s.Party == p));

    public string SignedContent() => new SignedText(Kind)
        .Add("id", Id).Add("enrolment", EnrolmentId).Add("party", Party).Add("standard", StandardReference).Add("standard version", StandardVersion)
        .Add("statement", Statement).Add("checklist", Checklist).Add("signer", SignerName).Add("signed at", SignedAt).ToString();
}
