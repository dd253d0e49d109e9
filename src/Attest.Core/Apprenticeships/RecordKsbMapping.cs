using Attest.Core.Centres;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Core.Apprenticeships;

/// <summary>The kinds of record that map to KSBs (issue 17 item 4: "evidence, records and reviews map to KSBs").</summary>
public enum KsbRecordKind { Evidence, OffTheJobActivity, ProgressReview }

/// <summary>
/// A record offered for mapping: its kind and id, the apprentice it is of, its enrolment when it has one (an evidence item is
/// the candidate's, not an enrolment's), and how messages name it ("E004", "the review held on 3 March 2026").
/// </summary>
public sealed record KsbRecord(KsbRecordKind Kind, Guid Id, Guid CandidateId, Guid? EnrolmentId, string Name)
{
    public bool BelongsTo(Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return EnrolmentId is { } id ? id == enrolment.Id : CandidateId == enrolment.CandidateId;
    }
}

/// <summary>
/// One record mapped to one KSB of an apprentice's standard, for one apprenticeship enrolment: who mapped it and when,
/// signed into the ledger and append-only. Taking it back is a <see cref="KsbMappingWithdrawal"/>; what counts is
/// <see cref="KsbMappingWithdrawal.Live"/>, and coverage is <see cref="KsbCoverage.Of"/> over it.
/// </summary>
public sealed class RecordKsbMapping : ICentreOwned, IAppendOnly, ISignable
{
    public const string Kind = "ksb-mapping";

    public const int MaxCodeLength = 20;

    private RecordKsbMapping()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public Guid CandidateId { get; private init; }

    public KsbRecordKind RecordKind { get; private init; }

    public Guid RecordId { get; private init; }

    /// <summary>The standard and version the code was checked against when mapped.</summary>
    public string StandardReference { get; private init; } = string.Empty;

    public string StandardVersion { get; private init; } = string.Empty;

    public string KsbCode { get; private init; } = string.Empty;

    public Guid MappedBy { get; private init; }

    public string MappedByName { get; private init; } = string.Empty;

    public DateTime MappedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>The shape the coverage rule and the gateway read.</summary>
    public KsbMapping AsCoverage() => new(KsbCode, RecordId);

