namespace Attest.Web.Features.Tracking;

/// <summary>An enrolment's tracking as one reader sees it.</summary>
/// <param name="UnitLink">Where a unit's page is for this reader, ending before the unit code; null where they have none.</param>
public sealed record TrackingView(EnrolmentTracking Tracking, string? UnitLink, DateOnly Today);
