using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.Witness;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Employer.Apprentices;

/// <summary>
/// The line manager writes a witness testimony for one of their apprentices from their own account: the same fields and
/// warnings as a witness's link, kept through the same intake and signed by them as the employer. They join the
/// apprentice's register of witnesses the first time.
/// </summary>
public sealed class TestimonyModel(AttestDbContext db, TestimonyIntake testimonies, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [BindProperty]
    public TestimonyInput Input { get; set; } = new();

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public string CandidateName { get; private set; } = string.Empty;

    private Enrolment _enrolment = null!;

    private Core.Apprenticeships.EmployerContact _contact = null!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new TestimonyInput
        {
            CandidateName = CandidateName, WrittenOn = DateOnly.FromDateTime(Now), Relationship = "Line manager", JobTitle = _contact.JobTitle, Contact = _contact.Email ?? _contact.Phone,
            SignatureName = null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var details = Input.Details();
        foreach (var (field, name) in WitnessTestimony.Lacks(details))
        {
            ModelState.AddModelError("Input." + field, $"Enter {name}");
        }

        Warnings = WitnessTestimony.Check(details.Description);
        if (!ModelState.IsValid || (Warnings.Count > 0 && !Input.KeepAsWritten))
        {
            return Page();
        }

        var item = await testimonies.KeepAsync(await WitnessAsync(), _enrolment, null, [], details, new TestimonyIntake.SignedInAuthor(User.UserId(), User.DisplayName(), Roles.Employer), cancellationToken);
        TempData["Success"] = $"Your testimony is kept in {CandidateName}'s portfolio as {item.Reference}. Their assessor judges it against the criteria.";
        return Redirect($"/Employer/Apprentices/{EnrolmentId}");
    }

    /// <summary>The line manager in the apprentice's register of witnesses, added the first time they write.</summary>
    private async Task<Core.Assessment.Witness> WitnessAsync()
    {
        var reachedBy = _contact.Email ?? _contact.Phone!;
        var listed = await db.Witnesses.AsNoTracking().FirstOrDefaultAsync(w => w.CandidateId == _enrolment.CandidateId && w.Name == _contact.Name && w.Contact == reachedBy);
        if (listed is not null)
        {
            return listed;
        }

        var witness = new Core.Assessment.Witness
        {
            CentreId = _enrolment.CentreId, CandidateId = _enrolment.CandidateId, Name = _contact.Name, JobTitle = _contact.JobTitle ?? "Line manager",
            Relationship = "Line manager (employer)", Contact = reachedBy, AddedBy = User.UserId(), AddedAt = Now,
        };
        db.Witnesses.Add(witness);
        return witness;
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var enrolment = await EmployerScope.ApprenticesOf(db, userId).AsNoTracking().Include(e => e.Units).SingleOrDefaultAsync(e => e.Id == EnrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return false;
        }

        _enrolment = enrolment;
        _contact = await db.EmployerContacts.AsNoTracking().SingleAsync(c => c.UserId == userId, cancellationToken);
        CandidateName = await db.Candidates.Where(c => c.Id == enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        return true;
    }
}
