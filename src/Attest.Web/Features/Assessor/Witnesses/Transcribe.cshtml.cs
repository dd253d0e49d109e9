using Attest.Core;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.Witness;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor.Witnesses;

/// <summary>
/// The assessor transcribes a testimony received on paper or given verbally ("a record of verbal statement is a form of
/// witness statement", seed 004). Fields may be missing here: the testimony is kept, flagged incomplete with what it lacks.
/// </summary>
public sealed class TranscribeModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TestimonyIntake testimonies) : PageModel
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [FromRoute]
    public Guid WitnessId { get; set; }

    [BindProperty]
    public TestimonyInput Input { get; set; } = new();

    [BindProperty]
    public List<string> Targets { get; set; } = [];

    public Core.Assessment.Witness Witness { get; private set; } = null!;

    public IReadOnlyList<(Core.Qualifications.UnitSpec Unit, IReadOnlyList<(string Value, string Label)> Criteria)> Units { get; private set; } = [];

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    private Enrolment _enrolment = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var targets = TestimonyIntake.Targets(Targets, _enrolment);
        if (targets.Count == 0)
        {
            ModelState.AddModelError("Targets", "Choose the criteria the testimony is about");
            return Page();
        }

        Warnings = WitnessTestimony.Check(Input.Description);
        if (Warnings.Count > 0 && !Input.KeepAsWritten)
        {
            return Page();
        }

        var item = await testimonies.KeepAsync(Witness, _enrolment, null, targets, Input.Details(), new TestimonyIntake.SignedInAuthor(User.UserId(), User.DisplayName(), Core.Centres.Roles.Assessor), cancellationToken);

        TempData["Success"] = $"{item.Reference} testimony from {Witness.Name} is kept.";
        return Redirect($"/Assessor/Enrolments/{EnrolmentId}/Witnesses");
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Units).SingleOrDefaultAsync(e => e.Id == EnrolmentId && e.AssessorId == userId, cancellationToken);
        var witness = enrolment is null ? null : await db.Witnesses.AsNoTracking().SingleOrDefaultAsync(w => w.Id == WitnessId && w.CandidateId == enrolment.CandidateId, cancellationToken);
        if (enrolment is null || witness is null)
        {
            return false;
        }

        (_enrolment, Witness) = (enrolment, witness);
        Units = Shared.CriteriaChoiceModel.Of(enrolment, catalogue);
        return true;
    }
}
