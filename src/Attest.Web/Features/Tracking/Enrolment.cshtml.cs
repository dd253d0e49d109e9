using Microsoft.EntityFrameworkCore;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Tracking;

/// <summary>
/// One candidate's tracking for the staff who may see it: the centre administrator and IQAs (any candidate of the centre),
/// the assessor (their own candidates), and the candidate (their own enrolment). Anyone else gets 404.
/// </summary>
public sealed class EnrolmentModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public EnrolmentTracking Tracking { get; private set; } = null!;

    public string? UnitLink { get; private set; }

    /// <summary>The off-the-job log to verify, for the enrolment's own assessor when it is an apprenticeship.</summary>
    public string? OffTheJobLink { get; private set; }

    /// <summary>The KSB coverage, when the enrolment is an apprenticeship.</summary>
    public string? KsbLink { get; private set; }
    /// <summary>The apprentice's gateway, when the enrolment is an apprenticeship: everyone who sees this page may read it.</summary>
    public string? GatewayLink { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var wholeCentre = User.IsInRole(Roles.CentreAdmin) || User.IsInRole(Roles.Iqa);
        var isAssessor = User.IsInRole(Roles.Assessor);
        var isCandidate = User.IsInRole(Roles.Candidate);
        var found = await TrackingQueries.LoadAsync(db, catalogue, TrackingScope.Visible(db, User).Where(e => e.Id == enrolmentId), Today, cancellationToken);
        if (found.Count == 0)
        {
            return NotFound();
        }

        Tracking = found[0];
        var assigned = isAssessor && Tracking.Standing.Enrolment.AssessorId == userId;
        UnitLink = assigned ? $"/Assessor/Enrolments/{enrolmentId}/Units/"
            : User.IsInRole(Roles.Iqa) ? $"/Iqa/Enrolments/{enrolmentId}/Units/"
            : isCandidate && !wholeCentre && !isAssessor ? $"/Candidate/Enrolments/{enrolmentId}/Units/"
            : null;
        var apprenticeship = await db.Apprenticeships.AnyAsync(a => a.EnrolmentId == enrolmentId, cancellationToken);
        OffTheJobLink = assigned && apprenticeship ? $"/Assessor/Enrolments/{enrolmentId}/OffTheJob" : null;
        KsbLink = apprenticeship ? $"/Tracking/Enrolments/{enrolmentId}/Ksbs" : null;
        GatewayLink = apprenticeship ? $"/Gateway/{enrolmentId}" : null;
        return Page();
    }
}
