using System.Globalization;
using System.Text.RegularExpressions;

namespace Attest.Core.Privacy;

/// <summary>One of a learner's enrolments as retention sees it: when it closed, by withdrawal or by the qualification's claim.</summary>
public sealed record RetainedEnrolment(string QualificationCode, DateOnly? WithdrawnOn, DateOnly? CertifiedOn)
{
    public DateOnly? ClosedOn => CertifiedOn ?? WithdrawnOn;
}

/// <summary>Whether a learner may be erased now: the first day it is allowed (null: not while they are still learning), and why.</summary>
public sealed record ErasureStanding(DateOnly? AllowedFrom, string Explanation)
{
    public bool AllowedOn(DateOnly day) => AllowedFrom is DateOnly from && from <= day;
}

/// <summary>
/// The retention rule (security.md, "Retention anchors"): OCR requires assessment records to be kept at least three years
/// after achievement; UK GDPR lets erasure be refused while a legal obligation to keep the record lasts. So a learner can be
/// erased only when every enrolment has closed (the qualification claimed, or the learner withdrawn) and the centre's
/// retention period has passed since the last one closed.
/// </summary>
public static class Retention
{
    public const int DefaultYears = 3;
    public const int MinYears = 1;
    public const int MaxYears = 25;

    public static ErasureStanding Standing(IReadOnlyCollection<RetainedEnrolment> enrolments, int retentionYears, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        var open = enrolments.Where(e => e.ClosedOn is null).Select(e => e.QualificationCode).ToList();
        if (open.Count > 0)
        {
            return new(null, $"The learner is still on {string.Join(", ", open)}: records are kept while they learn. Withdraw them or claim the qualification first; erasure is allowed {Years(retentionYears)} after that.");
        }

        if (enrolments.Count == 0)
        {
            return new(today, "The learner was never enrolled on a qualification, so no assessment record has to be kept.");
        }

        var closed = enrolments.Max(e => e.ClosedOn!.Value);
        var until = closed.AddYears(retentionYears);
        return until > today
            ? new(until, $"Records must be kept until {until.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {Years(retentionYears)} after the learner's last enrolment closed on {closed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} (the centre's retention period; OCR asks for at least three years after achievement). Until then, restrict what is done with them instead.")
            : new(until, $"The retention period ended on {until.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {Years(retentionYears)} after the learner's last enrolment closed.");
    }

    private static string Years(int years) => years == 1 ? "1 year" : $"{years.ToString(CultureInfo.InvariantCulture)} years";
}

/// <summary>
/// Replaces what identifies a learner wherever it appears in a text, as whole words and in any case: their names by their
/// pseudonym ("Priya's own log" becomes "Erased learner 7F3A2C's own log"), and their ULN, candidate number and email
/// address by <see cref="ErasedIdentifier"/>, which fits wherever those did.
/// </summary>
public sealed class Pseudonymiser
{
    public const string ErasedIdentifier = "ERASED";

    private readonly Regex? _names;
    private readonly Regex? _identifiers;
    private readonly string _pseudonym;

    public Pseudonymiser(string pseudonym, IEnumerable<string?> names, IEnumerable<string?> identifiers)
    {
        _pseudonym = pseudonym;
        _names = WholeWords(names);
        _identifiers = WholeWords(identifiers);
    }

    public string? Apply(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var named = _identifiers?.Replace(text, ErasedIdentifier) ?? text;
        return _names?.Replace(named, _pseudonym) ?? named;
    }

    private static Regex? WholeWords(IEnumerable<string?> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var escaped = words.Where(w => !string.IsNullOrWhiteSpace(w) && w.Trim().Length > 1).Select(w => w!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(w => w.Length).Select(Regex.Escape).ToList();
        return escaped.Count == 0 ? null
            : new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', escaped) + @")(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
