using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Web.Features.Ksbs;
using Attest.Web.Features.OffTheJob;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Gateway;

/// <summary>
/// Where an apprentice stands for gateway (issue 17 item 5): every fact the standard's checklist asks, gathered in one
/// place for every page and the export, and the checklist judged on them (<see cref="GatewayReadiness.Evaluate"/>). The
/// caller finds the enrolment in its own scope first; this never widens it.
/// </summary>
public sealed class GatewayStanding
{
    private GatewayStanding(
        OffTheJobLog log, string employerName, StandardSpec? standard, IReadOnlyList<string> qualificationsAchieved, KsbCoverageResult? coverage,
        IReadOnlyList<EnglishAndMathsRecord> englishAndMaths, IReadOnlyList<GatewaySignature> signatures, IReadOnlyList<EvidenceItem> mappedEvidence)
    {
        (Log, EmployerName, Standard, QualificationsAchieved, Coverage, EnglishAndMaths, Signatures, MappedEvidence) =
            (log, employerName, standard, qualificationsAchieved, coverage, englishAndMaths, signatures, mappedEvidence);
        Readiness = standard is null || coverage is null ? null : GatewayReadiness.Evaluate(standard, new GatewayFacts(
            qualificationsAchieved, coverage, new OffTheJobHoursFact(log.Progress.ActualHours, log.Progress.PlannedHours), englishAndMaths,
            EmployerAgreed: signatures.Any(s => s.Party == GatewayParty.Employer)));
    }

    /// <summary>The enrolment, the apprentice, the apprenticeship, and the off-the-job plan with its verified hours.</summary>
    public OffTheJobLog Log { get; }

    public Enrolment Enrolment => Log.Enrolment;

    public Core.Centres.Candidate Candidate => Log.Candidate;

    public Apprenticeship Apprenticeship => Log.Apprenticeship;

    public string EmployerName { get; }

    /// <summary>The standard the apprenticeship names, from the catalogue; null for a framework or a standard not in the catalogue.</summary>
    public StandardSpec? Standard { get; }

    /// <summary>Codes of the qualifications the apprentice holds a full-award certification claim for.</summary>
    public IReadOnlyList<string> QualificationsAchieved { get; }

    public KsbCoverageResult? Coverage { get; }

    /// <summary>Every English and maths record, newest first; the newest of each subject counts.</summary>
    public IReadOnlyList<EnglishAndMathsRecord> EnglishAndMaths { get; }

    public IReadOnlyList<GatewaySignature> Signatures { get; }

    /// <summary>The apprentice's evidence items mapped to a KSB of the standard, in reference order: what the export carries.</summary>
    public IReadOnlyList<EvidenceItem> MappedEvidence { get; }

    /// <summary>The checklist judged item by item; null when there is no standard to judge against.</summary>
    public GatewayReadinessResult? Readiness { get; }

    /// <summary>Signed by the employer and the provider: the export can go to the end-point assessment organisation.</summary>
    public bool IsDeclared => GatewaySignature.IsComplete(Signatures);

    public GatewaySignature? SignatureOf(GatewayParty party) => Signatures.FirstOrDefault(s => s.Party == party);

    /// <summary>Why there is no checklist, for the page to say; null when there is one.</summary>
    public string? NoChecklist => Standard is not null ? null
        : Apprenticeship.Programme == ApprenticeshipProgramme.Framework
            ? $"{Apprenticeship.ProgrammeCode} is a framework: frameworks have no gateway to the end-point assessment."
            : $"The standard {Apprenticeship.ProgrammeCode} is not in the catalogue, so there is no gateway checklist for it yet. {Admin.Employers.ApprenticeshipText.StandardNotHeld}";

    /// <summary>The standing of the one apprenticeship <paramref name="scoped"/> finds, or null (the page's 404).</summary>
    public static async Task<GatewayStanding?> LoadAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, OffTheJobRules rules, IQueryable<Enrolment> scoped, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        var log = await OffTheJobLog.LoadAsync(db, rules, scoped, today, cancellationToken);
        if (log is null)
        {
            return null;
        }

        var enrolmentId = log.Enrolment.Id;
        var standard = log.Apprenticeship.StandardIn(catalogue);
        var employerName = await db.Employers.Where(e => e.Id == log.Apprenticeship.EmployerId).Select(e => e.Name).SingleAsync(cancellationToken);
        // A qualification is achieved when the centre has claimed the full award for it (unit certificates are not enough).
        var achieved = await db.CertificationClaims.AsNoTracking()
            .Where(c => c.CandidateId == log.Candidate.Id && c.Scope == ClaimScope.Qualification).Select(c => c.QualificationCode).Distinct().ToListAsync(cancellationToken);
        var mappings = await KsbMappingQueries.ForEnrolmentAsync(db, enrolmentId, cancellationToken);
        var coverage = standard is null ? null : KsbCoverage.Of(standard, mappings);
        var mappedIds = coverage?.Lines.SelectMany(l => l.Records).Distinct().ToList() ?? [];
        var evidence = await db.EvidenceItems.AsNoTracking().Where(i => i.CandidateId == log.Candidate.Id && mappedIds.Contains(i.Id)).OrderBy(i => i.Reference).ToListAsync(cancellationToken);
        var englishAndMaths = await db.EnglishAndMathsRecords.AsNoTracking().Where(r => r.EnrolmentId == enrolmentId).ToListAsync(cancellationToken);
        var signatures = await db.GatewaySignatures.AsNoTracking().Where(s => s.EnrolmentId == enrolmentId).OrderBy(s => s.SignedAt).ToListAsync(cancellationToken);
        return new GatewayStanding(log, employerName, standard, achieved, coverage,
            [.. englishAndMaths.OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)], signatures, evidence);
    }

    /// <summary>
    /// Adds a party's signature and its ledger entry to one save. Refused without a standard; a second signature by the same
    /// party, and the provider's before every other item is met, are refused by <see cref="GatewaySignature.Sign"/> (and a
    /// second by the database's unique index when two arrive together).
    /// </summary>
    public async Task SignAsync(AttestDbContext db, GatewayParty party, string signerRole, Guid signerId, string signerName, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Standard is null || Readiness is null)
        {
            throw new DomainRuleException(NoChecklist!, "Signature");
        }

        var signature = GatewaySignature.Sign(Enrolment, Standard, Readiness, Signatures, party, signerId, signerName, now);
        db.GatewaySignatures.Add(signature);
        db.Sign(signature, signerRole, signerId, signerName, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records one subject of the apprentice's English and maths, signed into the ledger by whoever enters it.</summary>
    public async Task RecordEnglishAndMathsAsync(AttestDbContext db, EnglishAndMathsDetails details, string role, Guid by, string byName, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var record = EnglishAndMathsRecord.Record(Enrolment, details, by, byName, now);
        db.EnglishAndMathsRecords.Add(record);
        db.Sign(record, role, by, byName, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
