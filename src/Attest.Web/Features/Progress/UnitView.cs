using System.Linq.Expressions;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Progress;

/// <summary>
/// A unit of one enrolment with its criteria, the evidence mapped to it, the assessor's judgement of that evidence,
/// the decisions and, for competence units, what the sufficiency engine says: what the candidate and assessor pages show.
/// </summary>
public sealed record UnitView(
    Enrolment Enrolment,
    string CandidateName,
    QualificationSpec Qualification,
    UnitStanding Standing,
    ILookup<string, MappedEvidence> Evidence,
    ILookup<string, CriterionDecision> Decisions,
    IReadOnlyList<ItemForUnit> Items,
    SufficiencyResult? Sufficiency,
    IReadOnlyList<UnitSignOff> SignOffs,
    IReadOnlyList<GradedSubmission> Submissions,
    IReadOnlyList<GradedAssessment> Assessments,
    IReadOnlyDictionary<Guid, SignatureStatus> Signatures,
    IReadOnlyList<AcceptedEvidence> Accepted,
    bool IsApprenticeship)
{
    /// <summary>The latest attempt handed in, when it waits for assessment.</summary>
    public GradedSubmission? AwaitingAssessment => Submissions.MaxBy(s => s.Attempt) is { } last && Assessments.All(a => a.SubmissionId != last.Id) ? last : null;

    public GradedAssessment? AssessmentOf(GradedSubmission submission) => Assessments.FirstOrDefault(a => a.SubmissionId == submission.Id);

    /// <summary>The latest sign-off entry: the unit's standing.</summary>
    public UnitSignOff? SignOff => UnitSignOff.Current(SignOffs);

    /// <summary>Whether the candidate has countersigned the sign-off that stands.</summary>
    public LedgerEntry? Countersignature => SignOff is { Outcome: UnitOutcome.Competent } s
        ? SignatureOf(s.Id).Entries.FirstOrDefault(e => e.SignerRole == Core.Centres.Roles.Candidate)
        : null;

    /// <summary>Items signed off whose content has changed since.</summary>
    public IReadOnlyList<string> ChangedSinceSignOff => SignOff is { Outcome: UnitOutcome.Competent } s
        ? [.. s.SignedEvidence().Where(e => Items.FirstOrDefault(i => i.Item.Reference == e.Reference) is not { } i || !i.Item.ContentHash().StartsWith(e.HashPrefix, StringComparison.Ordinal)).Select(e => e.Reference)]
        : [];

    /// <summary>Items mapped to the unit that have no judgement on them as they are now.</summary>
    public IReadOnlyList<ItemForUnit> AwaitingJudgement => [.. Items.Where(i => !i.JudgementIsCurrent)];

    /// <summary>
    /// Each criterion not yet met, once, with every reason: the sufficiency engine's findings (competence units) or the
    /// standing's (graded units), the items mapped to it that wait for judgement, and the feedback of a "not yet met".
    /// </summary>
    public IReadOnlyList<MissingCriterion> Missing
    {
        get
        {
            var waiting = AwaitingJudgement;
            return [.. Standing.Progress.Criteria.Select(c => new MissingCriterion(c.Criterion.Ref, c.LearningOutcome, ReasonsNotMet(c, waiting))).Where(m => m.Reasons.Count > 0)];
        }
    }

    /// <summary>What the sufficiency engine finds missing for the unit as a whole (evidence requirements, period), not for one criterion.</summary>
    public IReadOnlyList<SufficiencyFinding> MissingForUnit => [.. (Sufficiency?.Findings ?? []).Where(f => f.Criterion is null)];

    private List<string> ReasonsNotMet(CriterionProgress criterion, IReadOnlyList<ItemForUnit> awaitingJudgement)
    {
        var reference = criterion.Criterion.Ref;
        var findings = (Sufficiency?.Findings ?? []).Where(f => string.Equals(f.Criterion, reference, StringComparison.OrdinalIgnoreCase)).Select(f => f.Message).ToList();
        if (findings.Count == 0 && criterion.Status == CriterionStatus.Met)
        {
            return [];
        }

        var reasons = new List<string>();
        if (!Evidence[reference].Any())
        {
            reasons.Add("No evidence is mapped to it.");
        }

        var waiting = awaitingJudgement.Where(i => i.ClaimedCriteria.Contains(reference, StringComparer.OrdinalIgnoreCase)).Select(i => i.Item.Reference).ToList();
        if (waiting.Count > 0)
        {
            reasons.Add($"Evidence waits for judgement: {string.Join(", ", waiting)}.");
        }

        reasons.AddRange(Sufficiency is null
            ? [criterion.WhyNotMet ?? (criterion.Status == CriterionStatus.NotYetMet ? "Not yet met." : "Not yet assessed.")]
            : findings);
        if (Decisions[reference].FirstOrDefault() is { Outcome: DecisionOutcome.NotYetMet, Feedback: { Length: > 0 } feedback })
        {
            reasons.Add($"Feedback given: {feedback}");
        }

        return reasons;
    }

    public SignatureStatus SignatureOf(Guid recordId) => Signatures.GetValueOrDefault(recordId, SignatureStatus.None);

    /// <summary>References of the items accepted, as they are now, for a criterion.</summary>
    public IReadOnlyList<string> AcceptedFor(string criterionRef) =>
        [.. Items.Where(i => i.CountsFor(criterionRef)).Select(i => i.Item.Reference)];

    /// <summary>Loads the unit when <paramref name="access"/> admits the enrolment; null means 404.</summary>
    public static async Task<UnitView?> LoadAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, Guid enrolmentId, string unitCode,
        Expression<Func<Enrolment, bool>> access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Units)
            .Where(e => e.Id == enrolmentId).Where(access).SingleOrDefaultAsync(cancellationToken);
        var qualification = enrolment is null ? null : catalogue.Of(enrolment);
        var unit = enrolment is not null && enrolment.HasUnit(unitCode) ? qualification?.FindUnit(unitCode) : null;
        if (enrolment is null || qualification is null || unit is null)
        {
            return null;
        }

        var candidateName = await db.Candidates.Where(c => c.Id == enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        var decisions = await db.CriterionDecisions.AsNoTracking()
            .Where(d => d.EnrolmentId == enrolment.Id && d.UnitCode == unit.Code)
            .ToListAsync(cancellationToken);
        var mappings = await db.CountingMappings.AsNoTracking()
            .Where(m => m.EnrolmentId == enrolment.Id && m.UnitCode == unit.Code)
            .ToListAsync(cancellationToken);
        var itemIds = mappings.Select(m => m.EvidenceItemId).Distinct().ToList();
        var items = await db.EvidenceItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToListAsync(cancellationToken);
        var acceptances = await db.EvidenceAcceptances.AsNoTracking()
            .Where(a => a.EnrolmentId == enrolment.Id && a.UnitCode == unit.Code)
            .ToListAsync(cancellationToken);
        var latest = EvidenceAcceptance.Latest(acceptances);
        var signOffs = await db.UnitSignOffs.AsNoTracking()
            .Where(s => s.EnrolmentId == enrolment.Id && s.UnitCode == unit.Code)
            .OrderBy(s => s.Sequence)
            .ToListAsync(cancellationToken);
        var incomplete = (await db.WitnessTestimonies.AsNoTracking().Where(t => itemIds.Contains(t.EvidenceItemId) && t.Missing != "").ToListAsync(cancellationToken))
            .ToDictionary(t => t.EvidenceItemId, t => t.Missing);
        var problemTypes = (await db.ProblemCases.AsNoTracking().Where(p => itemIds.Contains(p.EvidenceItemId) && p.ProblemType != null).ToListAsync(cancellationToken))
            .ToDictionary(p => p.EvidenceItemId, p => p.ProblemType!);
        var forUnit = items.OrderBy(i => i.Reference, StringComparer.Ordinal)
            .Select(i => new ItemForUnit(i, [.. mappings.Where(m => m.EvidenceItemId == i.Id).OrderBy(m => m.CriterionRef, StringComparer.Ordinal)], latest.GetValueOrDefault(i.Id), incomplete.GetValueOrDefault(i.Id),
                problemTypes.TryGetValue(i.Id, out var type) ? [type] : []))
            .ToList();
        var byId = items.ToDictionary(i => i.Id);
        var submissions = await db.GradedSubmissions.AsNoTracking().Where(x => x.EnrolmentId == enrolment.Id && x.UnitCode == unit.Code).OrderBy(x => x.Attempt).ToListAsync(cancellationToken);
        var assessments = await db.GradedAssessments.AsNoTracking().Where(x => x.EnrolmentId == enrolment.Id && x.UnitCode == unit.Code).OrderBy(x => x.Attempt).ToListAsync(cancellationToken);
        var withdrawals = await db.MappingWithdrawals.AsNoTracking().Where(w => w.EnrolmentId == enrolment.Id && w.UnitCode == unit.Code).ToListAsync(cancellationToken);
        var accepted = CurrentEvidence.For(acceptances, items.ToDictionary(i => i.Id), withdrawals);
        var standing = EnrolmentProgress.Standing(qualification, unit, decisions, signOffs, accepted);
        var sufficiency = qualification.Assessment == AssessmentKind.Competence
            ? Core.Assessment.Sufficiency.Evaluate(unit, CriterionDecision.Latest(decisions), accepted)
            : null;
        return new UnitView(
            enrolment,
            candidateName,
            qualification,
            standing,
            mappings.Where(m => byId.ContainsKey(m.EvidenceItemId))
                .Select(m => new MappedEvidence(m.CriterionRef, m.EvidenceItemId, byId[m.EvidenceItemId].Reference, byId[m.EvidenceItemId].Title, m.Locator, m.Note))
                .OrderBy(e => e.Reference, StringComparer.Ordinal).ToLookup(e => e.CriterionRef, StringComparer.OrdinalIgnoreCase),
            decisions.OrderByDescending(d => d.Revision).ThenByDescending(d => d.DecidedAt).ToLookup(d => d.CriterionRef, StringComparer.OrdinalIgnoreCase),
            forUnit,
            sufficiency,
            signOffs,
            submissions,
            assessments,
            await LedgerVerifier.StatesAsync(db, [.. decisions, .. acceptances, .. signOffs, .. submissions, .. assessments], cancellationToken),
            accepted,
            await db.Apprenticeships.AnyAsync(a => a.EnrolmentId == enrolment.Id, cancellationToken));
    }
}

