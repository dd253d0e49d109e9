using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate.Cases;

/// <summary>
/// The candidate logs a real customer problem as it unfolds (seed 001's cycle), coming back to add to it. It is evidence
/// in the portfolio, mapped to the criteria its written parts show (the catalogue says which), and earlier similar problems
/// at the same workplace are pointed out (C3 1.3: "Recognise repeated problems and alert the appropriate authority").
/// </summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, EvidenceIntake intake, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public EvidenceItem? Item { get; private set; }

    /// <summary>C3's problem types a-e (requirement items the catalogue marks as problem types), for the enrolled units.</summary>
    public IReadOnlyList<EvidenceRequirementItemSpec> ProblemTypes { get; private set; } = [];

    /// <summary>Earlier problems of the candidate's at the same workplace that look like this one.</summary>
    public IReadOnlyList<EvidenceItem> Repeats { get; private set; } = [];

    /// <summary>The criteria the case is mapped to.</summary>
    public IReadOnlyList<EvidenceMapping> Mappings { get; private set; } = [];

    public IReadOnlyList<EvidenceItem> Cases { get; private set; } = [];

    private Core.Centres.Candidate _candidate = null!;
    private List<Enrolment> _enrolments = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Item is not null)
        {
            var problem = await db.ProblemCases.AsNoTracking().SingleAsync(p => p.EvidenceItemId == Item.Id, cancellationToken);
            Input = CaseInput.From(Item, problem);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var details = Input.Evidence();
        foreach (var error in EvidenceRules.Check(EvidenceKind.ReflectiveAccount, details with { Body = "-" }, hasFile: false, DateOnly.FromDateTime(now)))
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }

        foreach (var (field, message) in ProblemCase.Check(Input.Case(), [.. ProblemTypes.Select(t => t.Ref)]))
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (Item is not null && await SignedOffAsync(Item, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, $"{Item.Reference} is part of a signed-off unit and can no longer be changed. Log a new case instead.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Item is null)
        {
            var problem = new ProblemCase { CentreId = _candidate.CentreId };
            problem.Update(Input.Case());
            var kept = await intake.KeepAsync(_candidate, User.UserId(), EvidenceKind.CaseLog, details with { Body = problem.Render() }, null, cancellationToken, related: item =>
            {
                problem.EvidenceItemId = item.Id;
                return [problem, .. NewMappings(item, problem, [], now)];
            });
            TempData["Success"] = $"{kept.Reference} case log is saved. Come back to add to it as the problem unfolds.";
            return Redirect($"/Candidate/Cases/{kept.Id}");
        }

        var item = await db.EvidenceItems.SingleAsync(i => i.Id == Item.Id, cancellationToken);
        var stored = await db.ProblemCases.SingleAsync(p => p.EvidenceItemId == item.Id, cancellationToken);
        stored.Update(Input.Case());
        item.Describe(details with { Body = stored.Render() });
        item.ChangedAt = now;
        db.EvidenceMappings.AddRange(NewMappings(item, stored, Mappings, now));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{item.Reference} case log is updated.";
        return Redirect($"/Candidate/Cases/{item.Id}");
    }

    /// <summary>Mappings to the criteria the case's written parts show, on each enrolled unit, that it does not have yet.</summary>
    private IEnumerable<EvidenceMapping> NewMappings(EvidenceItem item, ProblemCase problem, IReadOnlyList<EvidenceMapping> existing, DateTime now)
    {
        foreach (var enrolment in _enrolments)
        {
            var qualification = catalogue.Of(enrolment);
            foreach (var unit in enrolment.Units.Select(u => qualification?.FindUnit(u.UnitCode)).OfType<UnitSpec>())
            {
                foreach (var criterion in problem.SuggestedCriteria(unit).Where(c => !existing.Any(m => m.EnrolmentId == enrolment.Id && m.UnitCode == unit.Code && m.CriterionRef == c)))
                {
                    yield return new EvidenceMapping { CentreId = enrolment.CentreId, EvidenceItemId = item.Id, EnrolmentId = enrolment.Id, UnitCode = unit.Code, CriterionRef = criterion, CreatedAt = now };
                }
            }
        }
    }

    private async Task<bool> SignedOffAsync(EvidenceItem item, CancellationToken cancellationToken) =>
        (await db.UnitSignOffs.AsNoTracking().Where(s => db.Enrolments.Any(e => e.Id == s.EnrolmentId && e.CandidateId == item.CandidateId)).ToListAsync(cancellationToken))
            .GroupBy(s => (s.EnrolmentId, s.UnitCode)).Select(g => Core.Assessment.UnitSignOff.Current(g)!)
            .Any(s => s.Outcome == Core.Assessment.UnitOutcome.Competent && s.SignedEvidence().Any(e => e.Reference == item.Reference));

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        if (await db.SignedInCandidateAsync(User, cancellationToken) is not { } candidate)
        {
            return false;
        }

        _candidate = candidate;
        _enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Units).Where(e => e.CandidateId == candidate.Id).ToListAsync(cancellationToken);
        ProblemTypes = [.. _enrolments.SelectMany(e => e.Units.Select(u => catalogue.Of(e)?.FindUnit(u.UnitCode))).OfType<UnitSpec>()
            .SelectMany(u => u.EvidenceRequirements.Where(r => r.ProblemTypes).SelectMany(r => r.Items)).DistinctBy(i => i.Ref)];
        Cases = await db.OwnItems(User).AsNoTracking().Where(i => i.Kind == EvidenceKind.CaseLog).OrderByDescending(i => i.Reference).ToListAsync(cancellationToken);
        if (Id is Guid id)
        {
            Item = Cases.FirstOrDefault(i => i.Id == id);
            if (Item is null)
            {
                return false;
            }

            Mappings = await db.EvidenceMappings.AsNoTracking().Where(m => m.EvidenceItemId == id).OrderBy(m => m.UnitCode).ThenBy(m => m.CriterionRef).ToListAsync(cancellationToken);
            var problem = await db.ProblemCases.AsNoTracking().SingleAsync(p => p.EvidenceItemId == id, cancellationToken);
            var others = await db.ProblemCases.AsNoTracking().Where(p => p.EvidenceItemId != id)
                .Join(db.OwnItems(User), p => p.EvidenceItemId, i => i.Id, (p, i) => new { p.Workplace, Item = i }).ToListAsync(cancellationToken);
            Repeats = [.. ProblemCase.Repeats(problem.Workplace, $"{Item.Title} {Item.Description}", others, o => o.Workplace, o => $"{o.Item.Title} {o.Item.Description}").Select(o => o.Item)];
        }

        return true;
    }
}

