using System.Globalization;
using System.Text;

namespace Attest.Core.Certification;

/// <summary>
/// Claims as CSV for the awarding body: one row per unit claimed (RFC 4180). A cell a spreadsheet would read as a
/// formula (starting with = + - @, a tab or a carriage return) is written with a leading apostrophe, so a candidate
/// named <c>=HYPERLINK(...)</c> shows as text and runs nothing (OWASP, CSV injection).
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
        return claim.Lines.OrderBy(l => l.UnitCode, StringComparer.Ordinal).Select(line => (IReadOnlyList<string>)
        [
            centreNumber, claim.Id.ToString("N")[..12].ToUpperInvariant(), Date(claim.ClaimDate), claim.Scope == ClaimScope.Qualification ? "Qualification" : "Unit",
            claim.CandidateNumber ?? string.Empty, claim.Uln, claim.CandidateName, claim.QualificationCode, claim.QualificationTitle, Date(claim.RegisteredOn),
            line.UnitCode, line.UnitTitle, Date(line.AchievedOn), line.Grade ?? string.Empty,
        ]);
    }

    /// <summary>One CSV line, ending in CRLF.</summary>
    public static string Line(IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var line = new StringBuilder();
        foreach (var cell in cells)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }

            line.Append(Cell(cell));
        }

        return line.Append("\r\n").ToString();
    }

    /// <summary>A cell made safe for spreadsheets, then quoted when it holds a comma, quote or line break.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    // ISO dates: unambiguous, and sorted correctly as text.
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
