using Attest.Core;
using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Witness;

/// <summary>
/// A witness writes their testimony through a single-use, expiring link, without an account. The form asks for every
/// field seed 004 lists and warns on a list of skills or a bare claim; the candidate never sees the link and cannot
/// write one here.
/// </summary>
[SharedRateLimit("witness-link")]
public sealed class TestimonyModel(AttestDbContext db, Core.Qualifications.SpecificationLibrary library, DbContextOptions<AttestDbContext> options, TestimonyIntake testimonies, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    public TestimonyInput Input { get; set; } = new();

    /// <summary>Set when the description has warnings the witness has not yet seen.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public string? Refusal { get; private set; }

    public Core.Assessment.Witness Witness { get; private set; } = null!;

    public string CandidateName { get; private set; } = string.Empty;

    public WitnessRequest Link { get; private set; } = null!;

    public IReadOnlyList<string> Criteria { get; private set; } = [];

    private Enrolment _enrolment = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new TestimonyInput { WrittenOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Relationship = Witness.Relationship, JobTitle = Witness.JobTitle, Contact = Witness.Contact };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
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

        try
        {
            await testimonies.KeepAsync(Witness, _enrolment, Link, TestimonyIntake.Targets(Link.Targets.Split(',', StringSplitOptions.RemoveEmptyEntries), _enrolment), details, null, cancellationToken);
        }
        catch (TestimonyIntake.LinkAlreadyUsedException used)
        {
            Refusal = used.Message;
            return Gone();
        }

        return Redirect($"/Witness/{Token}/Thanks");
    }

    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    /// <summary>Finds the link's request; a page with the reason (404 unknown, 410 used or expired, 403 a candidate) when it cannot be used.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.Candidate))
        {
            Refusal = "A candidate cannot write a witness testimony. The person who saw you at work writes it, through the link your assessor sends them.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (Core.Security.CapabilityToken.Read(Token) is not { } key)
        {
            return NotFound();
        }

        HttpCurrentCentre.UseCapabilityCentre(HttpContext, key.Centre);
        var request = await db.WitnessRequests.SingleOrDefaultAsync(r => r.SecretSha256 == key.SecretSha256, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        Link = request;
        Witness = await db.Witnesses.AsNoTracking().SingleAsync(w => w.Id == request.WitnessId, cancellationToken);
        _enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Units).SingleAsync(e => e.Id == request.EnrolmentId, cancellationToken);
        CandidateName = await db.Candidates.Where(c => c.Id == _enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        // The link's centre, whoever is signed in: its catalogue, not the request's.
        var catalogue = library.CatalogueFor(options, new FixedCentre(key.Centre));
        await catalogue.LoadAsync(cancellationToken);
        var qualification = catalogue.Of(_enrolment);
        Criteria = [.. TestimonyIntake.Targets(request.Targets.Split(',', StringSplitOptions.RemoveEmptyEntries), _enrolment)
            .Select(t => qualification?.FindUnit(t.Unit)?.FindCriterion(t.Ref) is { } c ? $"{t.Unit} {c.Ref}: {c.Text}" : $"{t.Unit} {t.Ref}")];
        if (request.Refusal(clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            Refusal = refusal;
            return Gone();
        }

        return null;
    }
}

public sealed class TestimonyInput
{
    public string? CandidateName { get; set; }

    public DateOnly? ActivityDate { get; set; }

    public string? ActivityTime { get; set; }

    public string? Venue { get; set; }

    public string? Description { get; set; }

    public DateOnly? WrittenOn { get; set; }

    public string? Relationship { get; set; }

    public string? SignatureName { get; set; }

    public string? JobTitle { get; set; }

    public string? Contact { get; set; }

    /// <summary>The writer has read the warnings on the description and keeps it as written.</summary>
    public bool KeepAsWritten { get; set; }

    public TestimonyDetails Details() => new(CandidateName, ActivityDate, ActivityTime, Venue, Description, WrittenOn, Relationship, SignatureName, JobTitle, Contact);
}
