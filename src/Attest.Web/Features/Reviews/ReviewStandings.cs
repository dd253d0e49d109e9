using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.OffTheJob;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Reviews;

/// <summary>How many of an apprentice's progress reviews are overdue, and the earliest date missed.</summary>
public sealed record OverdueReviews(int Count, DateOnly? Since);

/// <summary>
/// Where apprentices stand against their review schedule, by <see cref="ReviewSchedule"/>, the one rule: the centre's
/// interval, the apprenticeship's start and planned end, its breaks in learning and the dates of its completed reviews.
/// For many apprentices it reads only those narrow rows (never a review's text), so a centre of 5,000 stays cheap.
/// </summary>
public static class ReviewStandings
{
    /// <summary>A review is complete with one signature per party (a unique index keeps it to one each).</summary>
    private static readonly int Parties = Enum.GetValues<ReviewParty>().Length;

    /// <summary>
    /// One apprenticeship's schedule up to today and the next date. A learner who has left is reviewed no more, and one on
    /// a break has no date until they return.
    /// </summary>
    private static IReadOnlyList<ReviewDue> Schedule(
        DateOnly start, DateOnly? plannedEnd, int daysOnBreak, DateOnly? withdrawnOn, int intervalWeeks, IEnumerable<EnrolmentStatusChange> breaksAndReturns,
        IEnumerable<DateOnly> completedOn, DateOnly today) =>
        plannedEnd is not DateOnly end || withdrawnOn is not null ? []
            : ReviewSchedule.Due(start, end, intervalWeeks, BreakInLearning.Of(breaksAndReturns.OrderBy(c => c.RecordedAt), end.AddDays(-daysOnBreak), start).Breaks, completedOn, today);

    /// <summary>
    /// One apprenticeship's schedule from the rows its page has read already (the enrolment, the apprenticeship, the
    /// centre's interval and the reviews with their signatures): only its breaks in learning are read here.
    /// </summary>
    public static async Task<IReadOnlyList<ReviewDue>> ScheduleAsync(
        AttestDbContext db, Enrolment enrolment, Apprenticeship apprenticeship, int intervalWeeks, IEnumerable<ReviewWithSignatures> reviews, DateOnly today,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(apprenticeship);
        ArgumentNullException.ThrowIfNull(reviews);
        var changes = await OffTheJobLog.BreakChanges(db).Where(c => c.EnrolmentId == enrolment.Id).ToListAsync(cancellationToken);
        return Schedule(apprenticeship.StartDate, enrolment.PlannedEndDate, enrolment.DaysOnBreak, enrolment.WithdrawnOn, intervalWeeks, changes,
            reviews.Where(r => r.IsComplete).Select(r => r.Review.HeldOn), today);
    }

    /// <summary>Each apprenticeship among <paramref name="enrolments"/> with its overdue reviews (a count of 0 when none is); enrolments that are not apprenticeships are left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, OverdueReviews>> OverdueAsync(AttestDbContext db, IQueryable<Enrolment> enrolments, DateOnly today, CancellationToken cancellationToken) =>
        (await SchedulesAsync(db, enrolments, today, cancellationToken))
            .ToDictionary(s => s.Key, s => new OverdueReviews(s.Value.Count(d => d.Overdue), s.Value.FirstOrDefault(d => d.Overdue)?.DueOn));

    private static async Task<Dictionary<Guid, IReadOnlyList<ReviewDue>>> SchedulesAsync(AttestDbContext db, IQueryable<Enrolment> enrolments, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var interval = (await db.CentrePolicyAsync(cancellationToken)).ReviewIntervalWeeks;
        var apprentices = await enrolments.Join(db.Apprenticeships, e => e.Id, a => a.EnrolmentId, (e, a) => new { e.Id, a.StartDate, e.PlannedEndDate, e.DaysOnBreak, e.WithdrawnOn })
            .ToListAsync(cancellationToken);
        var scope = enrolments.Where(e => db.Apprenticeships.Any(a => a.EnrolmentId == e.Id));
        var completed = (await db.ProgressReviews.Where(r => scope.Any(e => e.Id == r.EnrolmentId) && db.ProgressReviewSignatures.Count(s => s.ReviewId == r.Id) == Parties)
            .Select(r => new { r.EnrolmentId, r.HeldOn }).ToListAsync(cancellationToken)).ToLookup(r => r.EnrolmentId, r => r.HeldOn);
        // Breaks are few: their rows are read whole, as the off-the-job log reads them.
        var changes = (await OffTheJobLog.BreakChanges(db).Where(c => scope.Any(e => e.Id == c.EnrolmentId)).ToListAsync(cancellationToken)).ToLookup(c => c.EnrolmentId);
        return apprentices.ToDictionary(a => a.Id, a => Schedule(a.StartDate, a.PlannedEndDate, a.DaysOnBreak, a.WithdrawnOn, interval, changes[a.Id], completed[a.Id], today));
    }
}