/// <summary>A criterion not yet met and every reason why, in the words of the rules that decide it.</summary>
public sealed record MissingCriterion(string CriterionRef, string LearningOutcome, IReadOnlyList<string> Reasons);

public sealed record MappedEvidence(string CriterionRef, Guid ItemId, string Reference, string Title, string? Locator, string? Note);

/// <summary>An item mapped to the unit, the candidate's claims for it, and the assessor's latest judgement of it for this unit.</summary>
/// <param name="Incomplete">For a witness testimony that lacks some of seed 004's fields: what it lacks.</param>
/// <param name="ClaimedRequirements">Evidence requirement items the candidate claims it shows (a case log's problem type).</param>
public sealed record ItemForUnit(EvidenceItem Item, IReadOnlyList<EvidenceMapping> Claims, EvidenceAcceptance? Judgement, string? Incomplete = null, IReadOnlyList<string>? ClaimedRequirements = null)
{
    /// <summary>The judgement was made on the item as it is now.</summary>
    public bool JudgementIsCurrent => Judgement is not null && Judgement.IsCurrentFor(Item);

    public bool IsAccepted => JudgementIsCurrent && Judgement!.Accepted;

    public bool CountsFor(string criterionRef) => IsAccepted && Judgement!.CriteriaList.Contains(criterionRef, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> ClaimedCriteria => [.. Claims.Select(c => c.CriterionRef).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>The unit's sign-off as the assessor (who signs) or the candidate (who countersigns) sees it.</summary>
public sealed record SignOffModel(UnitView View, bool IsAssessor, bool IsCandidate);

/// <summary>A graded unit's attempts, with the hand-in form (candidate) or the grading form (assessor), and any warnings on the grading feedback.</summary>
public sealed record GradedModel(UnitView View, bool IsAssessor, bool IsCandidate, int ReworkLimit, IReadOnlyList<string> GradeWarnings, string? Feedback);

/// <summary>The evidence mapped to a unit; the assessor's copy carries the judgement forms; the candidate's own links to their evidence pages.</summary>
public sealed record EvidenceForUnitModel(UnitView View, bool CanJudge, bool OwnPortfolio = false)
{
    public string EvidenceHref(Guid itemId) => Shared.EvidenceLink.To(itemId, OwnPortfolio);
}

/// <summary>
/// The criteria list of a unit; the assessor's copy is one form deciding any of them, perhaps sent back with errors and warnings;
/// the candidate's own links to their evidence pages.
/// </summary>
public sealed record CriteriaModel(UnitView View, Assessor.DecisionsForm? Form = null, bool OwnPortfolio = false)
{
    public bool RecordDecisions => Form is not null;

    public string EvidenceHref(Guid itemId) => Shared.EvidenceLink.To(itemId, OwnPortfolio);
}
