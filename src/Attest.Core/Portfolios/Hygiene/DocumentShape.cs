using System.Text.RegularExpressions;

namespace Attest.Core.Portfolios.Hygiene;

/// <summary>A whole-document finding: what to show and the indexes of the segments that hold the strongest evidence.</summary>
internal sealed record DocumentFinding(HygieneKind Kind, string Found, IReadOnlyList<int> Segments);

/// <summary>
/// Seed 003 (the moderators' report): candidates should not include copies of policies and procedures, nor copies of blank
/// documents. These rules look at the shape of the whole document, line by line, rather than at single values.
/// </summary>
internal static partial class DocumentShape
{
    private const int MinimumBlankFields = 3;

    // A blank form may carry instructions; this many words of other text per blank field still reads as a form.
    private const int ProseWordsPerBlankField = 25;

    private const int MinimumPolicySections = 3;

    private const int TitleSearchLines = 3;

    // MarkedField: a line to write on, dotted leader, empty box or empty table cell. EmptyLabel: "Date of visit:" and
    // nothing more, which prose also produces ("The tasks were:"), so it adds to a form's count but cannot make one.
    private enum LineShape { MarkedField, EmptyLabel, FilledField, Prose }

    public static DocumentFinding? BlankTemplate(IReadOnlyList<TextSegment> segments)
    {
        var blankPerSegment = new int[segments.Count];
        int marked = 0, blank = 0, filled = 0, proseWords = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            foreach (var line in Lines(segments[i].Text))
            {
                var shape = Classify(line);
                switch (shape)
                {
                    case LineShape.MarkedField or LineShape.EmptyLabel:
                        marked += shape == LineShape.MarkedField ? 1 : 0;
                        blank++;
                        blankPerSegment[i]++;
                        break;
                    case LineShape.FilledField:
                        filled++;
                        break;
                    case LineShape.Prose:
                        proseWords += Words(line);
                        break;
                }
            }
        }

        if (marked < MinimumBlankFields || filled * 2 > blank || proseWords > blank * ProseWordsPerBlankField)
        {
            return null;
        }

        var where = Enumerable.Range(0, segments.Count).Where(i => blankPerSegment[i] > 0).ToList();
        return new(HygieneKind.BlankTemplate, $"{blank} empty fields to fill in, and little else written", where);
    }

    public static DocumentFinding? PolicyDocument(IReadOnlyList<TextSegment> segments)
    {
        (string Text, int Segment)? title = null;
        var sections = new List<string>();
        var where = new SortedSet<int>();
        var seen = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            foreach (var line in Lines(segments[i].Text))
            {
                if (seen++ < TitleSearchLines && title is null && Words(line) <= 12 && PolicyTitle().IsMatch(line))
                {
                    title = (line, i);
                    where.Add(i);
                }

                var heading = PolicySection().Match(line);
                if (heading.Success)
                {
                    var name = Normalise(heading.Groups["section"].Value);
                    if (!sections.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        sections.Add(name);
                        where.Add(i);
                    }
                }
            }
        }

        if (title is null || sections.Count < MinimumPolicySections)
        {
            return null;
        }

        return new(HygieneKind.PolicyDocument, $"\"{title.Value.Text}\" with sections {string.Join(", ", sections)}", [.. where]);
    }

    private static LineShape Classify(string line)
    {
        if (TickedBox().IsMatch(line))
        {
            return LineShape.FilledField;
        }

        // A table row (cells separated by tabs) with an empty cell beside short labels is a form waiting to be filled.
        var cells = line.Split('\t', StringSplitOptions.TrimEntries);
        if (cells.Length > 1 && cells.Any(c => c.Length == 0) && cells.All(c => Words(c) <= 6))
        {
            return LineShape.MarkedField;
        }

        var stripped = BlankMarker().Replace(line, " ").Trim();
        var label = LabelledValue().Match(stripped);
        var hasMarker = stripped.Length < line.Length;
        if (label.Success)
        {
            var empty = label.Groups["value"].Value.Trim().Length == 0;
            return !empty ? LineShape.FilledField : hasMarker ? LineShape.MarkedField : LineShape.EmptyLabel;
        }

        return hasMarker ? LineShape.MarkedField : LineShape.Prose;
    }

    // Tabs are kept: they separate table cells, and a trailing one is an empty cell.
    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim(' ', '\r', '\u00A0')).Where(l => l.Trim().Length > 0);

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Normalise(string section)
    {
        var words = Whitespace().Replace(section.Trim(), " ");
        return char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Underscores to write on, dotted leaders (not a contents line's dots before a page number), and empty tick boxes.
    [GeneratedRegex(@"_{3,}|(?>(?:\.[ ]?){4,}|…{2,})(?!\s*\d+\s*$)|[☐□❑❒]|\[[ \u00A0]?\]|\([ \u00A0]\)")]
    private static partial Regex BlankMarker();

    [GeneratedRegex(@"[☑☒✓✔✗✘]|\[[xX✓]\]")]
    private static partial Regex TickedBox();

    // "Name: Jo Bloggs" or "Date of visit:" — a short label, a colon, then whatever was written.
    [GeneratedRegex(@"^(?<label>[^:]{1,40}):(?<value>.*)$")]
    private static partial Regex LabelledValue();

    [GeneratedRegex(@"\b(?:polic(?:y|ies)|procedures?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyTitle();

    // A heading line: optionally numbered ("2.1 Scope"), short, or a document-control entry ("Review date: May 2025").
    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*\.?[ \t]+)?(?<section>purpose|aims?|scope|(?:roles[ \t]+and[ \t]+)?responsibilities|definitions|policy[ \t]+statement|document[ \t]+control|version(?:[ \t]+(?:number|history|control))?|(?:next[ \t]+)?review[ \t]+date|date[ \t]+of[ \t]+(?:next[ \t]+)?review|approved[ \t]+by|document[ \t]+owner|policy[ \t]+owner|effective[ \t]+date|date[ \t]+of[ \t]+issue|related[ \t]+(?:policies|procedures|documents)|monitoring(?:[ \t]+and[ \t]+review)?)\b[ \t]*(?:[:\t].*|v?\d[\d.]*)?[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PolicySection();
}
