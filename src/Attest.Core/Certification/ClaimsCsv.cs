using System.Globalization;

namespace Attest.Core.Certification;

/// <summary>Claims as CSV for the awarding body: one row per unit claimed, written with <see cref="Spreadsheets.Csv"/>.</summary>
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
        return claim.Lines.OrderBy(l => l.UnitCode, StringComparer.Ordinal).Select(line => (IReadOnlyList<string>)
        [
            centreNumber, claim.Id.ToString("N")[..12].ToUpperInvariant(), Date(claim.ClaimDate), claim.Scope == ClaimScope.Qualification ? "Qualification" : "Unit",
            claim.CandidateNumber ?? string.Empty, claim.Uln, claim.CandidateName, claim.QualificationCode, claim.QualificationTitle, Date(claim.RegisteredOn),
            line.UnitCode, line.UnitTitle, Date(line.AchievedOn), line.Grade ?? string.Empty,
        ]);
    }

    // ISO dates: unambiguous, and sorted correctly as text.
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
