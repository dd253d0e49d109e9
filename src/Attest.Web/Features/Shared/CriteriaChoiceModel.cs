using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Web.Features.Shared;

/// <summary>Checkboxes of an enrolment's criteria, grouped by unit, posted as "unit|criterion" under one field name.</summary>
public sealed record CriteriaChoiceModel(string FieldName, string Heading, IReadOnlyList<(UnitSpec Unit, IReadOnlyList<(string Value, string Label)> Criteria)> Units, IReadOnlyCollection<string> Selected)
{
    /// <summary>The assessable units of an enrolment with their criteria.</summary>
    public static IReadOnlyList<(UnitSpec Unit, IReadOnlyList<(string Value, string Label)> Criteria)> Of(Enrolment enrolment, Core.Qualifications.Catalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(catalogue);
        var qualification = catalogue.Of(enrolment);
        return qualification is null ? [] : [.. enrolment.Units.Select(u => qualification.FindUnit(u.UnitCode)).OfType<UnitSpec>().Where(u => u.IsAssessable)
            .Select(u => (u, (IReadOnlyList<(string, string)>)[.. u.Criteria.Select(c => ($"{u.Code}|{c.Ref}", $"{u.Code} {c.Ref} {c.Text}"))]))];
    }
}
