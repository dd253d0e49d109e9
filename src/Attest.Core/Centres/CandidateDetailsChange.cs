namespace Attest.Core.Centres;

/// <summary>
/// One field of a learner's details changed by the centre: what it was, what it became, who changed it, when and why.
/// The history a centre shows an awarding body when a ULN or a date of birth moves. It holds personal data, so it is an
/// ordinary table (erasure removes it with the learner), not one of the append-only records of decisions.
/// </summary>
public sealed class CandidateDetailsChange : ICentreOwned
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid CandidateId { get; init; }

    /// <summary>The field as the form labels it: "ULN", "Date of birth", ...</summary>
    public required string Field { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public required string Reason { get; init; }

    /// <summary>The person's account; null for an operator's command.</summary>
    public Guid? ChangedBy { get; init; }

    public required string ChangedByName { get; init; }

    public DateTime ChangedAt { get; init; }
}

/// <summary>A learner's details as the edit form posts them.</summary>
public sealed record CandidateDetailsInput(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Uln, string? CandidateNumber);

public static class CandidateEdits
{
    /// <summary>
    /// Applies new details to a learner, under the same rules as registration and the import
    /// (<see cref="CandidateDetails.Check"/>), and returns one history row per field that changed; none when nothing did.
    /// A change needs a reason. Refuses with every broken rule, each on its field, and then changes nothing.
    /// </summary>
    /// <param name="ulnHeldBy">The other learner of the centre who already has the new ULN, if any (the temporary ULN is shared by design).</param>
    public static IReadOnlyList<CandidateDetailsChange> Apply(
        Candidate candidate, CandidateDetailsInput input, string? reason, string? ulnHeldBy, Guid changedBy, string changedByName, DateTime now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(input);
        var reasons = CandidateDetails.Check(input.GivenName, input.FamilyName, input.DateOfBirth, input.Uln, input.CandidateNumber, null, today).ToList();
        var uln = input.Uln?.Trim();
        if (ulnHeldBy is not null && uln != Centres.Uln.Temporary && reasons.All(r => r.Field != CandidateDetails.Fields.Uln))
        {
            reasons.Add((CandidateDetails.Fields.Uln, UlnTaken(uln!, ulnHeldBy)));
        }

        var number = string.IsNullOrWhiteSpace(input.CandidateNumber) ? null : input.CandidateNumber.Trim();
        var wanted = new (string Label, string? From, string? To)[]
        {
            ("Given name", candidate.GivenName, input.GivenName?.Trim()),
            ("Family name", candidate.FamilyName, input.FamilyName?.Trim()),
            ("Date of birth", Day(candidate.DateOfBirth), input.DateOfBirth is DateOnly dob ? Day(dob) : null),
            ("ULN", candidate.Uln, uln),
            ("Candidate number", candidate.AwardingBodyCandidateNumber, number),
        };
        var changed = wanted.Where(w => !string.Equals(w.From, w.To, StringComparison.Ordinal)).ToList();
        var why = reason?.Trim() ?? string.Empty;
        if (changed.Count > 0 && why.Length == 0)
        {
            reasons.Add((nameof(CandidateDetailsChange.Reason), "Say why the details are changing, for example \"ULN received from the Learning Records Service\""));
        }
        else if (why.Length > CandidateDetailsChange.MaxReasonLength)
        {
            reasons.Add((nameof(CandidateDetailsChange.Reason), $"The reason must be {CandidateDetailsChange.MaxReasonLength} characters or fewer"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        candidate.GivenName = input.GivenName!.Trim();
        candidate.FamilyName = input.FamilyName!.Trim();
        candidate.DateOfBirth = input.DateOfBirth!.Value;
        candidate.Uln = uln!;
        candidate.AwardingBodyCandidateNumber = number;
        return [.. changed.Select(c => new CandidateDetailsChange
        {
            CentreId = candidate.CentreId, CandidateId = candidate.Id, Field = c.Label, From = c.From, To = c.To, Reason = why,
            ChangedBy = changedBy, ChangedByName = changedByName, ChangedAt = now,
        })];
    }

    /// <summary>Why a ULN cannot be given to a second learner of the centre (registration says it too).</summary>
    public static string UlnTaken(string uln, string holder) => $"ULN {uln} already belongs to {holder} at this centre: one learner has one record";

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
