using System.Text;
using System.Text.RegularExpressions;
using Attest.Core.Qualifications;

namespace Attest.Core.Portfolios;

public enum CaseOutcome
{
    /// <summary>Still being resolved.</summary>
    Open,

    /// <summary>Resolved, and the customer's satisfaction checked (C3 3.5).</summary>
    Resolved,

    /// <summary>Not resolved to the customer's satisfaction, with the reasons given to them (C3 3.6).</summary>
    NotResolved,
}

/// <summary>What the candidate writes in a case log, part by part.</summary>
public sealed record ProblemCaseDetails(
    string? Workplace,
    string? ProblemType,
    string? SpottedHow,
    string? Options,
    string? AgreedOption,
    string? Actions,
    string? Updates,
    CaseOutcome Outcome,
    string? SatisfactionCheck,
    string? ReasonsGiven,
    string? Alerted);

/// <summary>
/// A real customer problem as the candidate lives it (seed 001's cycle: spot the problem, pick the best option, take
/// action): how it was spotted, the options with their pros and cons for the customer and the organisation, the option
/// agreed, the actions and promises, the updates given, and the customer's satisfaction checked or the reasons given. It is
/// written as it unfolds and kept as a portfolio item (kind <see cref="EvidenceKind.CaseLog"/>) mapped to the criteria its
/// filled parts show.
/// </summary>
public sealed partial class ProblemCase : Centres.ICentreOwned
{
    public static readonly IReadOnlyList<(string Part, string Label)> Parts =
    [
        ("spotted", "How the problem was spotted"), ("options", "Options, with pros and cons for the customer and the organisation"), ("agreed", "The option agreed with the customer"),
        ("actions", "Actions taken and promises made"), ("updates", "Updates given to the customer"), ("satisfaction", "How the customer's satisfaction was checked"),
        ("reasons", "Reasons given when it could not be resolved"), ("alerted", "Who was alerted to a repeated problem"),
    ];

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid EvidenceItemId { get; set; }

    /// <summary>Where it happened (the organisation and site), so repeats at one workplace can be found.</summary>
    public string Workplace { get; private set; } = string.Empty;

    /// <summary>Which of seed 001's problem types it is: the ref of the evidence requirement item (4a-4e).</summary>
    public string? ProblemType { get; private set; }

    public string? SpottedHow { get; private set; }

    public string? Options { get; private set; }

    public string? AgreedOption { get; private set; }

    public string? Actions { get; private set; }

    public string? Updates { get; private set; }

    public CaseOutcome Outcome { get; private set; }

    public string? SatisfactionCheck { get; private set; }

    public string? ReasonsGiven { get; private set; }

    public string? Alerted { get; private set; }

