using System.Globalization;
using System.Text.RegularExpressions;

namespace Attest.Core.Portfolios;

/// <summary>What a locator points at in an item.</summary>
public enum LocatorKind
{
    /// <summary>Pages of a document (a file, or evidence held elsewhere).</summary>
    Pages,

    /// <summary>Start-end timings in a recording.</summary>
    Timings,

    /// <summary>Paragraphs, or the headings over them, of words written in the portfolio.</summary>
    Paragraphs,
}

/// <summary>
/// Where in an item a criterion is shown: page numbers for documents, start-end timings for recordings
/// (seed 000 evidence checklist: "Give page no(s)/digital timings, etc."), paragraphs or headings for words written in
/// the portfolio (issue 14: "paragraphs or headings for a written account"). Parsed and written back in one form so the
/// evidence log and checklist read the same for everyone.
/// </summary>
public static partial class EvidenceLocator
{
    /// <summary>A heading is at most this long: a label over what follows, not a sentence.</summary>
    private const int MaxHeadingLength = 80;

    /// <summary>What a locator of this item points at: timings in a recording, pages of a file or of evidence held elsewhere, paragraphs of words written in the portfolio.</summary>
    public static LocatorKind KindFor(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IsRecording ? LocatorKind.Timings
            : item.HasFile || item.Kind == EvidenceKind.HeldElsewhere ? LocatorKind.Pages
            : LocatorKind.Paragraphs;
    }

    /// <summary>The paragraphs of words written in the portfolio: blocks of text between blank lines (one line break does not start a paragraph).</summary>
    public static IReadOnlyList<string> Paragraphs(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return [.. BlankLines().Split((item.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal)).Select(p => p.Trim()).Where(p => p.Length > 0)];
    }

    /// <summary>
    /// The headings of a written item: a short paragraph's first line that labels what follows ("How the problem was
    /// spotted:" in a case log) or stands alone and is not a sentence (no closing full stop, question or exclamation mark);
    /// the closing colon is not part of it. A sentence broken over lines is not a heading.
    /// </summary>
    public static IReadOnlyList<string> Headings(EvidenceItem item) =>
        [.. Paragraphs(item).Select(p => (Lines: p.Split('\n'), First: p.Split('\n')[0].Trim()))
            .Where(p => p.First.Length <= MaxHeadingLength
                && (p.First.EndsWith(':') || (p.Lines.Length == 1 && !p.First.EndsWith('.') && !p.First.EndsWith('?') && !p.First.EndsWith('!'))))
            .Select(p => p.First.TrimEnd(':').Trim())
            .Where(heading => heading.Length > 0)];

    /// <summary>
    /// The one rule for a locator, asked by every door: normalised ("pages 3-5, 8", "02:15-04:30" or "paragraphs 2-3"),
    /// or an error naming the rule broken: a timing past the recording's end, a page past a PDF's last page, a paragraph
    /// past a written item's last, or words that are neither a number nor one of its headings.
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
            _ => WrittenParts(parts, item),
        };
    }

    /// <summary>Paragraph numbers within the item's paragraphs, or its headings: "paragraphs 2-3, 5" or "paragraph 2, under “Options”".</summary>
    private static (string?, string?) WrittenParts(string[] parts, EvidenceItem item)
    {
        var count = Paragraphs(item).Count;
        var headings = Headings(item);
        var ranges = new List<string>();
        var under = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var match = ParagraphRange().Match(part);
            if (!match.Success)
            {
                // A heading may hold commas (a case log's "Options, with pros and cons for ..."), so it may span several parts.
                var found = Enumerable.Range(1, parts.Length - i)
                    .Select(n => (Parts: n, Heading: headings.FirstOrDefault(h => string.Equals(h, Named(string.Join(", ", parts[i..(i + n)])), StringComparison.OrdinalIgnoreCase))))
                    .FirstOrDefault(s => s.Heading is not null);
                if (found.Heading is not { } heading)
                {
                    return (null, headings.Count == 0
                        ? $"Give paragraph numbers of {item.Reference}, like 2 or 2-3 (\"{part}\" is not a paragraph or range)"
                        : $"Give paragraph numbers, like 2 or 2-3, or a heading of {item.Reference}, such as \u201c{headings[0]}\u201d (\"{part}\" is neither)");
                }

                under.Add($"under \u201c{heading}\u201d");
                i += found.Parts - 1;
                continue;
            }

            var from = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
            var to = match.Groups["to"].Success ? int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture) : from;
            if (from < 1 || to < from)
            {
                return (null, $"A paragraph range must start at paragraph 1 or later and end after it starts (\"{part}\")");
            }

            if (to > count)
            {
                return (null, $"{item.Reference} has {count} paragraph{(count == 1 ? "" : "s")}, so it has no paragraph {to} (\"{part}\"): give paragraphs from 1 to {count}");
            }

            ranges.Add(from == to ? $"{from}" : $"{from}-{to}");
        }

        var numbered = ranges.Count == 0 ? [] : new[] { (ranges.Count > 1 || ranges[0].Contains('-', StringComparison.Ordinal) ? "paragraphs " : "paragraph ") + string.Join(", ", ranges) };
        return (string.Join(", ", numbered.Concat(under)), null);
    }

    /// <summary>Words typed for a heading, without quotes, a closing colon or the "under" the kept form puts before it.</summary>
    private static string Named(string typed)
    {
        var named = typed.Trim().Trim('"', '\u201c', '\u201d', '\'').TrimEnd(':').Trim();
        return named.StartsWith("under ", StringComparison.OrdinalIgnoreCase) ? named[6..].Trim().Trim('"', '\u201c', '\u201d', '\'') : named;
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

    [GeneratedRegex(@"^(?:(?:paragraphs?|paras?|¶)\.?\s*)?(?<from>\d{1,5})(?:\s*[-–]\s*(?<to>\d{1,5}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphRange();

    [GeneratedRegex(@"\n\s*\n", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
