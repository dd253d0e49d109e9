using Attest.Core.Assessment;
using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Planning;
using Attest.Core.Portfolios;
using Attest.Core.Quality;
using Attest.Core.Tracking;
using Attest.Web.Features.Progress;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Tracking;

/// <summary>A unit's standing with the criteria it still needs.</summary>
public sealed record UnitTrack(UnitStanding Standing, IReadOnlyList<OutstandingCriterion> Outstanding);

/// <summary>Everything tracked about one enrolment: the row the centre sees, the units, the plan whose review is next, and graded work handed in and not yet assessed.</summary>
public sealed record EnrolmentTracking(EnrolmentTrack Track, EnrolmentStanding Standing, IReadOnlyList<UnitTrack> Units, AssessmentPlan? NextReviewPlan, IReadOnlyList<GradedSubmission> WorkAwaitingAssessment)
{
    public IEnumerable<OutstandingCriterion> AwaitingDecision => Units.SelectMany(u => u.Outstanding).Where(o => o.Need == CriterionNeed.AwaitingDecision);

    /// <summary>Units with every criterion met and no sign-off yet.</summary>
    public int UnitsReadyForSignOff => Units.Count(u => u.Standing.Unit.IsAssessable && !u.Standing.IsSignedOff && u.Outstanding.Count == 0);
}

