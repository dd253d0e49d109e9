using Attest.Core.Apprenticeships;

namespace Attest.Web.Features.OffTheJob;

/// <summary>How a log's red/amber/green is shown, on the log and on the centre's report: the tag's colour and its words, so colour never carries it alone.</summary>
public static class OffTheJobStatusTag
{
    public static (string TagClass, string Short, string Words) Of(OffTheJobStatus status) => status switch
    {
        OffTheJobStatus.Red => ("govuk-tag--red", "Red", "Red: more than 4 weeks behind"),
        OffTheJobStatus.Amber => ("govuk-tag--yellow", "Amber", "Amber: more than 2 weeks behind"),
        _ => ("govuk-tag--green", "Green", "Green: on track"),
    };
}
