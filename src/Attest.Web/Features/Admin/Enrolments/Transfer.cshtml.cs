using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Quality;
using Attest.Core.Qualifications;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Enrolments;

/// <summary>
/// Moves a learner to another qualification (issue 14, item 5): this enrolment ends, signed by the administrator, and a
/// new one starts with the same assessor; the candidate's mappings to units both share, worded the same, carry over. The
/// rules are <see cref="Enrolment.TransferTo"/> and <see cref="CriterionMapping.CarriedOnTransfer"/>.
/// </summary>
public sealed class TransferModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public TransferInput Input { get; set; } = new();

    public Enrolment Enrolment { get; private set; } = null!;

    public string CandidateName { get; private set; } = string.Empty;

    public QualificationSpec? From { get; private set; }

    /// <summary>The qualification chosen to move to, once chosen.</summary>
    public QualificationSpec? To { get; private set; }

    /// <summary>The qualifications the learner can move to: every one in the catalogue but their own.</summary>
    public IReadOnlyList<QualificationSpec> Choices { get; private set; } = [];

    /// <summary>The learner's mappings that would carry over to the chosen qualification's units, by unit.</summary>
    public IReadOnlyDictionary<string, int> Carried { get; private set; } = new Dictionary<string, int>();

    /// <summary>The learner's mappings that still count, read once for the preview and the transfer.</summary>
    private List<EvidenceMapping> _counting = [];

    public async Task<IActionResult> OnGetAsync(string? to, CancellationToken cancellationToken)
    {
        Input.QualificationCode = to;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (To is not null)
        {
            // Start from the units the two share, so nothing the learner has done is left behind by default.
            Input.Units = [.. Enrolment.Units.Select(u => To.FindUnit(u.UnitCode)?.Code).OfType<string>()];
            Input.On = Core.UkTime.DateOf(clock.GetUtcNow().UtcDateTime);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (To is null)
        {
            ModelState.AddModelError("QualificationCode", "Choose the qualification to transfer the learner to");
            return Page();
        }

        var enrolment = await db.Enrolments.Include(e => e.Units).SingleAsync(e => e.Id == Id, cancellationToken);
        var (by, byName, now) = (User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime);
        var hold = EqaSanctions.RegistrationHold(EqaSanctions.InForce(await db.EqaReports.AsNoTracking().ToListAsync(cancellationToken)));
        var (next, change) = enrolment.TransferTo(To, Input.Units, Input.On, Input.Reason, by, byName, now, hold);
        // A qualification gone from the catalogue has no criteria to compare: nothing carries.
        var carried = From is null ? [] : CriterionMapping.CarriedOnTransfer(_counting, From, next, To, now);
        db.Enrolments.Add(next);
        db.EvidenceMappings.AddRange(carried);
        db.EnrolmentStatusChanges.Add(change);
        db.Sign(change, Roles.CentreAdmin, by, byName, now);
        // Two administrators transferring the same learner at once: the unique link to this enrolment keeps one.
        if (!await db.TrySaveAsync(() => db.Enrolments.AnyAsync(e => e.TransferredFromEnrolmentId == Id, cancellationToken), cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = $"{CandidateName} is transferred to {To.DisplayName} from {Input.On:d MMMM yyyy}, signed by you. "
            + (carried.Count == 0 ? "No mapping carried over: the new qualification shares no criterion worded the same." : $"{carried.Count} of their mappings carried over, for the assessor to judge afresh.");
        return Redirect($"/Admin/Candidates/{enrolment.CandidateId}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Units).SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (enrolment is null)
        {
            return false;
        }

        Enrolment = enrolment;
        CandidateName = await db.Candidates.Where(c => c.Id == enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        From = catalogue.Of(enrolment);
        Choices = [.. catalogue.Qualifications.Where(q => !string.Equals(q.Code, enrolment.QualificationCode, StringComparison.OrdinalIgnoreCase))];
        To = Input.QualificationCode is { } code ? Choices.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase)) : null;
        if (To is not null && From is not null)
        {
            _counting = await db.CountingMappings.AsNoTracking().Where(m => m.EnrolmentId == Id).ToListAsync(cancellationToken);
            // As if every unit the two share were chosen: the page says what each unit would bring.
            Carried = CriterionMapping.CarriedOnTransfer(_counting, From, enrolment, To, DateTime.MinValue)
                .GroupBy(m => m.UnitCode, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        }

        return true;
    }
}

/// <summary>What the form posts; the rules are <see cref="Enrolment.TransferTo"/>'s.</summary>
public sealed class TransferInput
{
    public string? QualificationCode { get; set; }

    public List<string> Units { get; set; } = [];

    public DateOnly? On { get; set; }

    public string? Reason { get; set; }
}
