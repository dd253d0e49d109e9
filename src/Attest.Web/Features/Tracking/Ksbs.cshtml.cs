using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Features.Ksbs;
using Attest.Web.Features.Shared;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Tracking;

/// <summary>
/// An apprentice's KSB coverage for whoever may follow their progress (<see cref="TrackingScope"/>): the apprentice, their
/// assessor, IQAs and the administrator. The assessor may withdraw any mapping of their apprentice's, the apprentice the
/// mappings they made; the others read. An enrolment out of scope, or no apprenticeship, is 404. A refused withdrawal
/// shows the view its POST loaded, which knows the form refused: nothing was saved, so there is nothing to load again.
/// </summary>
public sealed class KsbsModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, OffTheJobRules rules, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    public KsbCoverageView View { get; private set; } = null!;

    /// <summary>Why a mapping is withdrawn: bound as "Reason", the field a refusal is put under and the error summary links to.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The apprentice goes back to their own home; staff to the apprentice's progress.</summary>
    public string BackPath => IsApprentice ? "/Candidate" : $"/Tracking/Enrolments/{EnrolmentId}";

    public string BackText => IsApprentice ? "My portfolio" : "Progress of " + View.CandidateName;

    /// <summary>The apprentice is told where KSBs are mapped: the page itself only shows and withdraws.</summary>
    public bool ShowsWhereToMap => IsApprentice && View.Standard is not null;

    private bool IsApprentice => User.IsInRole(Roles.Candidate) && View.Enrolment.AssessorId != User.UserId() && !User.IsInRole(Roles.CentreAdmin) && !User.IsInRole(Roles.Iqa);

    private bool IsAssessor => User.IsInRole(Roles.Assessor) && View.Enrolment.AssessorId == User.UserId();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(Guid mappingId, CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var role = IsAssessor ? Roles.Assessor : Roles.Candidate;
        if (!await View.WithdrawAsync(db, mappingId, Reason, role, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return NotFound();
        }

        TempData["Success"] = "The mapping is withdrawn and signed; it no longer counts towards the KSB.";
        return Redirect($"/Tracking/Enrolments/{EnrolmentId}/Ksbs");
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var assessor = User.IsInRole(Roles.Assessor);
        var candidate = User.IsInRole(Roles.Candidate);
        var iqa = User.IsInRole(Roles.Iqa);
        var view = await KsbCoverageView.LoadAsync(db, catalogue, rules, TrackingScope.Visible(db, User), EnrolmentId,
            (enrolment, kind, id) => (kind, Assigned: assessor && enrolment.AssessorId == userId) switch
            {
                (KsbRecordKind.Evidence, true) => EvidenceLink.To(id, ownPortfolio: false),
                (KsbRecordKind.OffTheJobActivity, true) => $"/Assessor/Enrolments/{enrolment.Id}/OffTheJob",
                (KsbRecordKind.ProgressReview, true) => $"/Assessor/Enrolments/{enrolment.Id}/Reviews#review-{id}",
                (KsbRecordKind.Evidence, false) when iqa => EvidenceLink.To(id, ownPortfolio: false),
                (KsbRecordKind.Evidence, false) when candidate => EvidenceLink.To(id, ownPortfolio: true),
                (KsbRecordKind.OffTheJobActivity, false) when candidate => "/Candidate/OffTheJob",
                (KsbRecordKind.ProgressReview, false) when candidate => $"/Candidate/Reviews#review-{id}",
                _ => null,
            },
            (enrolment, mapping) => (assessor && enrolment.AssessorId == userId) || (candidate && mapping.MappedBy == userId),
            cancellationToken);
        View = view!;
        return view is not null;
    }
}
