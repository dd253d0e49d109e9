using System.Globalization;

using Attest.Core.Centres;
using Attest.Core.Ledger;

namespace Attest.Core.Apprenticeships;

/// <summary>
/// One off-the-job activity in an apprentice's log. <see cref="Starts"/> and <see cref="Ends"/> are optional, but given
/// together; <see cref="InOwnTime"/> is the apprentice's answer to "was this outside your working hours?".
/// </summary>
public sealed record OffTheJobEntry(
    DateOnly Date,
    TimeSpan Duration,
    string ActivityType,
    TimeOnly? Starts = null,
    TimeOnly? Ends = null,
    bool InOwnTime = false,
    bool Verified = false);

/// <summary>
/// An off-the-job activity as the apprentice logged it: their record, never changed. A mistake is corrected by an
/// <see cref="OffTheJobWithdrawal"/> and a new entry; hours count once an <see cref="OffTheJobVerification"/> names it.
/// <see cref="Check"/> holds the rules an activity must keep to be logged at all, and the flags a verifier should see on it.
/// </summary>
public sealed class OffTheJobActivity : ICentreOwned, IAppendOnly
{
    public const int MaxLearntLength = 2000;

    public const int MaxTypeLength = 40;

    private static readonly TimeSpan WholeDay = TimeSpan.FromHours(24);

    private OffTheJobActivity()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public Guid CandidateId { get; private init; }

    public DateOnly Date { get; private init; }

    public TimeOnly? Starts { get; private init; }

    public TimeOnly? Ends { get; private init; }

    /// <summary>Time spent in whole minutes, so totals sum exactly in SQL.</summary>
    public int Minutes { get; private init; }

    public string ActivityType { get; private init; } = string.Empty;

    public string WhatWasLearnt { get; private init; } = string.Empty;

    public bool InOwnTime { get; private init; }

    public Guid RecordedBy { get; private init; }

    public DateTime RecordedAt { get; private init; }

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    public OffTheJobEntry Entry(bool verified) => new(Date, Duration, ActivityType, Starts, Ends, InOwnTime, verified);

