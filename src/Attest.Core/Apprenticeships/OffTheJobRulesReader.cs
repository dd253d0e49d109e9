using System.Globalization;
using Newtonsoft.Json.Linq;
using static Attest.Core.Qualifications.SpecificationReader;

namespace Attest.Core.Apprenticeships;

/// <summary>
/// Turns a schema-valid off-the-job rules document into <see cref="OffTheJobRules"/> and checks what the schema cannot:
/// each method's parameters, and rule sets that follow on by start date without gaps or overlaps, so every start date
/// has exactly one rule set.
/// </summary>
internal static class OffTheJobRulesReader
{
    public static OffTheJobRules Read(JToken document, Action<JToken, string> fail)
    {
        var ruleSets = document["ruleSets"]!.Select(r => ReadRuleSet(r, fail)).ToList();
        CheckUnique(document["ruleSets"]!, "id", "rule set id", fail);
        CheckUnique(document["activityTypes"]!, "code", "activity type", fail);
        CheckFollowOn(ruleSets, document["ruleSets"]!.ToList(), fail);

        var activityTypes = document["activityTypes"]!.Select(t =>
        {
            var counts = t["counts"]!.Value<bool>();
            if (!counts && t["why"] is null)
            {
                fail(t, $"activity type {Str(t, "code")} does not count, so it needs 'why' saying why");
            }

            return new OffTheJobActivityType(Str(t, "code")!, Str(t, "name")!, counts, Str(t, "why"));
        }).ToList();

        var status = document["status"]!;
        var thresholds = new OffTheJobStatusThresholds(status["amberWhenWeeksBehindOver"]!.Value<decimal>(), status["redWhenWeeksBehindOver"]!.Value<decimal>());
        if (thresholds.RedWhenWeeksBehindOver < thresholds.AmberWhenWeeksBehindOver)
        {
            fail(status["redWhenWeeksBehindOver"]!, "red must not start at fewer weeks behind than amber");
        }

        return new OffTheJobRules(ruleSets, activityTypes, Citations(document["activityCitations"]), thresholds);
    }

    private static OffTheJobRuleSet ReadRuleSet(JToken r, Action<JToken, string> fail)
    {
        var id = Str(r, "id")!;
        var m = r["minimum"]!;
        var method = Str(m, "method") switch
        {
            "hoursPerWeek" => OffTheJobMethod.HoursPerWeek,
            "percentOfWorkingHours" => OffTheJobMethod.PercentOfWorkingHours,
            _ => OffTheJobMethod.PublishedForStandard,
        };
        string[] needs = method switch
        {
            OffTheJobMethod.HoursPerWeek => ["hoursPerWeek", "fullTimeWeeklyHours"],
            OffTheJobMethod.PercentOfWorkingHours => ["percent"],
            _ => ["floorHours"],
        };
        foreach (var name in needs.Where(n => m[n] is null))
        {
            fail(m, $"rule set {id}: method {Str(m, "method")} needs '{name}'");
        }

        if (method != OffTheJobMethod.PublishedForStandard && r["statutoryLeaveWeeksPerYear"] is null)
        {
            fail(r, $"rule set {id}: method {Str(m, "method")} needs 'statutoryLeaveWeeksPerYear' (0 if the rules deduct none)");
        }

        var from = Date(r["startsFrom"]);
        var before = Date(r["startsBefore"]);
        if (from is not null && before is not null && before <= from)
        {
            fail(r["startsBefore"]!, $"rule set {id} must end after it starts ({from:yyyy-MM-dd})");
        }

        return new OffTheJobRuleSet(
            id,
            Str(r, "title")!,
            from,
            before,
            new OffTheJobMinimumRule(method, Number(m["hoursPerWeek"]), Number(m["fullTimeWeeklyHours"]), Number(m["percent"]), Number(m["weeklyHoursCap"]), Number(m["floorHours"])),
            Number(r["statutoryLeaveWeeksPerYear"]) ?? 0,
            Citations(r["citations"]),
            Str(r, "note"));
    }

    /// <summary>In file order: the first open at the start, the last open at the end, each starting the day the one before stops.</summary>
    private static void CheckFollowOn(List<OffTheJobRuleSet> ruleSets, List<JToken> tokens, Action<JToken, string> fail)
    {
        if (ruleSets[0].StartsFrom is not null)
        {
            fail(tokens[0]["startsFrom"]!, $"the first rule set ({ruleSets[0].Id}) must have no 'startsFrom', so it covers every earlier start");
        }

        if (ruleSets[^1].StartsBefore is not null)
        {
            fail(tokens[^1]["startsBefore"]!, $"the last rule set ({ruleSets[^1].Id}) must have no 'startsBefore', so it covers starts from now on");
        }

        for (var i = 1; i < ruleSets.Count; i++)
        {
            var previous = ruleSets[i - 1];
            if (previous.StartsBefore is not DateOnly end || ruleSets[i].StartsFrom != end)
            {
                var at = tokens[i]["startsFrom"] ?? tokens[i];
                fail(at, $"rule set {ruleSets[i].Id} must start on the day rule set {previous.Id} stops ({previous.StartsBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "it has no 'startsBefore'"}): rule sets follow on by start date without gaps or overlaps");
            }
        }
    }

    private static List<OffTheJobCitation> Citations(JToken? token) =>
        [.. (token as JArray ?? []).Select(c => new OffTheJobCitation(Str(c, "document")!, Str(c, "url")!, Str(c, "says")!))];

    private static decimal? Number(JToken? token) => token?.Value<decimal>();
}
