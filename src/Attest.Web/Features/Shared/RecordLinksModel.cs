namespace Attest.Web.Features.Shared;

/// <summary>The record links of one enrolment; the candidate's name goes into each link's accessible name where several candidates are listed.</summary>
/// <param name="IsApprenticeship">Whether the enrolment is an apprenticeship, which alone has progress reviews.</param>
public sealed record RecordLinksModel(Guid EnrolmentId, bool IsApprenticeship, string? CandidateName = null);
