using System.Text;

namespace Attest.Core.Spreadsheets;

/// <summary>
/// CSV as spreadsheets open it (RFC 4180). A cell a spreadsheet would read as a formula (starting with = + - @, a tab or a
/// carriage return) is written with a leading apostrophe, so a candidate named <c>=HYPERLINK(...)</c> shows as text and
/// runs nothing (OWASP, CSV injection).
/// </summary>
public static class Csv
{
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
}
