using Attest.Core;
using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Planning;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor.Records;

/// <summary>
/// The assessor records an observation, questioning, a professional discussion or an examination of work products. The
/// record becomes evidence in the portfolio, mapped to the criteria it shows and accepted for their units by the assessor
/// who made it, all signed in one save.
/// </summary>
public sealed class NewModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, EvidenceIntake intake, TimeProvider clock) : PageModel
{
    public const int QuestionSlots = 6;
    public const int PartSlots = 3;

    public sealed record Option(string Value, string Label);

    [FromRoute]
    public Guid EnrolmentId { get; set; }

    [FromQuery]
    public EvidenceKind Kind { get; set; } = EvidenceKind.Observation;

    [BindProperty]
    public RecordInput Input { get; set; } = new();

    public string CandidateName { get; private set; } = string.Empty;

    public IReadOnlyList<(UnitSpec Unit, IReadOnlyList<Option> Criteria, IReadOnlyList<Option> Requirements)> Units { get; private set; } = [];

    public IReadOnlyList<EvidenceItem> CandidateItems { get; private set; } = [];

    public IReadOnlyList<PlanStanding> DiscussionPlans { get; private set; } = [];

    private Enrolment _enrolment = null!;
    private Core.Centres.Candidate _candidate = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var targets = Input.Targets.Select(Parse).Where(t => Units.Any(u => u.Unit.Code == t.Unit && u.Criteria.Any(c => c.Value == $"{t.Unit}|{t.Ref}"))).ToList();
        var requirements = Input.Requirements.Select(Parse).ToList();
        var plan = Input.PlanNumber is int number && DiscussionPlans.FirstOrDefault(p => p.Latest.PlanNumber == number) is { } standing ? (standing.Latest, standing.IsAgreed) : ((Core.Planning.AssessmentPlan, bool)?)null;
        AssessorRecord? record = null;
        try
        {
            if (!TimeOnly.TryParse(string.IsNullOrWhiteSpace(Input.OccurredAt) ? "00:00" : Input.OccurredAt, System.Globalization.CultureInfo.InvariantCulture, out var at))
            {
                throw new DomainRuleException([("OccurredAt", "Enter the time as hours and minutes, for example 14:30")]);
            }

            var details = new AssessorRecordDetails(Input.OccurredOn, string.IsNullOrWhiteSpace(Input.OccurredAt) ? null : at, Input.Venue, Input.Summary,
                [.. Input.Questions.Zip(Input.Answers).Select(p => new QuestionAndAnswer(p.First ?? string.Empty, p.Second ?? string.Empty))],
                [.. Enumerable.Range(0, PartSlots).Where(i => !string.IsNullOrWhiteSpace(Input.PartReferences.ElementAtOrDefault(i)))
                    .Select(i => new RecordingPart(Input.PartReferences[i]!.Trim(), Input.PartTimings.ElementAtOrDefault(i) ?? string.Empty, Input.PartTopics.ElementAtOrDefault(i) ?? string.Empty))],
                Input.Examined);
            record = AssessorRecord.Create(_enrolment, Kind, details, plan, CandidateItems, targets.Count > 0, User.UserId(), User.DisplayName(), today, now);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddRule(rule, "Input.");
        }

