namespace Attest.Web.Features.Shared;

/// <summary>The record links of one enrolment; the candidate's name goes into each link's accessible name where several candidates are listed.</summary>
public sealed record RecordLinksModel(Guid EnrolmentId, string? CandidateName = null);
