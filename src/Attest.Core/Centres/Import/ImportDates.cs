using System.Globalization;
using System.Text.RegularExpressions;

namespace Attest.Core.Centres.Import;

/// <summary>
/// Dates as MIS exports write them: 2004-03-27, 27/03/2004 (UK order; also with - or . between), either with a time of day
/// after it, and in an XLSX file an Excel serial number (37707) when the cell has no date format.
/// </summary>
public static partial class ImportDates
{
    /// <summary>The date, or null with the reason (null reason and null date: the cell is empty).</summary>
    public static (DateOnly? Date, string? Problem) Parse(string? text, bool excelSerials)
    {
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return (null, null);
        }

        int year, month, day;
        if (Iso().Match(value) is { Success: true } iso)
        {
            (year, month, day) = (Number(iso, "y"), Number(iso, "m"), Number(iso, "d"));
        }
        else if (Uk().Match(value) is { Success: true } uk)
        {
            (year, month, day) = (Number(uk, "y"), Number(uk, "m"), Number(uk, "d"));
        }
        else if (excelSerials && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and <= 2_958_465)
        {
            return (DateOnly.FromDateTime(DateTime.FromOADate(serial)), null);
        }
        else
        {
            return (null, $"\"{value}\" is not a date Attest can read: write it as 27/03/2004 or 2004-03-27");
        }

        return month is >= 1 and <= 12 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? (new DateOnly(year, month, day), null)
            : (null, $"{value} is not a real date");
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?Z?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(?<s>[/.-])(?<m>[0-9]{1,2})\k<s>(?<y>[0-9]{4})(?: [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Uk();
}