    /// <summary>
    /// Maps <paramref name="record"/> to each of <paramref name="codes"/> for <paramref name="enrolment"/>, or refuses with every
    /// reason on the field "Ksbs": no KSB chosen, an enrolment that is no apprenticeship, follows a framework, or whose standard
    /// the catalogue does not hold, a record of another enrolment, a code the standard does not define, and a code the record is already mapped to
    /// (<paramref name="live"/>: the enrolment's mappings not withdrawn).
    /// </summary>
    public static IReadOnlyList<RecordKsbMapping> Map(
        Enrolment enrolment, Apprenticeship? apprenticeship, StandardSpec? standard, KsbRecord record, IReadOnlyCollection<string> codes,
        IEnumerable<RecordKsbMapping> live, Guid by, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(live);
        if (apprenticeship is null || apprenticeship.EnrolmentId != enrolment.Id)
        {
            throw new DomainRuleException("This enrolment is not an apprenticeship, so it has no standard whose KSBs records could map to.", "Ksbs");
        }

        if (apprenticeship.Programme == ApprenticeshipProgramme.Framework)
        {
            throw new DomainRuleException($"This apprenticeship follows framework {apprenticeship.ProgrammeCode}, which has no KSBs: records map to the KSBs of a standard.", "Ksbs");
        }

        if (standard is null || !string.Equals(standard.Reference, apprenticeship.ProgrammeCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException(
                $"The apprenticeship's standard {apprenticeship.ProgrammeCode} is not in the catalogue, so its KSBs are not known; ask the centre's administrator to correct the standard's reference, or to have the standard added to the catalogue.", "Ksbs");
        }

        if (!record.BelongsTo(enrolment))
        {
            throw new DomainRuleException($"{record.Name} is not a record of this apprenticeship, so it cannot be mapped to its KSBs.", "Ksbs");
        }

        var chosen = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (chosen.Count == 0)
        {
            throw new DomainRuleException($"Choose at least one KSB of {standard.Reference} that {record.Name} shows.", "Ksbs");
        }

        var mapped = live.Where(m => m.EnrolmentId == enrolment.Id && m.RecordKind == record.Kind && m.RecordId == record.Id)
            .Select(m => m.KsbCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reasons = new List<(string Field, string Message)>();
        var mappings = new List<RecordKsbMapping>();
        foreach (var code in chosen)
        {
            if (standard.FindKsb(code) is not { } ksb)
            {
                reasons.Add(("Ksbs", $"{code} is not a KSB of {standard.DisplayName} version {standard.Version}."));
            }
            else if (!mapped.Add(ksb.Code))
            {
                reasons.Add(("Ksbs", $"{record.Name} is already mapped to {ksb.Code}."));
            }
            else
            {
                mappings.Add(new RecordKsbMapping
                {
                    CentreId = enrolment.CentreId, EnrolmentId = enrolment.Id, CandidateId = enrolment.CandidateId, RecordKind = record.Kind, RecordId = record.Id,
                    StandardReference = standard.Reference, StandardVersion = standard.Version, KsbCode = ksb.Code, MappedBy = by, MappedByName = byName, MappedAt = now,
                });
            }
        }

        return reasons.Count > 0 ? throw new DomainRuleException(reasons) : mappings;
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("id", Id).Add("enrolment", EnrolmentId).Add("candidate", CandidateId).Add("record kind", RecordKind).Add("record", RecordId)
        .Add("standard", StandardReference).Add("version", StandardVersion).Add("ksb", KsbCode)
        .Add("mapped by", MappedByName).Add("mapped at", MappedAt).ToString();
}

/// <summary>The taking back of a KSB mapping: a new record, append-only and signed, with why, who and when. The mapping stays as made.</summary>
public sealed class KsbMappingWithdrawal : ICentreOwned, IAppendOnly, ISignable
{
    public const string Kind = "ksb-mapping-withdrawal";

    public const int MaxReasonLength = 1000;

    private KsbMappingWithdrawal()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid MappingId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public string KsbCode { get; private init; } = string.Empty;

    public string Reason { get; private init; } = string.Empty;

    public Guid RecordedBy { get; private init; }

    public string RecordedByName { get; private init; } = string.Empty;

    public DateTime RecordedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>Withdraws <paramref name="mapping"/>, or refuses: a second time, or (on the field "Reason") without a reason or with one too long.</summary>
    public static KsbMappingWithdrawal Record(RecordKsbMapping mapping, bool alreadyWithdrawn, string? reason, Guid by, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (alreadyWithdrawn)
        {
            // No field: a withdrawn mapping has no form left to put the reason beside.
            throw new DomainRuleException($"The mapping to {mapping.KsbCode} is already withdrawn.");
        }

        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxReasonLength)
        {
            throw new DomainRuleException($"Say why the record does not show {mapping.KsbCode}, in {MaxReasonLength:#,0} characters or fewer.", "Reason");
        }

        return new KsbMappingWithdrawal
        {
            CentreId = mapping.CentreId, MappingId = mapping.Id, EnrolmentId = mapping.EnrolmentId, KsbCode = mapping.KsbCode, Reason = trimmed,
            RecordedBy = by, RecordedByName = byName, RecordedAt = now,
        };
    }

    /// <summary>The mappings that count: those no withdrawal names. Every reader of KSB mappings asks this.</summary>
    public static IQueryable<RecordKsbMapping> Live(IQueryable<RecordKsbMapping> mappings, IQueryable<KsbMappingWithdrawal> withdrawals) =>
        mappings.Where(m => !withdrawals.Any(w => w.MappingId == m.Id));

    public string SignedContent() => new SignedText(Kind)
        .Add("id", Id).Add("mapping", MappingId).Add("enrolment", EnrolmentId).Add("ksb", KsbCode).Add("reason", Reason)
        .Add("recorded by", RecordedByName).Add("recorded at", RecordedAt).ToString();
}
