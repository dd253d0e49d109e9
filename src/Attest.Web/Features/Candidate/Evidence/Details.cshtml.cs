using System.ComponentModel.DataAnnotations;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate.Evidence;

/// <summary>One evidence item: its details and the candidate's mapping of it to criteria of their units (cross-referencing).</summary>
public sealed class DetailsModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    public sealed record Option(string Value, string Label);

    [FromRoute]
    public Guid Id { get; set; }

    public EvidenceItem Item { get; private set; } = null!;

    public IReadOnlyList<string> Mappings { get; private set; } = [];

    public IReadOnlyList<EvidenceWarning> Warnings { get; private set; } = [];

    public DeclarationState Declaration { get; private set; }

    public IReadOnlyList<Option> Options { get; private set; } = [];

    [BindProperty]
    public MapInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FindAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!EvidenceRules.WrittenByCandidate(Item.Kind))
        {
            // Records and testimonies are mapped by the assessor who made or accepted them.
            ModelState.AddModelError("Input.Target", $"{EvidenceRules.Describe(Item.Kind)} {Item.Reference} is mapped by your assessor, not by you");
            return Page();
        }

        var option = Options.FirstOrDefault(o => o.Value == Input.Target);
        if (option is null)
        {
            ModelState.AddModelError("Input.Target", "Choose a criterion of a unit you are enrolled on");
        }

        var (locator, locatorError) = EvidenceLocator.For(Item, Input.Locator);
        if (locatorError is not null)
        {
            ModelState.AddModelError("Input.Locator", locatorError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (enrolmentId, unitCode, criterionRef) = Parse(option!.Value);
        if (await db.EvidenceMappings.AnyAsync(m => m.EvidenceItemId == Id && m.EnrolmentId == enrolmentId && m.UnitCode == unitCode && m.CriterionRef == criterionRef, cancellationToken))
        {
            ModelState.AddModelError("Input.Target", "This evidence is already mapped to that criterion");
            return Page();
        }

        db.EvidenceMappings.Add(new EvidenceMapping
        {
            CentreId = Item.CentreId,
            EvidenceItemId = Id,
            EnrolmentId = enrolmentId,
            UnitCode = unitCode,
            CriterionRef = criterionRef,
            Locator = locator,
            Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{Item.Reference} is mapped to {option.Label}.";
        return Redirect($"/Candidate/Evidence/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await FindAsync(cancellationToken);

    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        var item = await db.OwnItems(User).AsNoTracking().SingleOrDefaultAsync(i => i.Id == Id, cancellationToken);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Warnings = await db.EvidenceWarnings.AsNoTracking().Where(w => w.EvidenceItemId == item.Id).OrderBy(w => w.Location).ToListAsync(cancellationToken);
        Declaration = Declarations.StateOf(item, await db.AuthenticityDeclarations.AsNoTracking().Where(d => d.CandidateId == item.CandidateId).ToListAsync(cancellationToken));
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Units).Where(e => e.CandidateId == item.CandidateId).ToListAsync(cancellationToken);
        var options = new List<Option>();
        foreach (var enrolment in enrolments)
        {
            var qualification = catalogue.Find(enrolment.QualificationCode);
            foreach (var unit in enrolment.Units.Select(u => qualification?.FindUnit(u.UnitCode)).OfType<Core.Qualifications.UnitSpec>())
            {
                options.AddRange(unit.Criteria.Select(c => new Option(
                    $"{enrolment.Id:N}|{unit.Code}|{c.Ref}",
                    $"{qualification!.Code} unit {unit.Code} {c.Ref}: {c.Text}")));
            }
        }

        Options = options;
        var labels = options.ToDictionary(o => o.Value, o => o.Label);
        Mappings = (await db.EvidenceMappings.AsNoTracking().Where(m => m.EvidenceItemId == Id).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken))
            .Select(m => (labels.TryGetValue($"{m.EnrolmentId:N}|{m.UnitCode}|{m.CriterionRef}", out var label) ? label : $"{m.UnitCode} {m.CriterionRef}")
                + (m.Locator is null ? string.Empty : $" (at {m.Locator})"))
            .ToList();
        return true;
    }

    private static (Guid EnrolmentId, string UnitCode, string CriterionRef) Parse(string value)
    {
        var parts = value.Split('|');
        return (Guid.ParseExact(parts[0], "N"), parts[1], parts[2]);
    }
}

public sealed class MapInput
{
    [Required(ErrorMessage = "Choose a criterion")]
    public string Target { get; set; } = string.Empty;

    [StringLength(200, ErrorMessage = "Where in the evidence must be 200 characters or fewer")]
    public string? Locator { get; set; }

    [StringLength(2000, ErrorMessage = "The note must be 2000 characters or fewer")]
    public string? Note { get; set; }
}
