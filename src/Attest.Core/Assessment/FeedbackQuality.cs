using System.Text.RegularExpressions;

namespace Attest.Core.Assessment;

/// <summary>A centre's thresholds for feedback (seed 003 asks for feedback "as detailed as ... in the paper-based portfolios").</summary>
public sealed record FeedbackPolicy(int MinWords)
{
    public static readonly FeedbackPolicy Default = new(15);
}

/// <summary>
/// Warnings on feedback an assessor (or, later, an IQA) is about to give: too short, generic, naming no criterion or
/// evidence (seed 003: "feedback ... dropped to the bare minimum because the e-portfolio platform is being used"), and
/// for graded units, feedback that tells the learner how to improve (seed 000). Warnings, never a block: the assessor
/// can record the feedback as written once they have read them.
/// </summary>
public static partial class FeedbackQuality
{
    public const string PaperPortfolioWording = "It is important that assessors and IQAs provide the same detailed feedback that would be provided within a paper-based portfolio.";

    public const string NotHowWording = "Any feedback you give to the learner must not direct them on how to improve their work. You can identify what area of the work could be improved but you cannot give the learner any details about how they could improve it.";

    private static readonly string[] Generic =
    [
        "well done", "good work", "great work", "good job", "great job", "nice work", "keep it up", "keep up the good work", "excellent", "brilliant", "fantastic",
        "great", "good", "nice", "super", "perfect", "fine", "ok", "okay", "met", "all met", "criteria met", "competent", "thanks", "thank you",
    ];

    /// <summary>
    /// What seed 000 forbids in feedback on graded work, as patterns: telling the learner what to add, how to restructure,
    /// or what grade a change would reach. "You can identify what area of the work could be improved": naming the area
    /// (what the work does not yet do) is not matched.
    /// </summary>
    private static readonly Regex[] Directing =
    [
        // Telling them to do something: "you should", "try adding", "make sure you", "next time ...".
        new(@"\b(you\s+(should|could|need\s+to|must|might\s+want\s+to|may\s+want\s+to|ought\s+to|would\s+need\s+to|have\s+to)|try\s+(to|adding|including|using|writing)|make\s+sure|be\s+sure\s+to|remember\s+to|don'?t\s+forget|next\s+time|consider\s+(adding|including|using|writing|explaining))\b", RegexOptions.IgnoreCase),
        // Naming what to add: "add a ...", "include two ...", "plus a timeline", "with a justification for each", "needs a schedule".
        new(@"\b((add|include|insert|attach|provide|give|mention|list)\s+(a|an|some|more|further|another|two|three|several|the|your|details?|examples?)|plus\s+(a|an|some|two|three)\b[^.;,]{0,40}|with\s+(a|an)\s+\w+\s+for\s+each|(needs?|requires?|required|would\s+need|calls\s+for|is\s+missing|lacks)\s+(a|an|more|further|some|two|three|another|at\s+least)|more\s+(detail|examples|evidence|depth|analysis|evaluation)\s+(on|about|of|would|is\s+needed)|expand\s+on|elaborate\s+on)\b", RegexOptions.IgnoreCase),
        // How to restructure: "rewrite", "reorder", "move the ... to", "split it into", "use headings".
        new(@"\b(re-?write|re-?order|re-?structure|reorgani[sz]e|rearrange|re-?draft|redo|change\s+(it|this|that|the\s+\w+)\s+to|instead\s+of|move\s+(the|your|this|that)\b[^.;,]{0,40}?\b(to|before|after|into)|split\s+(it|this|the\s+\w+)\s+into|start\s+with|begin\s+with|open\s+with|use\s+(headings|bullet\s+points|a\s+table|tables|sub-?headings))\b", RegexOptions.IgnoreCase),
        // What grade it would reach: "would lift this to a merit", "to get a distinction", "for a merit you ...".
        new(@"\b((would|could|will|might|should|to|then)\s+(lift|raise|move|take|push|get|bring|earn|gain|achieve|reach|secure|make|be|become|turn)\b[^.;]{0,40}?\b(a\s+|the\s+)?(pass|merit|distinction)|(for|at)\s+(a\s+)?(merit|distinction)(\s+(you|level|grade|standard))?|(merit|distinction)\s+(needs|requires|would\s+need|would\s+require))\b", RegexOptions.IgnoreCase),
    ];

    public static IReadOnlyList<string> Check(string? feedback, FeedbackPolicy policy, bool graded)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var text = (feedback ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return [];
        }

        var warnings = new List<string>();
        var words = WordCount(text);
        if (words < policy.MinWords)
        {
            warnings.Add($"The feedback is {words} {(words == 1 ? "word" : "words")}; your centre asks for at least {policy.MinWords}, so the candidate and the verifiers can see what was judged and why.");
        }

        var lower = text.ToLowerInvariant();
        var stripped = Generic.OrderByDescending(g => g.Length).Aggregate(Punctuation().Replace(lower, " "), (t, g) => Regex.Replace(t, $@"\b{Regex.Escape(g)}\b", " "));
        if (Words().Matches(stripped).Count(m => m.Value is not ("and" or "the" or "a" or "you" or "your" or "very" or "really" or "so" or "all" or "this" or "is" or "it" or "of")) < 3)
        {
            warnings.Add($"The feedback is generic (\"{Shorten(text)}\"): say what the candidate did well or what is missing, and against which criterion.");
        }

        if (!CriterionOrEvidence().IsMatch(text))
        {
            warnings.Add("The feedback names no criterion or evidence: say which criterion (for example 1.2 or P3) or which item (for example E003) it is about.");
        }

        if (graded && DirectingWords(text) is { Count: > 0 } directing)
        {
            warnings.Add($"The feedback may tell the learner how to improve ({string.Join(", ", directing.Select(d => $"\"{d}\""))}): for graded units you can say which area could be improved, but not how, nor what to add, how to restructure it or what grade a change would reach.");
        }

        return warnings;
    }

    /// <summary>The words in the feedback that tell the learner how to improve, as written, in the order they appear.</summary>
    public static IReadOnlyList<string> DirectingWords(string? feedback) =>
        [.. Directing.SelectMany(pattern => pattern.Matches(feedback ?? string.Empty)).OrderBy(m => m.Index)
            .Select(m => m.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>The words of a text as feedback is measured everywhere ("1.1" counts as two): by this check, and kept on each decision for standardisation.</summary>
    public static int WordCount(string? text) => Words().Count(text ?? string.Empty);

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"[^\p{L}\p{N}\s'’-]")]
    private static partial Regex Punctuation();

    /// <summary>A criterion reference (1.2, 3.10, P3, M1, D2), a learning outcome (LO2) or an evidence reference (E003): "all criteria met" names none.</summary>
    [GeneratedRegex(@"\b(\d+\.\d+|[PMD]\d{1,2}|E\d{3,}|LO\s?\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CriterionOrEvidence();
}
