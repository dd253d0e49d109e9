using System.Globalization;
using Attest.Core;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Ksbs;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate.Evidence;

/// <summary>
/// One evidence item: its details and the candidate's mapping of it to criteria of their units (cross-referencing),
/// many at once in one form, since mapping an item to 11 criteria one post at a time took 11 posts (issue 14).
/// </summary>
public sealed class DetailsModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    /// <summary>A criterion of an enrolled unit, at its place in the form (<c>Index</c>), with the item's mapping to it if any.</summary>
    public sealed record Option(int Index, Guid EnrolmentId, string QualificationCode, UnitSpec Unit, LearningOutcomeSpec Outcome, CriterionSpec Criterion, EvidenceMapping? Mapping)
    {
        public string Value => $"{EnrolmentId:N}|{Unit.Code}|{Criterion.Ref}";

        public string Subject => $"{Unit.Code} {Criterion.Ref}";
    }

    [FromRoute]
    public Guid Id { get; set; }

    public EvidenceItem Item { get; private set; } = null!;

    public IReadOnlyList<Option> Options { get; private set; } = [];

    public IReadOnlyList<Option> Mapped => [.. Options.Where(o => o.Mapping is not null).OrderBy(o => o.Mapping!.CreatedAt)];

    /// <summary>Mappings whose unit the assessor has judged the item for: changed or removed no more.</summary>
    public IReadOnlySet<Guid> Judged { get; private set; } = new HashSet<Guid>();

    /// <summary>The mappings the assessor withdrew after judging the item, by mapping: the candidate is told why.</summary>
    public IReadOnlyDictionary<Guid, MappingWithdrawal> Withdrawn { get; private set; } = new Dictionary<Guid, MappingWithdrawal>();

    public IReadOnlyList<EvidenceWarning> Warnings { get; private set; } = [];

    public DeclarationState Declaration { get; private set; }

    [BindProperty]
    public MapInput Input { get; set; } = new();

    /// <summary>The candidate's apprenticeships this item can be mapped to KSBs for (only for an item the candidate wrote).</summary>
    public IReadOnlyList<KsbTarget> KsbTargets { get; private set; } = [];

    [BindProperty]
    public KsbMapInput KsbForm { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FindAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        // Each choice is placed by its criterion, not by the index it was posted with, so its reason lands beside it.
        var byValue = Options.ToDictionary(o => o.Value);
        var chosen = Input.Criteria.Where(c => c.Chosen && c.Target is not null)
            .Select(c => (Input: c, Option: byValue.GetValueOrDefault(c.Target!)))
            .ToList();
        if (chosen.Any(c => c.Option is null))
        {
            ModelState.AddModelError("Input.Criteria", "Choose only criteria of units you are enrolled on");
            return Page();
        }

        var options = chosen.Select(c => c.Option!).DistinctBy(o => o.Index).OrderBy(o => o.Index).ToList();
        var choices = options.Select(o => new MappingChoice(o.EnrolmentId, o.Unit.Code, o.Criterion.Ref, o.Subject, chosen.First(c => c.Option == o).Input.Locator)).ToList();
        try
        {
            var existing = await db.EvidenceMappings.AsNoTracking().Where(m => m.EvidenceItemId == Id).ToListAsync(cancellationToken);
            db.EvidenceMappings.AddRange(CriterionMapping.Map(Item, choices, existing, Input.Note, clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainRuleException rule)
        {
            foreach (var (field, reason) in rule.FieldReasons ?? [.. rule.Reasons.Select(r => (rule.Field ?? string.Empty, r))])
            {
                ModelState.AddModelError(FormField(field, options), reason);
            }

            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{Item.Reference} is mapped to {string.Join(", ", options.Select(o => o.Subject))}.";
        return Redirect($"/Candidate/Evidence/{Id}");
    }

    /// <summary>Maps the item to KSBs of one of the candidate's apprenticeships, as they map it to criteria: only an item they wrote.</summary>
    public async Task<IActionResult> OnPostKsbsAsync(CancellationToken cancellationToken)
    {
        var enrolmentId = KsbForm.EnrolmentId;
        var enrolment = await db.OwnEnrolments(User).AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null || !await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!EvidenceRules.WrittenByCandidate(Item.Kind))
        {
            throw new DomainRuleException($"{EvidenceRules.Describe(Item.Kind)} {Item.Reference} is mapped to KSBs by your assessor, not by you", "Ksbs");
        }

        var mapped = await KsbMappingQueries.AddAsync(db, catalogue, enrolment, KsbRecords.Of(Item), KsbForm.Ksbs, Core.Centres.Roles.Candidate, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{Item.Reference} is mapped to {string.Join(", ", mapped.Select(m => m.KsbCode))}.";
        return Redirect($"/Candidate/Evidence/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await FindAsync(cancellationToken);

    /// <summary>The typed choice for a criterion, so a refused form shows everything as it was sent.</summary>
    public CriterionChoiceInput Typed(Option option) =>
        Input.Criteria.FirstOrDefault(c => c.Target == option.Value) ?? new CriterionChoiceInput { Target = option.Value };

    private static string FormField(string field, List<Option> options)
    {
        if (!field.StartsWith('['))
        {
            return field == "Chosen" ? "Input.Criteria" : "Input." + field;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        var position = int.Parse(field.AsSpan(1, close - 1), CultureInfo.InvariantCulture);
        return $"Input.Criteria[{options[position].Index}]{field[(close + 1)..]}";
    }

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
        var mappings = await db.EvidenceMappings.AsNoTracking().Where(m => m.EvidenceItemId == Id).ToListAsync(cancellationToken);
        var judgedUnits = await db.EvidenceAcceptances.AsNoTracking().Where(a => a.EvidenceItemId == Id).Select(a => new { a.EnrolmentId, a.UnitCode }).Distinct().ToListAsync(cancellationToken);
        Withdrawn = await db.MappingWithdrawals.AsNoTracking().Where(w => w.EvidenceItemId == Id).ToDictionaryAsync(w => w.MappingId, cancellationToken);
        Judged = mappings.Where(m => judgedUnits.Any(j => j.EnrolmentId == m.EnrolmentId && j.UnitCode == m.UnitCode)).Select(m => m.Id).ToHashSet();
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Units).Where(e => e.CandidateId == item.CandidateId).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        var options = new List<Option>();
        foreach (var enrolment in enrolments)
        {
            var qualification = catalogue.Of(enrolment);
            foreach (var unit in enrolment.Units.Select(u => qualification?.FindUnit(u.UnitCode)).OfType<UnitSpec>())
            {
                foreach (var outcome in unit.LearningOutcomes)
                {
                    options.AddRange(outcome.Criteria.Select(c => new Option(options.Count, enrolment.Id, qualification!.Code, unit, outcome, c,
                        mappings.FirstOrDefault(m => m.EnrolmentId == enrolment.Id && m.UnitCode == unit.Code && m.CriterionRef == c.Ref))));
                }
            }
        }

        Options = options;
        KsbTargets = EvidenceRules.WrittenByCandidate(item.Kind) ? await KsbMappingQueries.TargetsAsync(db, catalogue, db.OwnEnrolments(User), item.Id, cancellationToken) : [];
        return true;
    }
}

public sealed class MapInput
{
    public List<CriterionChoiceInput> Criteria { get; set; } = [];

    public string? Note { get; set; }
}

/// <summary>One criterion's row of the mapping form: its value, whether it is chosen, and where in the item.</summary>
public sealed class CriterionChoiceInput
{
    public string? Target { get; set; }

    public bool Chosen { get; set; }

    public string? Locator { get; set; }
}
