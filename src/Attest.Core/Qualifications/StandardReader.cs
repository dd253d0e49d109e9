using Newtonsoft.Json.Linq;
using static Attest.Core.Qualifications.SpecificationReader;

namespace Attest.Core.Qualifications;

/// <summary>
/// Turns a schema-valid standard document into a <see cref="StandardSpec"/> and checks what the schema cannot: KSB codes
/// and qualifications named once, mandatory qualifications the catalogue defines, and a gateway that matches the standard.
/// </summary>
internal static class StandardReader
{
    public static StandardSpec Read(JToken document, string sourceFile, IReadOnlySet<string> catalogueQualifications, Action<JToken, string> fail)
    {
        var s = document["standard"]!;
        var qualificationTokens = s["qualifications"] ?? new JArray();
        var qualifications = Strings(qualificationTokens);
        var englishAndMaths = s["englishAndMaths"] is JObject em ? new EnglishAndMathsSpec(em["level"]!.Value<int>(), Str(em, "text")!) : null;
        var ksbs = document["ksbs"]!.Select(k => new KsbSpec(Str(k, "code")!, Str(k, "text")!)).ToList();
        var gateway = document["gateway"]!.Select(g => new GatewayItemSpec(Kind(Str(g, "kind")!), Str(g, "qualification"), Str(g, "title")!, Str(g, "explanation")!)).ToList();

        CheckUnique(document["ksbs"]!, "code", "KSB", fail);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in qualificationTokens)
        {
            var code = token.Value<string>()!;
            if (!seen.Add(code))
            {
                fail(token, $"qualification {code} is listed more than once");
            }
            else if (!catalogueQualifications.Contains(code))
            {
                fail(token, $"the standard requires qualification {code}, which the catalogue does not define");
            }
            else if (!gateway.Any(g => g.Kind == GatewayItemKind.QualificationAchieved && string.Equals(g.Qualification, code, StringComparison.OrdinalIgnoreCase)))
            {
                fail(token, $"mandatory qualification {code} has no qualificationAchieved item in the gateway");
            }
        }

        var checkedOnce = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, token) in gateway.Zip(document["gateway"]!))
        {
            if (item.Kind == GatewayItemKind.QualificationAchieved)
            {
                if (item.Qualification is null)
                {
                    fail(token, "gateway item qualificationAchieved needs 'qualification': the code of one of the standard's mandatory qualifications");
                }
                else if (!qualifications.Contains(item.Qualification, StringComparer.OrdinalIgnoreCase))
                {
                    fail(token["qualification"]!, $"gateway item refers to qualification {item.Qualification}, which is not one of the standard's mandatory qualifications");
                }
            }
            else if (item.Qualification is not null)
            {
                fail(token["qualification"]!, $"only a qualificationAchieved item names a qualification, not {Str(token, "kind")}");
            }

            if (item.Kind == GatewayItemKind.EnglishAndMaths && englishAndMaths is null)
            {
                fail(token, "gateway item englishAndMaths needs the standard's 'englishAndMaths' requirement");
            }

            if (!checkedOnce.Add($"{item.Kind}:{item.Qualification}"))
            {
                fail(token, $"gateway item {Str(token, "kind")}{(item.Qualification is null ? string.Empty : $" for {item.Qualification}")} is listed more than once");
            }
        }

        if (englishAndMaths is not null && !gateway.Any(g => g.Kind == GatewayItemKind.EnglishAndMaths))
        {
            fail(s["englishAndMaths"]!, "the standard requires English and maths, so the gateway needs an englishAndMaths item");
        }

        return new StandardSpec(
            Str(s, "reference")!,
            Str(s, "title")!,
            s["level"]!.Value<int>(),
            Str(s, "version")!,
            s["typicalDurationMonths"]!.Value<int>(),
            Str(s, "source")!,
            Str(s, "notes"),
            qualifications,
            englishAndMaths,
            ksbs,
            gateway,
            sourceFile);
    }

    private static GatewayItemKind Kind(string kind) => kind switch
    {
        "qualificationAchieved" => GatewayItemKind.QualificationAchieved,
        "ksbCoverage" => GatewayItemKind.KsbCoverage,
        "offTheJobHours" => GatewayItemKind.OffTheJobHours,
        "englishAndMaths" => GatewayItemKind.EnglishAndMaths,
        _ => GatewayItemKind.EmployerAgreement,
    };
}
