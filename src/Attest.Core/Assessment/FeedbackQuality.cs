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

    private static readonly string[] Prescriptive =
    [
        "you should", "you need to", "you must", "you could add", "try adding", "try to include", "make sure you", "next time add", "add a", "add an", "add more",
        "include a", "include an", "include more", "rewrite", "re-write", "change it to", "change this to", "instead of", "to get a merit", "to get merit",
        "to get a distinction", "to get distinction", "for a merit", "for merit you", "for a distinction", "for distinction you",
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
        var words = Words().Count(text);
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

        if (graded && Prescriptive.FirstOrDefault(p => Regex.IsMatch(lower, $@"\b{Regex.Escape(p)}\b")) is { } directing)
        {
            warnings.Add($"The feedback may tell the learner how to improve (\"{directing}\"): for graded units you can say which area could be improved, but not how.");
        }

        return warnings;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"[^\p{L}\p{N}\s'’-]")]
    private static partial Regex Punctuation();

    /// <summary>A criterion reference (1.2, 3.10, P3, M1, D2), a learning outcome (LO2) or an evidence reference (E003): "all criteria met" names none.</summary>
    [GeneratedRegex(@"\b(\d+\.\d+|[PMD]\d{1,2}|E\d{3,}|LO\s?\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CriterionOrEvidence();
}
