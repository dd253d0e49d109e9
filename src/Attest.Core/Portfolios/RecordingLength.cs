using System.Globalization;

namespace Attest.Core.Portfolios;

/// <summary>A stretch of a recording, from <see cref="Start"/> to <see cref="End"/>.</summary>
public readonly record struct TimeRange(TimeSpan Start, TimeSpan End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>What to tell the candidate about a recording longer than the centre's limit.</summary>
public sealed record LongRecordingAdvice(string Warning, IReadOnlyList<TimeRange> SuggestedParts);

/// <summary>
/// Rules about the length of recorded evidence and cutting it into parts. Pure: no I/O and no clock, so the
/// pages and the splitter agree on the same checks and messages.
/// </summary>
public static class RecordingLength
{
    /// <summary>The form field that part errors belong to.</summary>
    public const string PartsField = "Parts";

    /// <summary>Each part is a separate ffmpeg run on the server; a bound keeps one request from queuing hundreds.</summary>
    public const int MaxParts = 50;

    /// <summary>
    /// Advice for a recording over <paramref name="limit"/>, or null when it is within it. The suggested parts cover the
    /// whole recording, meet end to end on whole seconds, and none is longer than the limit.
    /// </summary>
    public static LongRecordingAdvice? Check(TimeSpan duration, TimeSpan limit)
    {
        if (limit < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be at least one second.");
        }

        if (duration <= limit)
        {
            return null;
        }

        var limitSeconds = Math.Floor(limit.TotalSeconds);
        var total = duration.TotalSeconds;
        var count = (int)Math.Ceiling(total / limitSeconds);
        var parts = new List<TimeRange>(count);
        var start = TimeSpan.Zero;
        for (var i = 1; i <= count; i++)
        {
            // Rounding each boundary up to a whole second keeps every part within a whole-second limit
            // (ceil(a + b) - ceil(a) <= ceil(b)), and the last part, which absorbs the rounding, is the shortest.
            var end = i == count ? duration : TimeSpan.FromSeconds(Math.Ceiling(total * i / count));
            parts.Add(new TimeRange(start, end));
            start = end;
        }

        var typical = TimeSpan.FromSeconds(total / count);
        var warning = $"This recording is {Describe(duration)} long. Your centre's limit is {Describe(limit)}, " +
            $"so split it into {count} parts of about {Describe(typical, roundToMinutes: true)} each.";
        return new LongRecordingAdvice(warning, parts);
    }

    /// <summary>
    /// Checks parts a person asked to cut from a recording of <paramref name="duration"/> and returns them with ends
    /// up to a second past the recording's end pulled back to it (times are shown and typed to the second). Parts may
    /// overlap. Throws one <see cref="DomainRuleException"/> on <see cref="PartsField"/> with every problem.
    /// </summary>
    public static IReadOnlyList<TimeRange> ValidateParts(IReadOnlyList<TimeRange> parts, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new DomainRuleException("Give at least one part to cut.", PartsField);
        }

        if (parts.Count > MaxParts)
        {
            throw new DomainRuleException($"Cut at most {MaxParts} parts at a time.", PartsField);
        }

        var reasons = new List<string>();
        var valid = new List<TimeRange>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var (start, end) = parts[i];
            var number = i + 1;
            if (start < TimeSpan.Zero)
            {
                reasons.Add($"Part {number} starts before the recording does: start at 0:00 or later.");
            }
            else if (start >= end)
            {
                reasons.Add($"Part {number} must start before it ends (it starts at {Clock(start)} and ends at {Clock(end)}).");
            }
            else if (start >= duration)
            {
                reasons.Add($"Part {number} starts at {Clock(start)}, after the recording ends ({Clock(duration)}).");
            }
            else if (end > duration + TimeSpan.FromSeconds(1))
            {
                reasons.Add($"Part {number} ends at {Clock(end)}, after the recording ends ({Clock(duration)}).");
            }
            else
            {
                valid.Add(new TimeRange(start, end > duration ? duration : end));
            }
        }

        return reasons.Count > 0 ? throw new DomainRuleException(reasons, PartsField) : valid;
    }

    /// <summary>A time in a recording as a player shows it: 7:05, or 1:02:03 past an hour.</summary>
    public static string Clock(TimeSpan time) =>
        time.ToString(time >= TimeSpan.FromHours(1) ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>"47 minutes 12 seconds", "1 hour 5 minutes": whole seconds, zero units left out.</summary>
    public static string Describe(TimeSpan length, bool roundToMinutes = false)
    {
        var seconds = (long)Math.Floor(length.TotalSeconds);
        if (roundToMinutes && seconds >= 120)
        {
            seconds = (long)Math.Round(length.TotalMinutes, MidpointRounding.AwayFromZero) * 60;
        }

        var units = new (long Count, string Name)[] { (seconds / 3600, "hour"), (seconds / 60 % 60, "minute"), (seconds % 60, "second") };
        var words = units.Where(u => u.Count > 0).Select(u => $"{u.Count} {u.Name}{(u.Count == 1 ? string.Empty : "s")}").ToList();
        return words.Count == 0 ? "0 seconds" : string.Join(' ', words);
    }
}
