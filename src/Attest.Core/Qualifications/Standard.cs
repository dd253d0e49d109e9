namespace Attest.Core.Qualifications;

/// <summary>What a KSB is, from the first letter of its code: K1 knowledge, S3 skill, B2 behaviour.</summary>
public enum KsbKind { Knowledge, Skill, Behaviour }

/// <summary>What a gateway checklist item checks (issue 17, item 5).</summary>
public enum GatewayItemKind { QualificationAchieved, KsbCoverage, OffTheJobHours, EnglishAndMaths, EmployerAgreement }

/// <summary>An apprenticeship standard loaded from one catalogue file (docs/catalogue.md, "Apprenticeship standards").</summary>
/// <param name="Qualifications">Codes of the catalogue qualifications the standard makes mandatory.</param>
/// <param name="EnglishAndMaths">The English and maths needed before gateway; null when the standard sets none.</param>
public sealed record StandardSpec(
    string Reference,
    string Title,
    int Level,
    string Version,
    int TypicalDurationMonths,
    string Source,
    string? Notes,
    IReadOnlyList<string> Qualifications,
    EnglishAndMathsSpec? EnglishAndMaths,
    IReadOnlyList<KsbSpec> Ksbs,
    IReadOnlyList<GatewayItemSpec> Gateway,
    string SourceFile)
{
    public string DisplayName => $"{Reference} {Title}";

    /// <summary>The file as written, comments and citation included: what the catalogue page gives to download.</summary>
    public string Yaml { get; init; } = string.Empty;

    /// <summary>The version as numbers, so 1.10 comes after 1.9.</summary>
    public (int Major, int Minor) VersionNumber => Version.Split('.') is [var major, .. var rest]
        ? (int.Parse(major, System.Globalization.CultureInfo.InvariantCulture), rest is [var minor] ? int.Parse(minor, System.Globalization.CultureInfo.InvariantCulture) : 0)
        : (0, 0);

    public KsbSpec? FindKsb(string code) => Ksbs.FirstOrDefault(k => string.Equals(k.Code, code, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<KsbSpec> KsbsOf(KsbKind kind) => Ksbs.Where(k => k.Kind == kind);
}

public sealed record KsbSpec(string Code, string Text)
{
    public KsbKind Kind => char.ToUpperInvariant(Code[0]) switch
    {
        'K' => KsbKind.Knowledge,
        'S' => KsbKind.Skill,
        _ => KsbKind.Behaviour,
    };

    /// <summary>Codes in the order a standard lists its KSBs: knowledge, skills, behaviours, each by number (K2 before K10).</summary>
    public static IEnumerable<string> InStandardOrder(IEnumerable<string> codes) =>
        codes.OrderBy(c => new KsbSpec(c, string.Empty).Kind).ThenBy(c => c.Length).ThenBy(c => c, StringComparer.OrdinalIgnoreCase);
}

/// <param name="Level">1 or 2.</param>
/// <param name="Text">The requirement in the standard's words.</param>
public sealed record EnglishAndMathsSpec(int Level, string Text);

/// <param name="Qualification">For <see cref="GatewayItemKind.QualificationAchieved"/>: the mandatory qualification's code.</param>
/// <param name="Explanation">Why the item is needed and how it is met, shown to apprentices, employers and staff.</param>
public sealed record GatewayItemSpec(GatewayItemKind Kind, string? Qualification, string Title, string Explanation);
