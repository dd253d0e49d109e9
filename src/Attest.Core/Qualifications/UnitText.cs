using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Attest.Core.Qualifications;

/// <summary>One problem in a block of typed unit text, with its line (1-based).</summary>
public sealed record UnitTextError(int Line, string Reason);

/// <summary>
/// The learning outcomes, criteria and evidence requirements of a unit as a person types or pastes them from an awarding
/// body's unit specification, one per line (issue 16, the unit form):
/// <code>
/// Outcome 1: Spot customer service problems
/// 1.1 Listen carefully to customers about any problem they have raised
/// 1.3 [x2] Recognise repeated problems and alert the appropriate authority
/// 3.1 [knowledge] Explain the organisation's procedures
/// </code>
/// Tags in square brackets: [knowledge] or [performance] (the default), [pass], [merit] or [distinction] for a graded unit's
/// criteria, [x2] (or more) for a criterion worded in the plural. A line starting with a space continues the line before.
/// Evidence requirements read the same way: "Requirement 1: text", then its items "1a text", tagged [routine], [busy time],
/// [quiet time] or [let down] when an occasion covers them, and a requirement tagged [problem types] lists problem types.
/// </summary>
public static partial class UnitText
{
    public static (IReadOnlyList<LearningOutcomeSpec> Outcomes, IReadOnlyList<UnitTextError> Errors) ReadOutcomes(string? text, bool graded)
    {
        var outcomes = new List<(string Ref, string Title, List<CriterionSpec> Criteria)>();
        var errors = new List<UnitTextError>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, content) in Lines(text))
        {
            if (OutcomeHeading.Match(content) is { Success: true } heading)
            {
                outcomes.Add((heading.Groups["ref"].Value, heading.Groups["text"].Value.Trim(), []));
                continue;
            }

            var entry = ReadEntry(line, content, errors);
            if (entry is null)
            {
                continue;
            }

            if (outcomes.Count == 0)
            {
                errors.Add(new UnitTextError(line, "start with the learning outcome the criteria belong to, for example \"Outcome 1: Spot customer service problems\""));
                continue;
            }

            if (!seen.TryAdd(entry.Value.Ref, line))
            {
                errors.Add(new UnitTextError(line, $"criterion {entry.Value.Ref} is given twice (first on line {seen[entry.Value.Ref]})"));
                continue;
            }

            var kind = CriterionKind.Performance;
            GradeBand? grade = null;
            var instances = 1;
            foreach (var tag in entry.Value.Tags)
            {
                switch (tag.ToLowerInvariant())
                {
                    case "knowledge": kind = CriterionKind.Knowledge; break;
                    case "performance": kind = CriterionKind.Performance; break;
                    case "pass": grade = GradeBand.Pass; break;
                    case "merit": grade = GradeBand.Merit; break;
                    case "distinction": grade = GradeBand.Distinction; break;
                    case var x when InstancesPattern().Match(x) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var n and >= 2 and <= 20:
                        instances = n;
                        break;
                    default:
                        errors.Add(new UnitTextError(line, $"[{tag}] is not a tag Attest knows: use [knowledge], [performance], [pass], [merit], [distinction], or [x2] for a criterion needing two pieces of evidence"));
                        break;
                }
            }

            if (graded && grade is null)
            {
                errors.Add(new UnitTextError(line, $"criterion {entry.Value.Ref} of a graded unit needs [pass], [merit] or [distinction]"));
            }
            else if (!graded && grade is not null)
            {
                errors.Add(new UnitTextError(line, $"criterion {entry.Value.Ref} has a grade, but its qualification is not graded"));
            }

            outcomes[^1].Criteria.Add(new CriterionSpec(entry.Value.Ref, kind, grade, entry.Value.Text, instances));
        }

        foreach (var empty in outcomes.Where(o => o.Criteria.Count == 0))
        {
            errors.Add(new UnitTextError(0, $"outcome {empty.Ref} has no criteria: add them on the lines below it"));
        }

        return ([.. outcomes.Select(o => new LearningOutcomeSpec(o.Ref, o.Title, o.Criteria))], errors);
    }

    public static (IReadOnlyList<EvidenceRequirementSpec> Requirements, IReadOnlyList<UnitTextError> Errors) ReadRequirements(string? text)
    {
        var requirements = new List<(string Ref, string Text, bool ProblemTypes, List<EvidenceRequirementItemSpec> Items)>();
        var errors = new List<UnitTextError>();
        foreach (var (line, content) in Lines(text))
        {
            if (RequirementHeading.Match(content) is { Success: true } heading)
            {
                var (body, tags) = Tags(heading.Groups["text"].Value);
                var problemTypes = tags.Any(t => t.Equals("problem types", StringComparison.OrdinalIgnoreCase));
                foreach (var tag in tags.Where(t => !t.Equals("problem types", StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new UnitTextError(line, $"[{tag}] is not a tag a requirement takes: only [problem types]"));
                }

                requirements.Add((heading.Groups["ref"].Value, body, problemTypes, []));
                continue;
            }

            var entry = ReadEntry(line, content, errors);
            if (entry is null)
            {
                continue;
            }

            if (requirements.Count == 0)
            {
                errors.Add(new UnitTextError(line, "start with the requirement the items belong to, for example \"Requirement 1: You must provide evidence that ...\""));
                continue;
            }

            var occasion = Portfolios.Occasions.None;
            foreach (var tag in entry.Value.Tags)
            {
                occasion = tag.ToLowerInvariant() switch
                {
                    "routine" => Portfolios.Occasions.Routine,
                    "busy time" => Portfolios.Occasions.BusyTime,
                    "quiet time" => Portfolios.Occasions.QuietTime,
                    "let down" => Portfolios.Occasions.LetDown,
                    _ => Unknown(line, tag),
                };
            }

            requirements[^1].Items.Add(new EvidenceRequirementItemSpec(entry.Value.Ref, entry.Value.Text, occasion));
        }

        return ([.. requirements.Select(r => new EvidenceRequirementSpec(r.Ref, r.Text, r.Items, r.ProblemTypes))], errors);

        Portfolios.Occasions Unknown(int line, string tag)
        {
            errors.Add(new UnitTextError(line, $"[{tag}] is not an occasion: use [routine], [busy time], [quiet time] or [let down]"));
            return Portfolios.Occasions.None;
        }
    }

    /// <summary>The unit's outcomes and criteria as the form shows them, to correct an existing unit; reads back the same.</summary>
    public static string WriteOutcomes(IEnumerable<LearningOutcomeSpec> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var text = new StringBuilder();
        foreach (var outcome in outcomes)
        {
            text.Append("Outcome ").Append(outcome.Ref).Append(": ").Append(outcome.Title).Append('\n');
            foreach (var c in outcome.Criteria)
            {
                var tags = new List<string>();
                if (c.Kind == CriterionKind.Knowledge)
                {
                    tags.Add("knowledge");
                }

                if (c.Grade is GradeBand band)
                {
                    tags.Add(band.ToString().ToLowerInvariant());
                }

                if (c.MinInstances > 1)
                {
                    tags.Add("x" + c.MinInstances.ToString(CultureInfo.InvariantCulture));
                }

                text.Append(c.Ref).Append(' ').Append(string.Concat(tags.Select(t => $"[{t}] "))).Append(c.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string WriteRequirements(IEnumerable<EvidenceRequirementSpec> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var text = new StringBuilder();
        foreach (var requirement in requirements)
        {
            text.Append("Requirement ").Append(requirement.Ref).Append(": ").Append(requirement.ProblemTypes ? "[problem types] " : string.Empty).Append(requirement.Text).Append('\n');
            foreach (var item in requirement.Items)
            {
                var occasion = item.Occasion switch
                {
                    Portfolios.Occasions.Routine => "[routine] ",
                    Portfolios.Occasions.BusyTime => "[busy time] ",
                    Portfolios.Occasions.QuietTime => "[quiet time] ",
                    Portfolios.Occasions.LetDown => "[let down] ",
                    _ => string.Empty,
                };
                text.Append(item.Ref).Append(' ').Append(occasion).Append(item.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>"ref [tags] text"; null (with the reason) when the line has no text after its ref.</summary>
    private static (string Ref, IReadOnlyList<string> Tags, string Text)? ReadEntry(int line, string content, List<UnitTextError> errors)
    {
        var match = EntryPattern().Match(content);
        if (!match.Success)
        {
            errors.Add(new UnitTextError(line, $"\"{Shorten(content)}\" has no reference first: begin the line with one, such as 1.1 or P1, then the wording"));
            return null;
        }

        var (text, tags) = Tags(match.Groups["text"].Value);
        if (text.Length == 0)
        {
            errors.Add(new UnitTextError(line, $"{match.Groups["ref"].Value.TrimEnd('.')} has no wording after it"));
            return null;
        }

        // "1.1." as some specifications print it is the criterion 1.1.
        return (match.Groups["ref"].Value.TrimEnd('.'), tags, text);
    }

    /// <summary>Leading [tags] and the text after them.</summary>
    private static (string Text, IReadOnlyList<string> Tags) Tags(string rest)
    {
        var tags = new List<string>();
        var text = rest.TrimStart();
        while (TagPattern().Match(text) is { Success: true } tag)
        {
            tags.Add(tag.Groups[1].Value.Trim());
            text = text[tag.Length..].TrimStart();
        }

        return (text.Trim(), tags);
    }

    /// <summary>Non-blank lines with their numbers; a line starting with a space or tab continues the one before.</summary>
    private static List<(int Line, string Content)> Lines(string? text)
    {
        var lines = new List<(int, string)>();
        var number = 0;
        foreach (var raw in (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(raw[0]) && lines.Count > 0)
            {
                lines[^1] = (lines[^1].Item1, lines[^1].Item2 + " " + raw.Trim());
            }
            else
            {
                lines.Add((number, raw.Trim()));
            }
        }

        return lines;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    // Built once: every line of a block is tried against them.
    private static readonly Regex OutcomeHeading = HeadingPattern("Outcome|LO|Learning outcome");

    private static readonly Regex RequirementHeading = HeadingPattern("Requirement|ER");

    private static Regex HeadingPattern(string words) =>
        new($"^(?:{words})\\s+(?<ref>[A-Za-z0-9][A-Za-z0-9._-]{{0,31}})\\s*[:.)-]?\\s+(?<text>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A reference has a digit (1.1, P1, 4a), so a line of plain words is not taken for one.
    [GeneratedRegex(@"^(?<ref>(?=[A-Za-z._-]*[0-9])[A-Za-z0-9][A-Za-z0-9._-]{0,31})[):]?(?:\s+(?<text>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"^\[([^\]]{1,40})\]")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^x(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex InstancesPattern();
}
