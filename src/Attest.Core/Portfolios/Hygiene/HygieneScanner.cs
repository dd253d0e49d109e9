using System.Globalization;
using System.Text.RegularExpressions;

namespace Attest.Core.Portfolios.Hygiene;

/// <summary>
/// The evidence hygiene checks: possible third-party personal data, blank templates and copies of policies. Pure: the
/// caller extracts the text. The warnings are advice for the candidate and then the assessor; nothing here blocks.
/// </summary>
public static partial class HygieneScanner
{
    /// <summary>Warnings about the whole document first, then personal data in the order it appears. Each finding is reported once per location.</summary>
    public static IReadOnlyList<HygieneWarning> Scan(IEnumerable<TextSegment> segments, HygieneContext context)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(context);
        var list = segments.ToList();
        var warnings = new List<HygieneWarning>();

        foreach (var finding in new[] { DocumentShape.PolicyDocument(list), DocumentShape.BlankTemplate(list) })
        {
            if (finding is not null)
            {
                var where = DescribeLocations(finding.Segments.Select(i => list[i].Location));
                warnings.Add(new(finding.Kind, finding.Found, where, HygieneAdvice.For(finding.Kind)));
            }
        }

        var seen = new HashSet<(HygieneKind, string, string)>();
        foreach (var segment in list)
        {
            foreach (var finding in PersonalData.Find(segment.Text, context).OrderBy(f => f.Index))
            {
                if (seen.Add((finding.Kind, finding.Key, segment.Location)))
                {
                    warnings.Add(new(finding.Kind, finding.Found, segment.Location, HygieneAdvice.For(finding.Kind)));
                }
            }
        }

        return warnings;
    }

    /// <summary>
    /// Joins locations into ranges a person reads: "page 1", "page 2", "page 3", "page 5" become "pages 1-3, 5". Locations
    /// that do not end in a number are listed as they are, once each.
    /// </summary>
    public static string DescribeLocations(IEnumerable<string> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var list = locations.Distinct(StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        var i = 0;
        while (i < list.Count)
        {
            var first = NumberedLocation().Match(list[i]);
            if (!first.Success)
            {
                parts.Add(list[i++]);
                continue;
            }

            var prefix = first.Groups["prefix"].Value;
            var numbers = new List<int> { int.Parse(first.Groups["n"].Value, CultureInfo.InvariantCulture) };
            var j = i + 1;
            for (; j < list.Count; j++)
            {
                var next = NumberedLocation().Match(list[j]);
                if (!next.Success || next.Groups["prefix"].Value != prefix)
                {
                    break;
                }

                numbers.Add(int.Parse(next.Groups["n"].Value, CultureInfo.InvariantCulture));
            }

            parts.Add(numbers.Count == 1 ? list[i] : $"{prefix}s {Ranges(numbers)}");
            i = j;
        }

        return string.Join(", ", parts);
    }

    private static string Ranges(List<int> numbers)
    {
        var ranges = new List<string>();
        var start = numbers[0];
        for (var k = 1; k <= numbers.Count; k++)
        {
            if (k == numbers.Count || numbers[k] != numbers[k - 1] + 1)
            {
                var end = numbers[k - 1];
                ranges.Add(start == end ? $"{start}" : $"{start}-{end}");
                if (k < numbers.Count)
                {
                    start = numbers[k];
                }
            }
        }

        return string.Join(", ", ranges);
    }

    [GeneratedRegex(@"^(?<prefix>.*\D) (?<n>\d{1,9})$")]
    private static partial Regex NumberedLocation();
}
