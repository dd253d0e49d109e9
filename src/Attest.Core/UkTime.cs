using System.Globalization;

namespace Attest.Core;

/// <summary>
/// Times as people in the UK read them: stored in UTC, shown in UK time (GMT or BST) in GOV.UK style, "5:05pm on
/// 4 December 2026". Where the machine has no time zone data, UTC, and it says so.
/// </summary>
public static class UkTime
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo? London = FindLondon();

    public static string Format(DateTime utc)
    {
        var local = London is null ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
        var clock = local.ToString(local.Minute == 0 ? "%h" : "h:mm", EnGb) + (local.Hour < 12 ? "am" : "pm");
        return $"{clock} on {local.ToString("d MMMM yyyy", EnGb)}{(London is null ? " (UTC)" : string.Empty)}";
    }

    /// <summary>The date in the UK at a UTC moment: the day a claim or a registration is recorded, whatever the user types.</summary>
    public static DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime(London is null ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London));

    private static TimeZoneInfo? FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
