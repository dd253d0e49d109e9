using Attest.Core.Qualifications;

namespace Attest.Web.Features.Ksbs;

/// <summary>
/// Checkboxes of a standard's KSBs, grouped as knowledge, skills and behaviours, posted as codes under one field name.
/// <paramref name="Mapped"/> are those the record maps to already: shown ticked and not offered again.
/// </summary>
public sealed record KsbChoiceModel(string FieldName, string Legend, StandardSpec Standard, IReadOnlyCollection<string> Selected, IReadOnlyCollection<string> Mapped, string? Hint = null)
{
    public bool IsMapped(KsbSpec ksb) => Mapped.Contains(ksb.Code, StringComparer.OrdinalIgnoreCase);

    public bool IsSelected(KsbSpec ksb) => Selected.Contains(ksb.Code, StringComparer.OrdinalIgnoreCase);

    public static string Describe(KsbKind kind) => kind switch
    {
        KsbKind.Knowledge => "Knowledge",
        KsbKind.Skill => "Skills",
        _ => "Behaviours",
    };
}

/// <summary>What the evidence pages' KSB forms show: the apprenticeships the item can count for and the form as sent.</summary>
public sealed record EvidenceKsbsModel(string Reference, IReadOnlyList<KsbTarget> Targets, KsbMapInput Typed);
