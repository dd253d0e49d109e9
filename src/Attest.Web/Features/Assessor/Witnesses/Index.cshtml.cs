using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Web.Features.Witness;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor.Witnesses;

/// <summary>
/// The candidate's witnesses: the register, a single-use link to ask one for a testimony (shown once, to the assessor
/// only, never to the candidate), and the testimonies received, complete or not.
/// </summary>
public sealed partial class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, Core.Mail.Mailer mailer, Microsoft.Extensions.Options.IOptions<Core.Mail.SiteOptions> site, TimeProvider clock) : PageModel, IRedisplayable
{
    public const int DefaultDays = 14;

    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [BindProperty]
    public WitnessInput Witness { get; set; } = new();

    [BindProperty]
    public AskInput Ask { get; set; } = new();

    public string CandidateName { get; private set; } = string.Empty;

    public IReadOnlyList<Core.Assessment.Witness> Register { get; private set; } = [];

    public IReadOnlyList<(WitnessTestimony Testimony, EvidenceItem Item)> Testimonies { get; private set; } = [];

    public IReadOnlyList<WitnessRequest> Requests { get; private set; } = [];

    public IReadOnlyList<(UnitSpec Unit, IReadOnlyList<(string Value, string Label)> Criteria)> Units { get; private set; } = [];

    /// <summary>The link just made: shown once.</summary>
    public string? NewLink { get; private set; }

    /// <summary>Where the link was emailed, when it was.</summary>
    public string? EmailedTo { get; private set; }

    private Enrolment _enrolment = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Ask.Email = true; // offered, and unticked by the assessor who would rather send it themselves
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (WitnessRegister.Add(db, _enrolment.CentreId, _enrolment.CandidateId, Witness, User.UserId(), clock.GetUtcNow().UtcDateTime, ModelState) is not { } added)
        {
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{added.Name} is in the register of witnesses.";
        return Redirect($"/Assessor/Enrolments/{EnrolmentId}/Witnesses");
    }

    /// <summary>Makes a single-use link for a witness and shows it once: only its hash is kept.</summary>
    public async Task<IActionResult> OnPostAskAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var witness = Register.FirstOrDefault(w => w.Id == Ask.WitnessId);
        if (witness is null)
        {
            return NotFound();
        }

        if (Ask.Days is < 1 or > 60)
        {
            ModelState.AddModelError("Ask.Days", "The link must last between 1 and 60 days");
        }

        var targets = TestimonyIntake.Targets(Ask.Targets, _enrolment);
        if (targets.Count == 0)
        {
            ModelState.AddModelError("Ask.Targets", "Choose the criteria the testimony should describe");
        }

        var address = EmailIn(witness.Contact);
        if (Ask.Email && address is null)
        {
            ModelState.AddModelError("Ask.Email", $"{witness.Name}'s contact details have no email address: add one to the register, or send the link yourself");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (request, token) = WitnessRequest.Issue(_enrolment.CentreId, witness.Id, _enrolment.Id, string.Join(",", targets.Select(t => $"{t.Unit}|{t.Ref}")), Ask.Activity,
            User.UserId(), clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(Ask.Days));
        db.WitnessRequests.Add(request);
        NewLink = site.Value.Link($"/Witness/{token}");
        if (Ask.Email)
        {
            // Queued with the request, in the same save: the link and its mail exist together or not at all.
            mailer.Queue(_enrolment.CentreId, null, "witness-request", address!, witness.Name, new Dictionary<string, string>
            {
                ["name"] = witness.Name, ["assessor"] = User.DisplayName(), ["centre"] = await db.Centres.Where(c => c.Id == _enrolment.CentreId).Select(c => c.Name).SingleAsync(cancellationToken),
                ["candidate"] = CandidateName, ["activity"] = request.Activity ?? "what you saw them do at work", ["link"] = NewLink, ["expires"] = Core.UkTime.Format(request.ExpiresAt),
            }, holdsLink: true);
            EmailedTo = address;
        }

        await db.SaveChangesAsync(cancellationToken);
        await TryLoadAsync(cancellationToken);
        Ask = new AskInput { Email = true };
        return Page();
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    /// <summary>The email address in a witness's free-text contact details, if there is one.</summary>
    public static string? EmailIn(string? contact) => contact is null ? null : EmailPattern().Match(contact) is { Success: true } match ? match.Value : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s@<>,;:()""]+@[^\s@<>,;:()""]+\.[A-Za-z]{2,}")]
    private static partial System.Text.RegularExpressions.Regex EmailPattern();

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Units).SingleOrDefaultAsync(e => e.Id == EnrolmentId && e.AssessorId == userId, cancellationToken);
        if (enrolment is null)
        {
            return false;
        }

        _enrolment = enrolment;
        CandidateName = await db.Candidates.Where(c => c.Id == enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        Register = await WitnessRegister.ForCandidateAsync(db, enrolment.CandidateId, cancellationToken);
        var witnessIds = Register.Select(w => w.Id).ToList();
        Testimonies = (await db.WitnessTestimonies.AsNoTracking().Where(t => witnessIds.Contains(t.WitnessId))
                .Join(db.EvidenceItems, t => t.EvidenceItemId, i => i.Id, (t, i) => new { t, i }).ToListAsync(cancellationToken))
            .Select(x => (x.t, x.i)).OrderBy(x => x.i.Reference, StringComparer.Ordinal).ToList();
        Requests = await db.WitnessRequests.AsNoTracking().Where(r => r.EnrolmentId == enrolment.Id).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        Units = Shared.CriteriaChoiceModel.Of(enrolment, catalogue);
        return true;
    }
}

public sealed class AskInput
{
    public Guid WitnessId { get; set; }

    public List<string> Targets { get; set; } = [];

    public string? Activity { get; set; }

    public int Days { get; set; } = IndexModel.DefaultDays;

    /// <summary>Email the link to the address in the witness's contact details (ticked when the form is first shown).</summary>
    public bool Email { get; set; }
}