/// <summary>
/// Reads what tracking needs for a set of enrolments in a fixed number of queries (not one per candidate): decisions and
/// sign-offs through <see cref="EnrolmentProgress"/>, then mappings, plans, graded work handed in, IQA reviews and claims.
/// </summary>
public static class TrackingQueries
{
    /// <param name="enrolments">Already scoped to what the user may see.</param>
    /// <returns>By candidate's family name, given name, then enrolment date.</returns>
    public static Task<IReadOnlyList<EnrolmentTracking>> LoadAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, IQueryable<Enrolment> enrolments, DateOnly today, CancellationToken cancellationToken) =>
        LoadAsync(db, catalogue, enrolments, found => found.OrderBy(x => x.Candidate.FamilyName, StringComparer.CurrentCulture).ThenBy(x => x.Candidate.GivenName, StringComparer.CurrentCulture).ThenBy(x => x.Enrolment.CreatedAt),
            today, cancellationToken);

    /// <summary>The enrolments with these ids (already scoped: a page of a list), in the order of the ids, so a page cut in the database's order keeps it.</summary>
    public static Task<IReadOnlyList<EnrolmentTracking>> LoadInOrderAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, IReadOnlyList<Guid> ids, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        var place = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return LoadAsync(db, catalogue, db.Enrolments.Where(e => ids.Contains(e.Id)), found => found.OrderBy(x => place[x.Enrolment.Id]), today, cancellationToken);
    }

    private sealed record Found(Enrolment Enrolment, Core.Centres.Candidate Candidate);

    private static async Task<IReadOnlyList<EnrolmentTracking>> LoadAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, IQueryable<Enrolment> enrolments, Func<IEnumerable<Found>, IEnumerable<Found>> order, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = order(await enrolments.AsNoTracking().Include(e => e.Units)
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new Found(e, c))
            .ToListAsync(cancellationToken)).ToList();
        var candidates = found.ToDictionary(x => x.Enrolment.Id, x => x.Candidate);
        var ids = candidates.Keys.ToList();
        var assessorIds = found.Select(x => x.Enrolment.AssessorId).OfType<Guid>().Distinct().ToList();
        // Users are not centre-owned; only the assessors of enrolments already scoped to this centre are read.
        var assessors = await db.Users.AsNoTracking().Where(u => assessorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var mappings = (await db.CountingMappings.AsNoTracking().Where(m => ids.Contains(m.EnrolmentId))
            .Select(m => new { m.EnrolmentId, m.UnitCode, m.CriterionRef, m.CreatedAt }).ToListAsync(cancellationToken))
            .ToLookup(m => m.EnrolmentId, m => new MappedOn(m.UnitCode, m.CriterionRef, m.CreatedAt));
        var plans = AssessmentPlan.Latest(await db.AssessmentPlans.AsNoTracking().Where(p => ids.Contains(p.EnrolmentId)).ToListAsync(cancellationToken))
            .Where(p => !p.Completed && p.NextReviewOn is not null).ToLookup(p => p.EnrolmentId);
        var reviews = (await db.IqaReviews.AsNoTracking().Where(r => ids.Contains(r.EnrolmentId)).ToListAsync(cancellationToken)).ToLookup(r => r.EnrolmentId);
        var assessedSubmissions = db.GradedAssessments.Select(a => a.SubmissionId);
        var handedIn = (await db.GradedSubmissions.AsNoTracking().Where(g => ids.Contains(g.EnrolmentId) && !assessedSubmissions.Contains(g.Id)).ToListAsync(cancellationToken))
            .ToLookup(g => g.EnrolmentId);
        var claimed = (await db.ClaimLines.AsNoTracking().Where(l => ids.Contains(l.EnrolmentId)).Select(l => new { l.EnrolmentId, l.Scope, l.UnitCode }).ToListAsync(cancellationToken))
            .ToLookup(l => l.EnrolmentId);
        var standings = await EnrolmentProgress.ForEnrolmentsAsync(db, catalogue, [.. found.Select(x => x.Enrolment)], cancellationToken);

        return [.. standings.Select(standing =>
        {
            var id = standing.Enrolment.Id;
            var candidate = candidates[id];
            var units = standing.Units.Select(u => new UnitTrack(u, u.Unit.IsAssessable ? Outstanding.Of(u.Progress, mappings[id], standing.Decisions) : [])).ToList();
            var next = plans[id].MinBy(p => p.NextReviewOn);
            var enrolmentReviews = reviews[id].ToList();
            var signedOff = standing.Units.Where(u => u.IsSignedOff).ToList();
            var actions = plans[id].Where(p => p.IsOverdue(today))
                .Select(p => new OpenAction(id, candidate.FullName, $"{p.Title}: review due {p.NextReviewOn:d MMMM yyyy}", DateOnly.FromDateTime(p.CreatedAt), p.NextReviewOn!.Value))
                .Concat(enrolmentReviews.GroupBy(r => r.UnitCode).Select(g => IqaReview.Current(g)!).Where(r => r.Outcome == IqaOutcome.Disagree)
                    .Select(r => new OpenAction(id, candidate.FullName, $"IQA actions on unit {r.UnitCode} for {r.AssessorName}: {r.Actions}",
                        DateOnly.FromDateTime(r.ReviewedAt), DateOnly.FromDateTime(r.ReviewedAt).AddDays(CentreSummary.IqaActionDays))))
                .ToList();
            var track = new EnrolmentTrack(
                id, candidate.FullName, candidate.AwardingBodyCandidateNumber, candidate.Uln, standing.Qualification.Code, standing.Qualification.Title,
                standing.Enrolment.AssessorId, standing.Enrolment.AssessorId is { } assessor && assessors.TryGetValue(assessor, out var name) ? name : CentreSummary.Unassigned,
                standing.Enrolment.RegisteredOn, standing.Enrolment.PlannedEndDate,
                standing.Units.Count, signedOff.Count,
                claimed[id].Select(l => l.UnitCode).Distinct(StringComparer.OrdinalIgnoreCase).Count(), claimed[id].Any(l => l.Scope == ClaimScope.Qualification),
                standing.Units.Where(u => u.Unit.IsAssessable).Sum(u => u.Progress.Met), standing.Units.Where(u => u.Unit.IsAssessable).Sum(u => u.Progress.Total),
                units.Sum(u => u.Outstanding.Count(o => o.Need == CriterionNeed.AwaitingDecision)) + handedIn[id].Count(),
                next?.NextReviewOn, standing.Forecast(today),
                enrolmentReviews.Select(r => r.UnitCode).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                signedOff.Count(u => enrolmentReviews.Any(r => r.Stage == IqaStage.Summative && r.SignOffId == u.SignOff!.Id)),
                actions);
            return new EnrolmentTracking(track, standing, units, next, [.. handedIn[id].OrderBy(g => g.SubmittedAt)]);
        })];
    }
}
