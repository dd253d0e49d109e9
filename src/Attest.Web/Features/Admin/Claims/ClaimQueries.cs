using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Quality;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Claims;

/// <summary>Where a set of enrolments stands for claiming, and why no claim can be made at the centre now (an EQA's sanction), or null.</summary>
public sealed record ClaimStandings(IReadOnlyList<Claimability> Enrolments, string? CertificationHold);

/// <summary>Reads what the claimability engine needs for a set of enrolments: sign-offs, countersignatures, IQA reviews and claims made, in a few queries.</summary>
public static class ClaimQueries
{
    public static async Task<ClaimStandings> LoadAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, IQueryable<Enrolment> enrolments, DateOnly claimDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        var loaded = await enrolments.AsNoTracking().Include(e => e.Units).ToListAsync(cancellationToken);
        var ids = loaded.Select(e => e.Id).ToList();
        var candidateIds = loaded.Select(e => e.CandidateId).Distinct().ToList();
        var candidates = await db.Candidates.AsNoTracking().Where(c => candidateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var signOffs = (await db.UnitSignOffs.AsNoTracking().Where(s => ids.Contains(s.EnrolmentId)).ToListAsync(cancellationToken)).ToLookup(s => (s.EnrolmentId, s.UnitCode));
        var signOffIds = signOffs.SelectMany(g => g).Where(s => s.Outcome == UnitOutcome.Competent).Select(s => s.Id).ToList();
        var countersigned = (await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Kind == UnitSignOff.Kind && e.SignerRole == Roles.Candidate && signOffIds.Contains(e.SubjectId))
            .Select(e => e.SubjectId).ToListAsync(cancellationToken)).ToHashSet();
        var reviews = (await db.IqaReviews.AsNoTracking().Where(r => ids.Contains(r.EnrolmentId)).ToListAsync(cancellationToken)).ToLookup(r => (r.EnrolmentId, r.UnitCode));
        var waitForSamples = (await db.CentrePolicyAsync(cancellationToken)).ClaimsWaitForSummativeSample;
        var sampled = waitForSamples
            ? (await db.SamplePicks.AsNoTracking().Where(p => ids.Contains(p.EnrolmentId) && p.Stage == IqaStage.Summative && p.RemovedAt == null)
                .Select(p => new { p.EnrolmentId, p.UnitCode }).ToListAsync(cancellationToken)).Select(p => (p.EnrolmentId, p.UnitCode)).ToHashSet()
            : [];
        var claimed = (await db.ClaimLines.AsNoTracking().Where(l => ids.Contains(l.EnrolmentId)).ToListAsync(cancellationToken)).ToLookup(l => l.EnrolmentId);
        var hold = EqaSanctions.CertificationHold(EqaSanctions.InForce(await db.EqaReports.AsNoTracking().ToListAsync(cancellationToken)));

        var result = new List<Claimability>();
        foreach (var enrolment in loaded)
        {
            if (catalogue.Of(enrolment) is not { } qualification)
            {
                continue;
            }

            var records = enrolment.Units.Select(u => new UnitRecord(
                u.UnitCode,
                UnitAchievement.From(signOffs[(enrolment.Id, u.UnitCode)], s => countersigned.Contains(s.Id)),
                QualityHolds(reviews[(enrolment.Id, u.UnitCode)], signOffs[(enrolment.Id, u.UnitCode)], u.UnitCode, sampled.Contains((enrolment.Id, u.UnitCode))))).ToList();
            result.Add(Claimability.Evaluate(qualification, ClaimSubject.From(enrolment, candidates[enrolment.CandidateId]), records, [.. claimed[enrolment.Id]], claimDate, hold));
        }

        return new ClaimStandings(result, hold);
    }

    /// <summary>
    /// An open IQA disagreement; and, when the centre's policy says claims wait for summative samples, a unit in a
    /// summative sample whose sign-off no review has agreed with yet.
    /// </summary>
    private static List<string> QualityHolds(IEnumerable<IqaReview> reviews, IEnumerable<UnitSignOff> signOffs, string unitCode, bool inSummativeSample)
    {
        var holds = new List<string>();
        if (IqaReview.HoldOf(reviews, unitCode) is { } open)
        {
            holds.Add(open);
        }
        else if (inSummativeSample && UnitSignOff.Current(signOffs) is { Outcome: UnitOutcome.Competent } standing
            && !reviews.Any(r => r.SignOffId == standing.Id && r.Outcome == IqaOutcome.Agree))
        {
            holds.Add($"Unit {unitCode} is in a summative IQA sample and waits for the review of its sign-off (centre policy: claims wait for summative samples).");
        }

        return holds;
    }
}
