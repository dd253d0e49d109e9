using System.Globalization;
using System.Text.RegularExpressions;

namespace Attest.Core.Portfolios;

/// <summary>What a locator points at in an item.</summary>
public enum LocatorKind
{
    /// <summary>Words written in the portfolio: read whole, with no pages or timings.</summary>
    None,

    /// <summary>Pages of a document (a file, or evidence held elsewhere).</summary>
    Pages,

    /// <summary>Start-end timings in a recording.</summary>
    Timings,
}

/// <summary>
/// Where in an item a criterion is shown: page numbers for documents, start-end timings for recordings
/// (seed 000 evidence checklist: "Give page no(s)/digital timings, etc."), nothing for words written in the portfolio.
/// Parsed and written back in one form so the evidence log and checklist read the same for everyone.
/// </summary>
public static partial class EvidenceLocator
{
    /// <summary>What a locator of this item points at: timings in a recording, pages of a file or of evidence held elsewhere, and nothing in words written in the portfolio.</summary>
    public static LocatorKind KindFor(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IsRecording ? LocatorKind.Timings
            : item.HasFile || item.Kind == EvidenceKind.HeldElsewhere ? LocatorKind.Pages
            : LocatorKind.None;
    }

    /// <summary>
    /// The one rule for a locator, asked by every door: normalised ("pages 3-5, 8" or "02:15-04:30"), or an error
    /// naming the rule broken: a timing past the recording's end, a page past a PDF's last page, or any locator of
    /// words written in the portfolio.
    /// </summary>
    public static (string? Locator, string? Error) For(EvidenceItem item, string? input)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, null);
        }

        var parts = input.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return KindFor(item) switch
        {
            LocatorKind.Timings => Timings(parts, item.DurationSeconds),
            LocatorKind.Pages => Pages(parts, item),
            _ => (null, $"{item.Reference} is written in the portfolio, not a file: it has no pages or timings, so leave where in the evidence empty"),
        };
    }

    private static (string?, string?) Pages(string[] parts, EvidenceItem item)
    {
        var ranges = new List<string>();
        foreach (var part in parts)
        {
            var match = PageRange().Match(part);
            if (!match.Success)
            {
                return (null, $"Enter pages as numbers, like 3 or 3-5, separated by commas (\"{part}\" is not a page or range)");
            }

            var from = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
            var to = match.Groups["to"].Success ? int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture) : from;
            if (from < 1 || to < from)
            {
                return (null, $"A page range must start at page 1 or later and end after it starts (\"{part}\")");
            }

            if (item.PageCount is { } count && to > count)
            {
                return (null, $"{item.Reference} has {count} page{(count == 1 ? "" : "s")}, so it has no page {to} (\"{part}\"): give pages from 1 to {count}");
            }

            ranges.Add(from == to ? $"{from}" : $"{from}-{to}");
        }

        var several = ranges.Count > 1 || ranges[0].Contains('-', StringComparison.Ordinal);
        return ((several ? "pages " : "page ") + string.Join(", ", ranges), null);
    }

    /// <summary>Start-end timings, such as "00:00-20:00, 20:00-41:30", as ranges; or the rule a part breaks.</summary>
    public static (IReadOnlyList<TimeRange>? Ranges, string? Error) ParseTimings(string? input, double? durationSeconds = null)
    {
        var parts = (input ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var ranges = new List<TimeRange>();
        foreach (var part in parts)
        {
            var match = TimeRange().Match(part);
            if (!match.Success || !TryTime(match.Groups["from"].Value, out var from) || !TryTime(match.Groups["to"].Value, out var to))
            {
                return (null, $"Enter timings as start-end in minutes and seconds, like 02:15-04:30 (\"{part}\" is not a timing)");
            }

            if (to <= from)
            {
                return (null, $"The end of a timing must be after its start (\"{part}\")");
            }

            if (durationSeconds is { } length && to.TotalSeconds > Math.Ceiling(length))
            {
                return (null, $"The timing \"{part}\" ends after the recording, which is {Format(TimeSpan.FromSeconds(length))} long");
            }

            ranges.Add(new Portfolios.TimeRange(from, to));
        }

        return (ranges, null);
    }

    private static (string?, string?) Timings(string[] parts, double? durationSeconds)
    {
        var (ranges, error) = ParseTimings(string.Join(',', parts), durationSeconds);
        return ranges is null ? (null, error) : (string.Join(", ", ranges.Select(r => $"{Format(r.Start)}-{Format(r.End)}")), null);
    }

    public static string Format(TimeSpan time) =>
        time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : time.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    private static bool TryTime(string text, out TimeSpan time)
    {
        var pieces = text.Split(':');
        time = default;
        if (pieces.Length is < 2 or > 3 || pieces.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var numbers = pieces.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var (hours, minutes, seconds) = numbers.Length == 3 ? (numbers[0], numbers[1], numbers[2]) : (0, numbers[0], numbers[1]);
        if (seconds > 59 || (numbers.Length == 3 && minutes > 59))
        {
            return false;
        }

        time = new TimeSpan(hours, minutes, seconds);
        return true;
    }

    [GeneratedRegex(@"^(?:(?:pages?|pp?)\.?\s*)?(?<from>\d{1,5})(?:\s*[-–]\s*(?<to>\d{1,5}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageRange();

    [GeneratedRegex(@"^(?<from>[\d:]+)\s*[-–]\s*(?<to>[\d:]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRange();
}