    /// <summary>Checks a case, naming each field; <paramref name="problemTypes"/> are the requirement items it may be (C3: 4a-4e).</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(ProblemCaseDetails details, IReadOnlyCollection<string> problemTypes)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(problemTypes);
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(details.Workplace))
        {
            errors.Add(("Workplace", "Enter where it happened, so repeated problems at one workplace can be spotted"));
        }

        if (details.ProblemType is { Length: > 0 } type && !problemTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(("ProblemType", "Choose one of the problem types listed"));
        }

        if (string.IsNullOrWhiteSpace(details.SpottedHow))
        {
            errors.Add(("SpottedHow", "Say how the problem was spotted: by the customer, by you or a colleague, or by a system"));
        }

        if (details.Outcome == CaseOutcome.Resolved && string.IsNullOrWhiteSpace(details.SatisfactionCheck))
        {
            errors.Add(("SatisfactionCheck", "Say how you checked the problem was resolved to the customer's satisfaction (C3 3.5)"));
        }

        if (details.Outcome == CaseOutcome.NotResolved && string.IsNullOrWhiteSpace(details.ReasonsGiven))
        {
            errors.Add(("ReasonsGiven", "Give the reasons you gave the customer when the problem could not be resolved (C3 3.6)"));
        }

        return errors;
    }

    public void Update(ProblemCaseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Workplace = details.Workplace!.Trim();
        ProblemType = Clean(details.ProblemType);
        SpottedHow = Clean(details.SpottedHow);
        Options = Clean(details.Options);
        AgreedOption = Clean(details.AgreedOption);
        Actions = Clean(details.Actions);
        Updates = Clean(details.Updates);
        Outcome = details.Outcome;
        SatisfactionCheck = details.Outcome == CaseOutcome.Resolved ? Clean(details.SatisfactionCheck) : null;
        ReasonsGiven = details.Outcome == CaseOutcome.NotResolved ? Clean(details.ReasonsGiven) : null;
        Alerted = Clean(details.Alerted);
    }

    public ProblemCaseDetails Details() => new(Workplace, ProblemType, SpottedHow, Options, AgreedOption, Actions, Updates, Outcome, SatisfactionCheck, ReasonsGiven, Alerted);

    /// <summary>The parts written so far.</summary>
    public IReadOnlySet<string> FilledParts() => new HashSet<string>(
        new (string Part, string? Text)[]
        {
            ("spotted", SpottedHow), ("options", Options), ("agreed", AgreedOption), ("actions", Actions), ("updates", Updates),
            ("satisfaction", SatisfactionCheck), ("reasons", ReasonsGiven), ("alerted", Alerted),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Text)).Select(p => p.Part), StringComparer.Ordinal);

    /// <summary>The unit's criteria whose catalogue case-log parts this case has written: suggested mappings.</summary>
    public IReadOnlyList<string> SuggestedCriteria(UnitSpec unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var filled = FilledParts();
        return [.. unit.Criteria.Where(c => c.CaseLog is { } parts && parts.Any(filled.Contains)).Select(c => c.Ref)];
    }

    /// <summary>The case as its evidence item's text.</summary>
    public string Render()
    {
        var text = new StringBuilder().Append("Workplace: ").Append(Workplace).Append('\n');
        if (ProblemType is not null)
        {
            text.Append("Problem type: ").Append(ProblemType).Append('\n');
        }

        foreach (var (part, label) in Parts)
        {
            var value = part switch
            {
                "spotted" => SpottedHow, "options" => Options, "agreed" => AgreedOption, "actions" => Actions, "updates" => Updates,
                "satisfaction" => SatisfactionCheck, "reasons" => ReasonsGiven, _ => Alerted,
            };
            if (!string.IsNullOrWhiteSpace(value))
            {
                text.Append('\n').Append(label).Append(":\n").Append(value).Append('\n');
            }
        }

        return text.Append("\nOutcome: ").Append(Outcome switch { CaseOutcome.Resolved => "resolved", CaseOutcome.NotResolved => "not resolved", _ => "still open" }).ToString();
    }

    /// <summary>
    /// Earlier problems at the same workplace that look like this one (seed 001 C3 1.3: "Recognise repeated problems and
    /// alert the appropriate authority"): the same significant words in their titles and descriptions.
    /// </summary>
    public static IReadOnlyList<T> Repeats<T>(string workplace, string text, IEnumerable<T> others, Func<T, string> workplaceOf, Func<T, string> textOf)
    {
        ArgumentNullException.ThrowIfNull(others);
        var mine = Significant(text);
        if (mine.Count == 0)
        {
            return [];
        }

        var place = Normalise(workplace);
        return [.. others.Where(o => Normalise(workplaceOf(o)) == place)
            .Select(o => (Case: o, Shared: Significant(textOf(o)).Intersect(mine).Count(), Words: Significant(textOf(o))))
            .Where(x => x.Shared >= 3 || (x.Shared >= 2 && x.Shared * 2 >= Math.Min(mine.Count, x.Words.Count)))
            .Select(x => x.Case)];
    }

    private static string Normalise(string text) => Spaces().Replace(text.Trim().ToLowerInvariant(), " ");

    private static HashSet<string> Significant(string text) =>
        [.. WordsPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value.TrimEnd('s')).Where(w => w.Length >= 3 && !Stopwords.Contains(w))];

    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "the", "and", "was", "were", "for", "with", "that", "this", "had", "has", "have", "not", "but", "she", "her", "him", "his", "they", "their", "them", "our",
        "customer", "guest", "problem", "from", "when", "who", "what", "which", "would", "could", "about", "after", "again", "into", "out", "then", "than", "too", "very",
    };

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex WordsPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
