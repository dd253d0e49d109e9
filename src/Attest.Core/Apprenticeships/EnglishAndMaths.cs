using Attest.Core.Ledger;

namespace Attest.Core.Apprenticeships;

public enum EnglishAndMathsSubject { English, Maths }

public enum EnglishAndMathsOutcome { Achieved, Exempt }

/// <summary>What the administrator or assessor enters for one subject, field by field.</summary>
public sealed record EnglishAndMathsDetails(
    EnglishAndMathsSubject? Subject, EnglishAndMathsOutcome? Outcome, int? Level, DateOnly? AchievedOn, string? Evidence, string? ExemptionReason);

/// <summary>
/// An apprentice's English or maths for gateway (issue 17 item 5): achieved at a level on a date, with the evidence seen
/// (the certificate), or exempt with the reason. Append-only and signed into the ledger: a correction is a newer record
/// for the same subject, and the newest counts (<see cref="Current"/>).
/// </summary>
public sealed class EnglishAndMathsRecord : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "english-and-maths";

    public const int MaxTextLength = 1000;

    /// <summary>Functional Skills and the apprenticeship funding rules know levels 1 and 2; a GCSE at grade 4 or above is level 2.</summary>
    public const int MaxLevel = 2;

    private EnglishAndMathsRecord()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public EnglishAndMathsSubject Subject { get; private init; }

    public EnglishAndMathsOutcome Outcome { get; private init; }

    public int? Level { get; private init; }

    public DateOnly? AchievedOn { get; private init; }

    /// <summary>What shows the achievement, e.g. "GCSE English Language grade 5 certificate, seen on 3 December 2026".</summary>
    public string? Evidence { get; private init; }

    public string? ExemptionReason { get; private init; }

    public Guid RecordedBy { get; private init; }

    public string RecordedByName { get; private init; } = string.Empty;

    public DateTime RecordedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>
    /// Records a subject, refusing with every reason under its field: no subject or outcome; for an achievement, a level
    /// outside 1 to <see cref="MaxLevel"/>, a missing or future date, or no evidence; for an exemption, no reason.
    /// </summary>
    public static EnglishAndMathsRecord Record(Portfolios.Enrolment enrolment, EnglishAndMathsDetails details, Guid by, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(details);
        var reasons = new List<(string Field, string Message)>();
        if (details.Subject is not { } subject || !Enum.IsDefined(subject))
        {
            reasons.Add(("Subject", "Choose English or maths"));
        }

        var evidence = Optional(details.Evidence);
        var reason = Optional(details.ExemptionReason);
        switch (details.Outcome)
        {
            case EnglishAndMathsOutcome.Achieved:
                if (details.Level is not (>= 1 and <= MaxLevel))
                {
                    reasons.Add(("Level", $"Enter the level achieved: 1 or {MaxLevel}"));
                }

                if (details.AchievedOn is null)
                {
                    reasons.Add(("AchievedOn", "Enter the date it was achieved"));
                }
                else if (details.AchievedOn > UkTime.DateOf(now))
                {
                    reasons.Add(("AchievedOn", "The date achieved cannot be in the future"));
                }

                if (evidence is null)
                {
                    reasons.Add(("Evidence", "Say what shows the achievement, for example the certificate you have seen"));
                }

                break;
            case EnglishAndMathsOutcome.Exempt:
                if (reason is null)
                {
                    reasons.Add(("ExemptionReason", "Say why the apprentice is exempt"));
                }

                break;
            default:
                reasons.Add(("Outcome", "Choose whether it is achieved or the apprentice is exempt"));
                break;
        }

        if (evidence?.Length > MaxTextLength)
        {
            reasons.Add(("Evidence", $"Keep the evidence to {MaxTextLength:#,0} characters or fewer"));
        }

        if (reason?.Length > MaxTextLength)
        {
            reasons.Add(("ExemptionReason", $"Keep the reason to {MaxTextLength:#,0} characters or fewer"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var achieved = details.Outcome == EnglishAndMathsOutcome.Achieved;
        return new EnglishAndMathsRecord
        {
            CentreId = enrolment.CentreId, EnrolmentId = enrolment.Id, Subject = details.Subject!.Value, Outcome = details.Outcome!.Value,
            Level = achieved ? details.Level : null, AchievedOn = achieved ? details.AchievedOn : null, Evidence = achieved ? evidence : null,
            ExemptionReason = achieved ? null : reason, RecordedBy = by, RecordedByName = byName, RecordedAt = now,
        };
    }

    /// <summary>"Achieved at level 2 on 3 May 2024: GCSE certificate" or "Exempt: ...".</summary>
    public string Describe() => Outcome == EnglishAndMathsOutcome.Achieved
        ? $"Achieved at level {Level} on {AchievedOn:d MMMM yyyy}: {Evidence}"
        : $"Exempt: {ExemptionReason}";

    public static string Describe(EnglishAndMathsSubject subject) => subject == EnglishAndMathsSubject.English ? "English" : "maths";

    /// <summary>The record that counts for each subject: the newest.</summary>
    public static IReadOnlyDictionary<EnglishAndMathsSubject, EnglishAndMathsRecord> Current(IEnumerable<EnglishAndMathsRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => g.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Last());
    }

    /// <summary>What keeps each subject short of <paramref name="level"/>: nothing recorded, or achieved at a lower level. Empty when both are met.</summary>
    public static IReadOnlyList<string> Shortfall(IEnumerable<EnglishAndMathsRecord> records, int level)
    {
        var current = Current(records);
        return [.. Enum.GetValues<EnglishAndMathsSubject>().Select(subject => current.GetValueOrDefault(subject) switch
        {
            null => $"{Capitalised(subject)}: nothing recorded yet",
            { Outcome: EnglishAndMathsOutcome.Achieved, Level: { } achieved } when achieved < level => $"{Capitalised(subject)}: achieved at level {achieved}, not level {level}",
            _ => null,
        }).OfType<string>()];
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("id", Id).Add("enrolment", EnrolmentId).Add("subject", Subject).Add("outcome", Outcome).Add("level", Level).Add("achieved on", AchievedOn)
        .Add("evidence", Evidence).Add("exemption reason", ExemptionReason).Add("recorded by", RecordedByName).Add("recorded at", RecordedAt).ToString();

    private static string Capitalised(EnglishAndMathsSubject subject) => subject == EnglishAndMathsSubject.English ? "English" : "Maths";

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