    /// <summary>
    /// Logs an activity for <paramref name="enrolment"/>, refused with every reason on its field (<see cref="Check"/>, and
    /// what was learnt left out or too long). <paramref name="others"/> are the apprentice's entries still standing.
    /// </summary>
    public static OffTheJobActivity Log(
        OffTheJobRules rules, OffTheJobPlan plan, Portfolios.Enrolment enrolment, OffTheJobEntry entry, string? whatWasLearnt, IEnumerable<OffTheJobEntry> others, DateOnly today, Guid by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(entry);
        var learnt = whatWasLearnt?.Trim() ?? string.Empty;
        var reasons = new List<(string Field, string Message)>();
        if (learnt.Length is 0 or > MaxLearntLength)
        {
            reasons.Add(("WhatWasLearnt", $"Say what you learnt, in {MaxLearntLength:#,0} characters or fewer: it is what an auditor reads."));
        }

        try
        {
            Check(rules, plan, entry, others, today);
        }
        catch (DomainRuleException refused) when (refused.FieldReasons is { } fields)
        {
            reasons.InsertRange(0, fields);
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        return new OffTheJobActivity
        {
            CentreId = enrolment.CentreId, EnrolmentId = enrolment.Id, CandidateId = enrolment.CandidateId, Date = entry.Date, Starts = entry.Starts, Ends = entry.Ends,
            Minutes = (int)entry.Duration.TotalMinutes, ActivityType = rules.ActivityType(entry.ActivityType)!.Code, WhatWasLearnt = learnt, InOwnTime = entry.InOwnTime,
            RecordedBy = by, RecordedAt = now,
        };
    }

    /// <summary>
    /// Checks <paramref name="entry"/> against the apprentice's other entries (all their enrolments; leave out the entry
    /// itself when it is being changed) and the plan's breaks in learning. Throws one <see cref="DomainRuleException"/>
    /// with every reason on its field; otherwise returns what a verifier should notice (none for a plain entry).
    /// </summary>
    public static IReadOnlyList<string> Check(OffTheJobRules rules, OffTheJobPlan plan, OffTheJobEntry entry, IEnumerable<OffTheJobEntry> others, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(others);
        var sameDay = others.Where(o => o.Date == entry.Date).ToList();
        var reasons = new List<(string Field, string Message)>();

        if (entry.Date > today)
        {
            reasons.Add(("Date", $"An activity cannot be logged for a day still to come (today is {Day(today)})."));
        }
        else if (entry.Date < plan.Start)
        {
            reasons.Add(("Date", $"The apprenticeship started on {Day(plan.Start)}; an activity before then does not count."));
        }
        else if (plan.BreakOn(entry.Date) is { } pause)
        {
            reasons.Add(("Date", $"{Day(entry.Date)} is in the break in learning from {Day(pause.From)} ({pause.Reason}); no activity is logged during a break."));
        }

        var type = rules.ActivityType(entry.ActivityType);
        if (type is null)
        {
            reasons.Add(("ActivityType", "Choose one of the listed activity types."));
        }

        if (entry.Duration <= TimeSpan.Zero)
        {
            reasons.Add(("Duration", "The time spent must be more than 0."));
        }

        if (entry.Starts is TimeOnly starts && entry.Ends is TimeOnly ends)
        {
            if (ends <= starts)
            {
                reasons.Add(("Ends", "The end time must be after the start time."));
            }
            else if (entry.Duration != ends - starts)
            {
                reasons.Add(("Duration", $"The time spent must match the start and end times ({Hours(ends - starts)})."));
            }
            else
            {
                foreach (var other in sameDay.Where(o => o.Starts < ends && starts < o.Ends))
                {
                    reasons.Add(("Starts", $"This overlaps the activity from {other.Starts:HH\\:mm} to {other.Ends:HH\\:mm} on {Day(entry.Date)}."));
                }
            }
        }
        else if (entry.Starts is not null || entry.Ends is not null)
        {
            reasons.Add((entry.Starts is null ? "Starts" : "Ends", "Give both the start and end times, or neither."));
        }

        var dayTotal = sameDay.Aggregate(entry.Duration, (sum, o) => sum + o.Duration);
        if (entry.Duration > TimeSpan.Zero && dayTotal > WholeDay)
        {
            reasons.Add(("Duration", $"This makes {Hours(dayTotal)} on {Day(entry.Date)}; a day has 24 hours."));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var flags = new List<string>();
        if (entry.InOwnTime)
        {
            flags.Add("In the apprentice's own time: it counts only if the employer gave the time back (time off in lieu).");
        }

        if (type is { Counts: false })
        {
            flags.Add($"{type.Name} does not count towards off-the-job hours: {type.WhyNot}");
        }

        return flags;
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan span) => span.TotalMinutes % 60 == 0
        ? $"{span.TotalHours:0} hours"
        : $"{(int)span.TotalHours} hours {span.Minutes} minutes";
}

/// <summary>Totals of an apprentice's log.</summary>
public static class OffTheJobHours
{
    /// <summary>Hours that count: verified entries of a type that counts. Unverified entries and own-time flags wait for the verifier.</summary>
    public static decimal Verified(OffTheJobRules rules, IEnumerable<OffTheJobEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return entries
            .Where(e => e.Verified && rules.ActivityType(e.ActivityType) is { Counts: true })
            .Sum(e => (decimal)e.Duration.Ticks) / TimeSpan.TicksPerHour;
    }

    /// <summary>The codes of the activity types whose hours count, for totals summed in SQL: entries keep the code as the rules spell it.</summary>
    public static IReadOnlyList<string> CountingTypes(OffTheJobRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return [.. rules.ActivityTypes.Where(t => t.Counts).Select(t => t.Code)];
    }
}

/// <summary>
/// An activity taken out of the log, by the apprentice who logged it, before anyone verified it: the entry stays as it
/// was written, this signed record says it no longer counts and why. Corrections are a withdrawal and a new entry.
/// </summary>
public sealed class OffTheJobWithdrawal : ICentreOwned, IAppendOnly, ISignable
{
    public const string Kind = "otj-withdrawal";

    public const int MaxReasonLength = 1000;

    private OffTheJobWithdrawal()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid ActivityId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public Guid CandidateId { get; private init; }

    public string Reason { get; private init; } = string.Empty;

    public Guid RecordedBy { get; private init; }

    public string RecordedByName { get; private init; } = string.Empty;

    public DateTime RecordedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>Withdraws <paramref name="activity"/>, or refuses: once verified (the verifier's signature stands), a second time, or without a reason.</summary>
    public static OffTheJobWithdrawal Record(OffTheJobActivity activity, bool verified, bool alreadyWithdrawn, string? reason, Guid by, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var trimmed = reason?.Trim() ?? string.Empty;
        if (alreadyWithdrawn)
        {
            throw new DomainRuleException("This activity is already taken out of the log.", "Reason");
        }

        if (verified)
        {
            throw new DomainRuleException("This activity is verified, so it stays in the log: ask your assessor if it is wrong.", "Reason");
        }

        if (trimmed.Length is 0 or > MaxReasonLength)
        {
            throw new DomainRuleException($"Say why the activity comes out of the log, in {MaxReasonLength:#,0} characters or fewer.", "Reason");
        }

        return new OffTheJobWithdrawal
        {
            CentreId = activity.CentreId, ActivityId = activity.Id, EnrolmentId = activity.EnrolmentId, CandidateId = activity.CandidateId, Reason = trimmed,
            RecordedBy = by, RecordedByName = byName, RecordedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("activity", ActivityId)
        .Add("enrolment", EnrolmentId)
        .Add("candidate", CandidateId)
        .Add("reason", Reason)
        .Add("recordedBy", RecordedBy)
        .Add("recordedByName", RecordedByName)
        .Add("recordedAt", RecordedAt)
        .ToString();
}

/// <summary>
/// The assessor's or line manager's signed statement that off-the-job activities took place as logged: one record for
/// every entry ticked in one submit, each entry named by a <see cref="OffTheJobVerifiedActivity"/> line. An entry is
/// verified once; a withdrawn entry never.
/// </summary>
public sealed class OffTheJobVerification : ICentreOwned, IAppendOnly, ISignable
{
    public const string Kind = "otj-verification";

    private OffTheJobVerification()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public Guid CandidateId { get; private init; }

    /// <summary>The role the verifier signed in: <see cref="Roles.Assessor"/> or <see cref="Roles.Employer"/>.</summary>
    public string VerifierRole { get; private init; } = string.Empty;

    public Guid VerifiedBy { get; private init; }

    public string VerifiedByName { get; private init; } = string.Empty;

    public DateTime VerifiedAt { get; private init; }

    /// <summary>The entries' ids and minutes as signed, in id order ("id:minutes,..."), so the ledger holds what was verified.</summary>
    public string Activities { get; private init; } = string.Empty;

    public string LedgerKind => Kind;

    /// <summary>
    /// Verifies <paramref name="ticked"/> of the enrolment's log, or refuses: none ticked, or one not in the log, already
    /// verified or withdrawn (<paramref name="open"/> are the entries still waiting).
    /// </summary>
    public static (OffTheJobVerification Verification, IReadOnlyList<OffTheJobVerifiedActivity> Lines) Record(
        Portfolios.Enrolment enrolment, IReadOnlyCollection<Guid> ticked, IReadOnlyCollection<OffTheJobActivity> open, string role, Guid by, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(ticked);
        ArgumentNullException.ThrowIfNull(open);
        if (ticked.Count == 0)
        {
            throw new DomainRuleException("Tick the activities you can confirm took place as logged.", "Ticked");
        }

        var waiting = open.Where(a => a.EnrolmentId == enrolment.Id).ToDictionary(a => a.Id);
        if (ticked.Any(id => !waiting.ContainsKey(id)))
        {
            throw new DomainRuleException("One of the ticked activities is already verified or was taken out of the log: reload the page and tick again.", "Ticked");
        }

        var chosen = ticked.Distinct().Order().Select(id => waiting[id]).ToList();
        var verification = new OffTheJobVerification
        {
            CentreId = enrolment.CentreId, EnrolmentId = enrolment.Id, CandidateId = enrolment.CandidateId, VerifierRole = role, VerifiedBy = by, VerifiedByName = byName, VerifiedAt = now,
            Activities = string.Join(",", chosen.Select(a => $"{a.Id}:{a.Minutes}")),
        };
        return (verification, [.. chosen.Select(a => new OffTheJobVerifiedActivity { CentreId = enrolment.CentreId, VerificationId = verification.Id, ActivityId = a.Id, EnrolmentId = enrolment.Id })]);
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("enrolment", EnrolmentId)
        .Add("candidate", CandidateId)
        .Add("role", VerifierRole)
        .Add("verifiedBy", VerifiedBy)
        .Add("verifiedByName", VerifiedByName)
        .Add("verifiedAt", VerifiedAt)
        .Add("activities", Activities)
        .ToString();
}

/// <summary>One entry a verification names; the activity id is unique, so an entry is verified once however many submit.</summary>
public sealed class OffTheJobVerifiedActivity : ICentreOwned, IAppendOnly
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid VerificationId { get; init; }

    public Guid ActivityId { get; init; }

    public Guid EnrolmentId { get; init; }
}