public sealed class CaseInput
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public DateOnly? ActivityFrom { get; set; }

    public DateOnly? ActivityTo { get; set; }

    public EvidenceContext Context { get; set; } = EvidenceContext.RealWork;

    public string? CustomerLabel { get; set; }

    public List<Occasions> Occasions { get; set; } = [];

    public string? Workplace { get; set; }

    public string? ProblemType { get; set; }

    public string? SpottedHow { get; set; }

    public string? Options { get; set; }

    public string? AgreedOption { get; set; }

    public string? Actions { get; set; }

    public string? Updates { get; set; }

    public CaseOutcome Outcome { get; set; }

    public string? SatisfactionCheck { get; set; }

    public string? ReasonsGiven { get; set; }

    public string? Alerted { get; set; }

    public EvidenceDetails Evidence() =>
        new(Title ?? string.Empty, Description, null, ActivityFrom, ActivityTo, Context, CustomerLabel, Occasions.Aggregate(Core.Portfolios.Occasions.None, (all, o) => all | o), null, null);

    public ProblemCaseDetails Case() => new(Workplace, ProblemType, SpottedHow, Options, AgreedOption, Actions, Updates, Outcome, SatisfactionCheck, ReasonsGiven, Alerted);

    public static CaseInput From(EvidenceItem item, ProblemCase problem)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(problem);
        return new()
        {
            Title = item.Title, Description = item.Description, ActivityFrom = item.ActivityFrom, ActivityTo = item.ActivityTo, Context = item.Context, CustomerLabel = item.CustomerLabel,
            Occasions = [.. Enum.GetValues<Occasions>().Where(o => o != Core.Portfolios.Occasions.None && item.Occasions.HasFlag(o))],
            Workplace = problem.Workplace, ProblemType = problem.ProblemType, SpottedHow = problem.SpottedHow, Options = problem.Options, AgreedOption = problem.AgreedOption,
            Actions = problem.Actions, Updates = problem.Updates, Outcome = problem.Outcome, SatisfactionCheck = problem.SatisfactionCheck, ReasonsGiven = problem.ReasonsGiven,
            Alerted = problem.Alerted,
        };
    }
}