        var evidenceDetails = new EvidenceDetails(
            string.IsNullOrWhiteSpace(Input.Title) ? $"{EvidenceRules.Describe(Kind)}, {Input.OccurredOn:d MMMM yyyy}" : Input.Title, null, null,
            Input.OccurredOn, Input.OccurredOn, Input.Context, Input.CustomerLabel, Input.Occasions.Aggregate(Occasions.None, (all, o) => all | o), null, null);
        foreach (var error in EvidenceRules.Check(Kind, evidenceDetails, hasFile: false, today).Where(e => e.Field is "Title" or "CustomerLabel"))
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }

        if (!ModelState.IsValid || record is null)
        {
            return Page();
        }

        var signOffs = await db.UnitSignOffs.AsNoTracking().Where(s => s.EnrolmentId == EnrolmentId).ToListAsync(cancellationToken);
        var units = targets.Select(t => t.Unit).Distinct().Select(code => catalogue.Of(_enrolment)!.FindUnit(code)!).ToList();
        units.ForEach(u => UnitSignOff.EnsureOpen([.. signOffs.Where(s => s.UnitCode == u.Code)], u));
        var candidateUserId = _candidate.UserId ?? Guid.Empty;
        var item = await intake.KeepAsync(_candidate, User.UserId(), Kind, evidenceDetails with { Body = record.Render() }, null, cancellationToken, related: kept =>
        {
            var bound = record.For(kept);
            var rows = new List<object> { bound, LedgerEntry.Sign(_enrolment.CentreId, bound, Roles.Assessor, User.UserId(), User.DisplayName(), now) };
            rows.AddRange(targets.Select(t => new EvidenceMapping { CentreId = _enrolment.CentreId, EvidenceItemId = kept.Id, EnrolmentId = _enrolment.Id, UnitCode = t.Unit, CriterionRef = t.Ref, CreatedAt = now }));
            foreach (var unit in units)
            {
                var criteria = targets.Where(t => t.Unit == unit.Code).Select(t => t.Ref).ToList();
                var acceptance = EvidenceAcceptance.Record(_enrolment, unit, kept, criteria, accepted: true, method: null, criteria,
                    [.. requirements.Where(r => r.Unit == unit.Code).Select(r => r.Ref)], $"The assessor's own record ({EvidenceRules.Describe(Kind).ToLowerInvariant()}).",
                    User.UserId(), User.DisplayName(), candidateUserId, 0, [.. signOffs.Where(s => s.UnitCode == unit.Code)], now);
                rows.Add(acceptance);
                rows.Add(LedgerEntry.Sign(_enrolment.CentreId, acceptance, Roles.Assessor, User.UserId(), User.DisplayName(), now));
            }

            return rows;
        });
        TempData["Success"] = $"{item.Reference} {EvidenceRules.Describe(Kind).ToLowerInvariant()} is recorded and accepted for {string.Join(", ", units.Select(u => u.Code))}.";
        return Redirect($"/Evidence/{item.Id}");
    }

    private static (string Unit, string Ref) Parse(string value) => value.Split('|', 2) is [var unit, var reference] ? (unit, reference) : (string.Empty, string.Empty);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Units).SingleOrDefaultAsync(e => e.Id == EnrolmentId && e.AssessorId == userId, cancellationToken);
        var qualification = enrolment is null ? null : catalogue.Of(enrolment);
        if (enrolment is null || qualification is null || !AssessorRecord.Kinds.Contains(Kind))
        {
            return false;
        }

        _enrolment = enrolment;
        _candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == enrolment.CandidateId, cancellationToken);
        CandidateName = _candidate.FullName;
        Units = [.. enrolment.Units.Select(u => qualification.FindUnit(u.UnitCode)).OfType<UnitSpec>().Where(u => u.IsAssessable)
            .Select(u => (u,
                (IReadOnlyList<Option>)[.. u.Criteria.Select(c => new Option($"{u.Code}|{c.Ref}", $"{u.Code} {c.Ref} {c.Text}"))],
                (IReadOnlyList<Option>)[.. u.EvidenceRequirements.SelectMany(r => r.Items).Where(i => i.Occasion == Occasions.None).Select(i => new Option($"{u.Code}|{i.Ref}", $"{u.Code} {i.Ref} {i.Text}"))]))];
        CandidateItems = await db.EvidenceItems.AsNoTracking().Where(i => i.CandidateId == enrolment.CandidateId).OrderBy(i => i.Reference).ToListAsync(cancellationToken);
        DiscussionPlans = (await PlanningContext.LoadAsync(db, User, EnrolmentId, cancellationToken))!.Plans.Where(p => p.Latest.PlanKind == Core.Planning.PlanKind.DiscussionPlan).ToList();
        return true;
    }
}

public sealed class RecordInput
{
    public string? Title { get; set; }

    public DateOnly? OccurredOn { get; set; }

    public string? OccurredAt { get; set; }

    public string? Venue { get; set; }

    public EvidenceContext Context { get; set; } = EvidenceContext.RealWork;

    public string? CustomerLabel { get; set; }

    public List<Occasions> Occasions { get; set; } = [];

    public List<string> Targets { get; set; } = [];

    public List<string> Requirements { get; set; } = [];

    public string? Summary { get; set; }

    public List<string?> Questions { get; set; } = [];

    public List<string?> Answers { get; set; } = [];

    public int? PlanNumber { get; set; }

    public List<string?> PartReferences { get; set; } = [];

    public List<string?> PartTimings { get; set; } = [];

    public List<string?> PartTopics { get; set; } = [];

    public List<string> Examined { get; set; } = [];
}
