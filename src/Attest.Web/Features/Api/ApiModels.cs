namespace Attest.Web.Features.Api;

/// <summary>A page of results: <paramref name="Total"/> items in all, <paramref name="PageSize"/> a page.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>A candidate registered at the centre.</summary>
public sealed record ApiCandidate(Guid Id, string GivenName, string FamilyName, string Uln, string? CandidateNumber, IReadOnlyList<Guid> Enrolments);

/// <summary>A candidate's registration on a qualification with the units chosen.</summary>
public sealed record ApiEnrolment(Guid Id, Guid CandidateId, string QualificationCode, string QualificationTitle, DateOnly RegisteredOn, string? Assessor, IReadOnlyList<string> Units);

/// <summary>
/// Progress on one enrolment: each unit, and each assessment criterion's latest decision; the completion predicted from the
/// candidate's pace, and <c>standing</c> against the planned end: <c>on-track</c>, <c>at-risk</c>, <c>behind</c>, or null with no planned end.
/// </summary>
public sealed record ApiProgress(Guid EnrolmentId, string QualificationCode, DateOnly? PlannedEnd, DateOnly? PredictedCompletion, string? Standing, IReadOnlyList<ApiUnitProgress> Units);

/// <summary>
/// One unit: <c>status</c> is <c>signed-off</c>, <c>in-progress</c> (some decision made) or <c>not-started</c>;
/// <c>criteriaMet</c> of <c>criteriaTotal</c>.
/// </summary>
public sealed record ApiUnitProgress(string Code, string Title, string Status, DateOnly? SignedOffOn, string? Grade, int CriteriaMet, int CriteriaTotal, IReadOnlyList<ApiCriterion> Criteria);

/// <summary>A criterion: <c>status</c> is <c>met</c>, <c>not-yet-met</c> or <c>not-assessed</c>.</summary>
/// <param name="Reason">For a criterion decided met whose evidence does not count (so "not-yet-met"): why.</param>
public sealed record ApiCriterion(string Ref, string Status, string? Reason = null);

/// <summary>A certification claim made by the centre, with each unit and the date it was achieved.</summary>
public sealed record ApiClaim(Guid Id, DateOnly ClaimDate, string Scope, Guid CandidateId, string Uln, string? CandidateNumber, string QualificationCode, IReadOnlyList<ApiClaimedUnit> Units);

public sealed record ApiClaimedUnit(string Code, DateOnly AchievedOn, string? Grade);
