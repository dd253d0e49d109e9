using Attest.Core.Data;
using Attest.Core.Portfolios;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Attest.Core.Ledger;
using Attest.Web.Features.Ksbs;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// An item as the assessor or IQA sees it: details, hygiene warnings, declaration, the candidate's claims,
/// and other items of the centre with the same content (the same candidate twice, or possible copying).
/// </summary>
public sealed class DetailsModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    public sealed record Duplicate(string Reference, string Title, string CandidateName, bool SameCandidate);

    public EvidenceItem Item { get; private set; } = null!;

    public string CandidateName { get; private set; } = string.Empty;

    public IReadOnlyList<EvidenceWarning> Warnings { get; private set; } = [];

    public IReadOnlyList<EvidenceMapping> Mappings { get; private set; } = [];

    /// <summary>The mappings an assessor withdrew after judging the item, by mapping.</summary>
    public IReadOnlyDictionary<Guid, MappingWithdrawal> Withdrawals { get; private set; } = new Dictionary<Guid, MappingWithdrawal>();

    /// <summary>The mappings the reader may withdraw now: they assess the learner, judged the item for the unit, and the unit is not signed off.</summary>
    public IReadOnlySet<Guid> Withdrawable { get; private set; } = new HashSet<Guid>();

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>For the assessor, of a record or testimony (which the assessor maps, not the candidate): their apprenticeships of the candidate it can be mapped to KSBs for.</summary>
    public IReadOnlyList<KsbTarget> KsbTargets { get; private set; } = [];

    [BindProperty]
    public KsbMapInput KsbForm { get; set; } = new();

    /// <summary>The mapping whose withdrawal was just refused: its form is shown open, with the reason as typed.</summary>
    public Guid? Withdrawing { get; private set; }

    public IReadOnlyList<Duplicate> Duplicates { get; private set; } = [];

    public DeclarationState Declaration { get; private set; }

    /// <summary>For a case log: earlier problems at the same workplace, of any candidate of the centre, that look like it (C3 1.3).</summary>
    public IReadOnlyList<Duplicate> Repeats { get; private set; } = [];

    /// <summary>For an assessor's record: its signature in the ledger.</summary>
    public Core.Ledger.SignatureStatus? RecordSignature { get; private set; }

    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The learner's assessor withdraws a mapping the item was judged on: signed, with the reason (issue 14 item 1).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid mappingId, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Core.Centres.Roles.Assessor))
        {
            return Forbid();
        }

        Withdrawing = mappingId;

        if (!await TryLoadAsync(cancellationToken) || Mappings.SingleOrDefault(m => m.Id == mappingId) is not { } mapping
            || !_states.TryGetValue(mapping.Id, out var state) || !state.Assessed)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var withdrawal = MappingWithdrawal.Record(mapping, Item, state.Judged, state.SignedOff, Withdrawals.ContainsKey(mapping.Id), Reason, User.UserId(), User.DisplayName(), now);
        db.MappingWithdrawals.Add(withdrawal);
        db.Sign(withdrawal, Core.Centres.Roles.Assessor, User.UserId(), User.DisplayName(), now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"The mapping of {Item.Reference} to {mapping.UnitCode} {mapping.CriterionRef} is withdrawn and signed; it no longer counts as evidence for the criterion.";
        return Redirect($"/Evidence/{Id}");
    }

    /// <summary>
    /// The assessor maps a record or testimony to KSBs of an apprenticeship they assess, as they map it to criteria; an item
    /// the candidate wrote is the candidate's to map.
    /// </summary>
    public async Task<IActionResult> OnPostKsbsAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Core.Centres.Roles.Assessor))
        {
            return Forbid();
        }

        var userId = User.UserId();
        var enrolmentId = KsbForm.EnrolmentId;
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId && e.AssessorId == userId, cancellationToken);
        if (enrolment is null || !await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (EvidenceRules.WrittenByCandidate(Item.Kind))
        {
            throw new Core.DomainRuleException($"{EvidenceRules.Describe(Item.Kind)} {Item.Reference} is the candidate's to map to KSBs, from their own evidence page", "Ksbs");
        }

        var mapped = await KsbMappingQueries.AddAsync(db, catalogue, enrolment, KsbRecords.Of(Item), KsbForm.Ksbs, Core.Centres.Roles.Assessor, userId, User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{Item.Reference} is mapped to {string.Join(", ", mapped.Select(m => m.KsbCode))}.";
        return Redirect($"/Evidence/{Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    /// <summary>For each mapping: whether the reader assesses its enrolment, has judged the item for its unit, and the unit's standing sign-off is competent.</summary>
    private IReadOnlyDictionary<Guid, (bool Assessed, bool Judged, bool SignedOff)> _states = new Dictionary<Guid, (bool, bool, bool)>();

    /// <summary>The withdrawal states of every mapping of the item, in three queries whatever their number.</summary>
    private async Task<IReadOnlyDictionary<Guid, (bool Assessed, bool Judged, bool SignedOff)>> StatesAsync(CancellationToken cancellationToken)
    {
        var enrolmentIds = Mappings.Select(m => m.EnrolmentId).Distinct().ToList();
        var userId = User.UserId();
        var assessed = (await db.Enrolments.Where(e => enrolmentIds.Contains(e.Id) && e.AssessorId == userId).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        var judged = (await db.EvidenceAcceptances.Where(a => a.EvidenceItemId == Id).Select(a => new { a.EnrolmentId, a.UnitCode }).Distinct().ToListAsync(cancellationToken))
            .Select(a => (a.EnrolmentId, a.UnitCode)).ToHashSet();
        var signOffs = (await db.UnitSignOffs.AsNoTracking().Where(s => enrolmentIds.Contains(s.EnrolmentId)).ToListAsync(cancellationToken)).ToLookup(s => (s.EnrolmentId, s.UnitCode));
        return Mappings.ToDictionary(m => m.Id, m => (assessed.Contains(m.EnrolmentId), judged.Contains((m.EnrolmentId, m.UnitCode)), Core.Assessment.UnitSignOff.IsLocked([.. signOffs[(m.EnrolmentId, m.UnitCode)]])));
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var item = await db.VisibleItems(User, clock.GetUtcNow().UtcDateTime).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }

        Item = item;
        CandidateName = await db.Candidates.Where(c => c.Id == item.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        Warnings = await db.EvidenceWarnings.AsNoTracking().Where(w => w.EvidenceItemId == id).OrderBy(w => w.Location).ToListAsync(cancellationToken);
        Mappings = await db.EvidenceMappings.AsNoTracking().Where(m => m.EvidenceItemId == id).OrderBy(m => m.UnitCode).ThenBy(m => m.CriterionRef).ToListAsync(cancellationToken);
        Withdrawals = await db.MappingWithdrawals.AsNoTracking().Where(w => w.EvidenceItemId == id).ToDictionaryAsync(w => w.MappingId, cancellationToken);
        if (User.IsInRole(Core.Centres.Roles.Assessor))
        {
            var userId = User.UserId();
            KsbTargets = EvidenceRules.WrittenByCandidate(item.Kind) ? []
                : await KsbMappingQueries.TargetsAsync(db, catalogue, db.Enrolments.Where(e => e.CandidateId == item.CandidateId && e.AssessorId == userId), id, cancellationToken);
            _states = await StatesAsync(cancellationToken);
            Withdrawable = Mappings.Where(m => !Withdrawals.ContainsKey(m.Id) && _states[m.Id] is (true, true, false)).Select(m => m.Id).ToHashSet();
        }

        if (await db.ProblemCases.AsNoTracking().SingleOrDefaultAsync(p => p.EvidenceItemId == id, cancellationToken) is { } problem)
        {
            var others = await db.ProblemCases.AsNoTracking().Where(p => p.EvidenceItemId != id && p.Workplace == problem.Workplace)
                .Join(db.EvidenceItems, p => p.EvidenceItemId, i => i.Id, (p, i) => new { p.Workplace, i.Reference, i.Title, i.Description, i.CandidateId })
                .Join(db.Candidates, x => x.CandidateId, c => c.Id, (x, c) => new { x.Workplace, x.Reference, x.Title, x.Description, x.CandidateId, Name = c.GivenName + " " + c.FamilyName })
                .ToListAsync(cancellationToken);
            Repeats = [.. ProblemCase.Repeats(problem.Workplace, $"{item.Title} {item.Description}", others, o => o.Workplace, o => $"{o.Title} {o.Description}")
                .Select(o => new Duplicate(o.Reference, o.Title, o.Name, o.CandidateId == item.CandidateId))];
        }

        var record = await db.AssessorRecords.AsNoTracking().SingleOrDefaultAsync(r => r.EvidenceItemId == id, cancellationToken);
        RecordSignature = record is null ? null : (await Core.Ledger.LedgerVerifier.StatesAsync(db, [record], cancellationToken))[record.Id];
        Declaration = Declarations.StateOf(item, await db.AuthenticityDeclarations.AsNoTracking().Where(d => d.CandidateId == item.CandidateId).ToListAsync(cancellationToken));
        if (item.Sha256 is not null)
        {
            Duplicates = await db.EvidenceItems.AsNoTracking()
                .Where(i => i.Sha256 == item.Sha256 && i.Id != item.Id)
                .Join(db.Candidates, i => i.CandidateId, c => c.Id, (i, c) => new Duplicate(i.Reference, i.Title, c.GivenName + " " + c.FamilyName, c.Id == item.CandidateId))
                .ToListAsync(cancellationToken);
        }

        return true;
    }
}
