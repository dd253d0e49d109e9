using System.Security.Claims;
using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Progress;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Portfolio;

/// <summary>A person named in the portfolio's introduction: staff who assess and verify.</summary>
public sealed record Contact(string Role, string Name, string? Email);

/// <summary>One line of the evidence log: where a criterion is evidenced.</summary>
public sealed record LogEntry(string UnitCode, string CriterionRef, EvidenceItem Item, string? Locator, string? Note);

/// <summary>
/// The portfolio as seed 004 "Portfolio contents" describes it, for one enrolment: the introductory
/// section, the assessment section (summary of achievements, evidence log, decisions) and the evidence
/// section (index of evidence). A sample restricts it to some units and the evidence mapped to them.
/// The page, the HTML and PDF indexes and the export all read this one model.
/// </summary>
public sealed record Portfolio(
    Core.Centres.Candidate Candidate,
    Centre Centre,
    EnrolmentStanding Standing,
    IReadOnlyList<Contact> Staff,
    IReadOnlyList<EvidenceItem> Items,
    IReadOnlyList<LogEntry> Log,
    IReadOnlyDictionary<(string Unit, string Criterion), CriterionDecision> Decisions,
    IReadOnlyDictionary<Guid, DeclarationState> Declarations,
    ILookup<Guid, EvidenceWarning> Warnings,
    IReadOnlyList<string>? SampleUnits,
    IReadOnlyList<Core.Assessment.Witness> Witnesses)
{
    public QualificationSpec Qualification => Standing.Qualification;

    public IEnumerable<UnitStanding> Units => Standing.Units;

    public IEnumerable<EvidenceItem> PersonalStatements => Items.Where(i => i.Kind == EvidenceKind.PersonalStatement);

    public CriterionDecision? DecisionFor(string unitCode, string criterionRef) =>
        Decisions.GetValueOrDefault((unitCode.ToUpperInvariant(), criterionRef.ToUpperInvariant()));

    public IEnumerable<LogEntry> LogFor(string unitCode, string criterionRef) =>
        Log.Where(l => string.Equals(l.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase) && string.Equals(l.CriterionRef, criterionRef, StringComparison.OrdinalIgnoreCase));

    /// <summary>"E001 pages 2-3; E004 04:10-06:30": where the tutor can find the evidence (seed 000 checklist).</summary>
    public string WhereToFind(string unitCode, string criterionRef) =>
        string.Join("; ", LogFor(unitCode, criterionRef).Select(l => l.Locator is null ? l.Item.Reference : $"{l.Item.Reference} {l.Locator}"));

    public static async Task<Portfolio?> LoadAsync(AttestDbContext db, Core.Qualifications.Catalogue catalogue, ClaimsPrincipal user, DateTime now, Guid enrolmentId, IReadOnlyList<string>? sampleUnits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var visible = db.VisibleEnrolments(user, now);
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Units)
            .Where(e => e.Id == enrolmentId && visible.Any(v => v.Id == e.Id))
            .SingleOrDefaultAsync(cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var standing = (await EnrolmentProgress.ForEnrolmentsAsync(db, catalogue, [enrolment], cancellationToken)).SingleOrDefault();
        if (standing is null)
        {
            return null;
        }

        if (sampleUnits is { Count: > 0 })
        {
            var unknown = sampleUnits.Where(u => !enrolment.HasUnit(u)).ToList();
            if (unknown.Count > 0)
            {
                throw new Core.DomainRuleException($"The sample names units this candidate is not enrolled on: {string.Join(", ", unknown)}", "units");
            }

            standing = standing with { Units = standing.Units.Where(u => sampleUnits.Contains(u.Unit.Code, StringComparer.OrdinalIgnoreCase)).ToList() };
        }

        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == enrolment.CandidateId, cancellationToken);
        var centre = await db.Centres.AsNoTracking().SingleAsync(c => c.Id == enrolment.CentreId, cancellationToken);
        var allItems = await db.EvidenceItems.AsNoTracking().Where(i => i.CandidateId == candidate.Id).OrderBy(i => i.Reference).ToListAsync(cancellationToken);
        var units = standing.Units.Select(u => u.Unit.Code).ToList();
        var mappings = await db.CountingMappings.AsNoTracking().Where(m => m.EnrolmentId == enrolment.Id && units.Contains(m.UnitCode)).ToListAsync(cancellationToken);
        var byId = allItems.ToDictionary(i => i.Id);
        var log = mappings.Where(m => byId.ContainsKey(m.EvidenceItemId))
            .Select(m => new LogEntry(m.UnitCode, m.CriterionRef, byId[m.EvidenceItemId], m.Locator, m.Note))
            .OrderBy(l => l.UnitCode, StringComparer.Ordinal).ThenBy(l => l.Item.Reference, StringComparer.Ordinal)
            .ToList();
        var mapped = log.Select(l => l.Item.Id).ToHashSet();
        var items = sampleUnits is { Count: > 0 } ? allItems.Where(i => mapped.Contains(i.Id)).ToList() : allItems;
        var itemIds = items.Select(i => i.Id).ToList();
        var decisions = CriterionDecision.LatestDecisions(await db.CriterionDecisions.AsNoTracking().Where(d => d.EnrolmentId == enrolment.Id && units.Contains(d.UnitCode)).ToListAsync(cancellationToken));
        var declarations = await db.AuthenticityDeclarations.AsNoTracking().Where(d => d.CandidateId == candidate.Id).ToListAsync(cancellationToken);
        var warnings = (await db.EvidenceWarnings.AsNoTracking().Where(w => itemIds.Contains(w.EvidenceItemId)).ToListAsync(cancellationToken)).ToLookup(w => w.EvidenceItemId);
        return new Portfolio(candidate, centre, standing, await StaffAsync(db, enrolment, cancellationToken), items, log, decisions,
            items.ToDictionary(i => i.Id, i => Core.Portfolios.Declarations.StateOf(i, declarations)), warnings, sampleUnits,
            await Witness.WitnessRegister.ForCandidateAsync(db, candidate.Id, cancellationToken));
    }

    /// <summary>"Names and contact details of staff involved in assessing and verifying your qualification" (seed 004).</summary>
    private static async Task<IReadOnlyList<Contact>> StaffAsync(AttestDbContext db, Enrolment enrolment, CancellationToken cancellationToken)
    {
        var iqaRole = await db.Roles.Where(r => r.Name == Roles.Iqa).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.CentreId == enrolment.CentreId && (u.Id == enrolment.AssessorId || db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == iqaRole)))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return staff.OrderBy(s => s.Id == enrolment.AssessorId ? 0 : 1).ThenBy(s => s.DisplayName, StringComparer.Ordinal)
            .Select(s => new Contact(s.Id == enrolment.AssessorId ? "Assessor" : "Internal quality assurer", s.DisplayName, s.Email))
            .ToList();
    }
}
