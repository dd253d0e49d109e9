using System.Globalization;

namespace Attest.Core.Certification;

/// <summary>
/// Claims as CSV for the awarding body, written with <see cref="Spreadsheets.Csv"/>: a unit claim is one row per unit
/// claimed; a qualification claim is one row for the qualification itself (no unit, achieved when its last unit was),
/// then one row per unit it rests on.
/// </summary>
public static class ClaimsCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Centre number", "Claim reference", "Claim date", "Claim type", "Candidate number", "ULN", "Candidate name",
        "Qualification code", "Qualification title", "Registered on", "Unit", "Unit title", "Achieved on", "Grade",
    ];

    /// <summary>The rows of one claim, header not included.</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(string centreNumber, CertificationClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var lines = claim.Lines.OrderBy(l => l.UnitCode, StringComparer.Ordinal).ToList();
        IReadOnlyList<string> Row(string unitCode, string unitTitle, DateOnly achievedOn, string? grade) =>
        [
            centreNumber, claim.Id.ToString("N")[..12].ToUpperInvariant(), Date(claim.ClaimDate), claim.Scope == ClaimScope.Qualification ? "Qualification" : "Unit",
            claim.CandidateNumber ?? string.Empty, claim.Uln, claim.CandidateName, claim.QualificationCode, claim.QualificationTitle, Date(claim.RegisteredOn),
            unitCode, unitTitle, Date(achievedOn), grade ?? string.Empty,
        ];

        var rows = lines.Select(line => Row(line.UnitCode, line.UnitTitle, line.AchievedOn, line.Grade));
        return claim.Scope == ClaimScope.Qualification && lines.Count > 0
            ? rows.Prepend(Row(string.Empty, string.Empty, lines.Max(l => l.AchievedOn), null))
            : rows;
    }

    // ISO dates: unambiguous, and sorted correctly as text.
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
