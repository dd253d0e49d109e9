using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Attest.Core.Qualifications;

/// <summary>
/// Turns a schema-valid catalogue document into a <see cref="QualificationSpec"/> and checks what the
/// schema cannot: references between groups, units, outcomes, criteria and tasks.
/// </summary>
internal static class SpecificationReader
{
    public static QualificationSpec Read(JToken document, string sourceFile, Action<JToken, string> fail)
    {
        var q = document["qualification"]!;
        var assessment = Str(q, "assessment") == "graded" ? AssessmentKind.Graded : AssessmentKind.Competence;
        var units = ((JArray)document["units"]!).Select(u => ReadUnit(u, assessment, fail)).ToList();
        var groups = ((JArray)q["groups"]!).Select(g => new UnitGroupSpec(
            Str(g, "id")!,
            Str(g, "title")!,
            g["mandatory"]?.Value<bool>() ?? false,
            Strings(g["units"]))).ToList();
        var rules = q["rules"] is JObject r
            ? new RulesOfCombinationSpec(Str(r, "text")!, ((JArray)r["constraints"]!).Select(c => ReadConstraint(c, fail)).ToList())
            : null;

        CheckUnique(document["units"]!, "code", "unit code", fail);
        CheckUnique(q["groups"]!, "id", "group id", fail);
        var unitCodes = new HashSet<string>(units.Select(u => u.Code), StringComparer.OrdinalIgnoreCase);
        var grouped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, token) in groups.Zip(q["groups"]!))
        {
            foreach (var (code, codeToken) in group.Units.Zip(token["units"]!))
            {
                if (!unitCodes.Contains(code))
                {
                    fail(codeToken, $"group {group.Id} lists unit {code}, which is not defined under units");
                }
                else if (!grouped.TryAdd(code, group.Id))
                {
                    fail(codeToken, $"unit {code} is in group {grouped[code]} and group {group.Id}; a unit belongs to one group");
                }
            }
        }

        foreach (var (unit, token) in units.Zip(document["units"]!))
        {
            if (!grouped.ContainsKey(unit.Code))
            {
                fail(token, $"unit {unit.Code} is in no group; add it to one of the qualification's groups");
            }
        }

        if (rules is not null)
        {
            var groupIds = new HashSet<string>(groups.Select(g => g.Id), StringComparer.OrdinalIgnoreCase);
            foreach (var (constraint, token) in rules.Constraints.Zip(q["rules"]!["constraints"]!))
            {
                foreach (var (groupId, groupToken) in constraint.Groups.Zip(token["groups"] ?? new JArray()))
                {
                    if (!groupIds.Contains(groupId))
                    {
                        fail(groupToken, $"rule refers to group {groupId}, which the qualification does not define");
                    }
                }

                if (constraint.Kind is ConstraintKind.CreditsFromGroups or ConstraintKind.CreditsAtLevels)
                {
                    // Units a group names but the file does not define are reported above.
                    var counted = constraint.Groups
                        .SelectMany(g => groups.FirstOrDefault(x => string.Equals(x.Id, g, StringComparison.OrdinalIgnoreCase))?.Units ?? [])
                        .Select(code => units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase)));
                    foreach (var unit in counted.OfType<UnitSpec>().Where(u => u.Credits is null))
                    {
                        fail(token, $"rule counts credits but unit {unit.Code} has no credit value");
                    }
                }
            }
        }

        return new QualificationSpec(
            Str(q, "code")!,
            Str(q, "title")!,
            q["level"]!.Value<int>(),
            Str(q, "awardingBody")!,
            assessment,
            Str(q, "source")!,
            Date(q["lastRegistrationDate"]),
            Date(q["lastCertificationDate"]),
            Str(q, "notes"),
            groups,
            rules,
            units,
            sourceFile);
    }

    private static ConstraintSpec ReadConstraint(JToken c, Action<JToken, string> fail)
    {
        var kind = Str(c, "kind") switch
        {
            "totalCredits" => ConstraintKind.TotalCredits,
            "creditsFromGroups" => ConstraintKind.CreditsFromGroups,
            "unitsFromEachGroup" => ConstraintKind.UnitsFromEachGroup,
            _ => ConstraintKind.CreditsAtLevels,
        };
        if (c["min"] is null)
        {
            fail(c, $"rule {Str(c, "kind")} needs 'min'");
        }

        if (kind != ConstraintKind.TotalCredits && c["groups"] is null)
        {
            fail(c, $"rule {Str(c, "kind")} needs 'groups'");
        }

        if (kind == ConstraintKind.CreditsAtLevels && c["levels"] is null)
        {
            fail(c, "rule creditsAtLevels needs 'levels'");
        }

        return new ConstraintSpec(kind, Strings(c["groups"]), c["min"]?.Value<int>() ?? 0, c["levels"]?.Values<int>().ToList() ?? [], Str(c, "text"));
    }

    private static UnitSpec ReadUnit(JToken u, AssessmentKind assessment, Action<JToken, string> fail)
    {
        var code = Str(u, "code")!;
        var outcomes = (u["learningOutcomes"] as JArray ?? []).Select(lo => new LearningOutcomeSpec(
            Str(lo, "ref")!,
            Str(lo, "title")!,
            ((JArray)lo["criteria"]!).Select(c => new CriterionSpec(
                Str(c, "ref")!,
                Str(c, "kind") == "knowledge" ? CriterionKind.Knowledge : CriterionKind.Performance,
                Str(c, "grade") switch
                {
                    "pass" => GradeBand.Pass,
                    "merit" => GradeBand.Merit,
                    "distinction" => GradeBand.Distinction,
                    _ => null,
                },
                Str(c, "text")!,
                c["minInstances"]?.Value<int>() ?? 1,
                c["caseLog"] is JArray parts ? Strings(parts) : null)).ToList())).ToList();

        if (outcomes.Count == 0 && string.IsNullOrWhiteSpace(Str(u, "notAssessableReason")))
        {
            fail(u, $"unit {code} has no learning outcomes, so it needs 'notAssessableReason' saying why");
        }

        CheckUnique(u["learningOutcomes"] ?? new JArray(), "ref", $"learning outcome in unit {code}", fail);
        var criteriaTokens = new JArray((u["learningOutcomes"] ?? new JArray()).SelectMany(lo => lo["criteria"]!));
        CheckUnique(criteriaTokens, "ref", $"criterion in unit {code}", fail);
        foreach (var c in criteriaTokens)
        {
            var graded = c["grade"] is not null;
            if (assessment == AssessmentKind.Graded && !graded)
            {
                fail(c, $"criterion {Str(c, "ref")} of graded unit {code} needs a grade (pass, merit or distinction)");
            }
            else if (assessment == AssessmentKind.Competence && graded)
            {
                fail(c, $"criterion {Str(c, "ref")} has a grade, but its qualification is not graded");
            }
        }

        if (assessment == AssessmentKind.Graded && outcomes.Count > 0 && !outcomes.SelectMany(o => o.Criteria).Any(c => c.Grade == GradeBand.Pass))
        {
            fail(u, $"graded unit {code} has no pass criteria");
        }

        var tasks = (u["tasks"] as JArray ?? []).Select(t => new AssignmentTaskSpec(
            t["number"]!.Value<int>(), Str(t, "title")!, Strings(t["learningOutcomes"]), Strings(t["criteria"]), Str(t, "evidence"))).ToList();
        var criterionRefs = outcomes.SelectMany(o => o.Criteria).Select(c => c.Ref).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var t in u["tasks"] ?? new JArray())
        {
            foreach (var c in t["criteria"]!)
            {
                if (!criterionRefs.Contains(c.Value<string>()!))
                {
                    fail(c, $"task {t["number"]} of unit {code} refers to criterion {c}, which the unit does not define");
                }
            }
        }

        CheckUnique(new JArray((u["evidenceRequirements"] ?? new JArray()).SelectMany(e => e["items"] ?? new JArray())), "ref", $"evidence requirement item in unit {code}", fail);

        var policy = u["policy"] is JObject p
            ? new UnitPolicySpec(
                p["simulationAllowedForPerformance"]?.Value<bool>(),
                (p["allowedContexts"] as JArray ?? []).Select(x => x.Value<string>() switch
                {
                    "real-work" => EvidenceContext.RealWork,
                    "realistic-working-environment" => EvidenceContext.RealisticWorkingEnvironment,
                    "work-placement" => EvidenceContext.WorkPlacement,
                    _ => EvidenceContext.Simulation,
                }).ToList(),
                Str(p, "text"))
            : null;

        return new UnitSpec(
            code,
            Str(u, "accreditationNumber"),
            Str(u, "title")!,
            u["level"]?.Value<int>(),
            u["credits"]?.Value<int>(),
            u["guidedLearningHours"]?.Value<int>(),
            Str(u, "source")!,
            Str(u, "notAssessableReason"),
            Str(u, "aim"),
            policy,
            outcomes,
            (u["evidenceRequirements"] as JArray ?? []).Select(e => new EvidenceRequirementSpec(
                Str(e, "ref")!,
                Str(e, "text")!,
                (e["items"] as JArray ?? []).Select(i => new EvidenceRequirementItemSpec(Str(i, "ref")!, Str(i, "text")!, Str(i, "occasion") switch
                {
                    "routine" => Portfolios.Occasions.Routine,
                    "busy-time" => Portfolios.Occasions.BusyTime,
                    "quiet-time" => Portfolios.Occasions.QuietTime,
                    "let-down" => Portfolios.Occasions.LetDown,
                    _ => Portfolios.Occasions.None,
                })).ToList(),
                e["problemTypes"]?.Value<bool>() ?? false)).ToList(),
            tasks,
            u["grading"] is JObject g ? new GradingSpec(Str(g, "scheme")!, Str(g, "text")!) : null,
            u["sufficiency"] is JObject f
                ? new SufficiencySpec(Str(f, "text")!, f["minDistinctDates"]?.Value<int>() ?? 1, f["minDistinctCustomers"]?.Value<int>() ?? 1, f["minSpanDays"]?.Value<int>() ?? 0)
                : null);
    }

    internal static void CheckUnique(JToken list, string key, string what, Action<JToken, string> fail)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list)
        {
            var value = Str(item, key);
            if (value is not null && !seen.Add(value))
            {
                fail(item[key]!, $"{what} {value} is defined more than once");
            }
        }
    }

    internal static string? Str(JToken token, string name) =>
        token[name] is JValue { Type: JTokenType.String } v ? (string?)v : null;

    internal static List<string> Strings(JToken? token) =>
        token is JArray a ? a.Select(x => x.Value<string>()!).ToList() : [];

    internal static DateOnly? Date(JToken? token) =>
        token is JValue { Type: JTokenType.String } v
            ? DateOnly.ParseExact((string)v!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
}
