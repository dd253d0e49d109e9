using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.OffTheJob;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.OffTheJob;

/// <summary>One apprenticeship on the centre's report: the learner, their employer and standard, and where their log stands.</summary>
public sealed record OffTheJobReportRow(Guid EnrolmentId, string LearnerName, string EmployerName, string Standard, OffTheJobProgress Progress, OffTheJobIlrLine Line);

/// <summary>
/// The centre's off-the-job hours, one row per apprenticeship of the enrolments given, by learner's name. The verified
/// minutes are summed per enrolment in SQL (one GROUP BY, no activity read); each row's plan and standing are then worked
/// out by the rule the log itself uses (<see cref="OffTheJobLog.PlanOf"/>, <see cref="OffTheJobPlan.ProgressOn"/>), so the
/// report and an apprentice's log never disagree. Rows are read as they are used, never all held.
/// </summary>
public sealed class OffTheJobReport
{
    private readonly OffTheJobRules rules;
    private readonly IQueryable<Source> sources;
    private readonly ILookup<Guid, EnrolmentStatusChange> breaks;
    private readonly DateOnly today;

    private OffTheJobReport(OffTheJobRules rules, IQueryable<Source> sources, ILookup<Guid, EnrolmentStatusChange> breaks, DateOnly today)
    {
        (this.rules, this.sources, this.breaks, this.today) = (rules, sources, breaks, today);
    }

    /// <param name="enrolments">Already scoped and filtered; those that are no apprenticeship are left out.</param>
    public static async Task<OffTheJobReport> ReadAsync(AttestDbContext db, OffTheJobRules rules, IQueryable<Enrolment> enrolments, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        // Breaks in learning are few: those of the whole list are read once, in the order recorded, as the plan needs them.
        var breaks = (await OffTheJobLog.BreakChanges(db).Where(c => enrolments.Any(e => e.Id == c.EnrolmentId) && db.Apprenticeships.Any(a => a.EnrolmentId == c.EnrolmentId))
            .ToListAsync(cancellationToken)).OrderBy(c => c.RecordedAt).ToLookup(c => c.EnrolmentId);
        var sources =
            from e in enrolments.AsNoTracking()
            join a in db.Apprenticeships.AsNoTracking() on e.Id equals a.EnrolmentId
            join c in db.Candidates on e.CandidateId equals c.Id
            join m in db.Employers on a.EmployerId equals m.Id
            join v in VerifiedMinutes(db, rules) on e.Id equals v.EnrolmentId into sums
            from v in sums.DefaultIfEmpty()
            orderby c.FamilyName, c.GivenName, e.CreatedAt, e.Id
            select new Source
            {
                Enrolment = e, Apprenticeship = a, GivenName = c.GivenName, FamilyName = c.FamilyName, CandidateNumber = c.AwardingBodyCandidateNumber, Uln = c.Uln,
                EmployerName = m.Name, Minutes = (int?)v!.Minutes,
            };
        return new OffTheJobReport(rules, sources, breaks, today);
    }

    /// <summary>
    /// Minutes that count per enrolment, as <see cref="OffTheJobHours.Verified"/> counts them in the log: entries verified,
    /// not withdrawn, of a type whose hours count.
    /// </summary>
    public static IQueryable<EnrolmentMinutes> VerifiedMinutes(AttestDbContext db, OffTheJobRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counting = OffTheJobHours.CountingTypes(rules);
        return db.OffTheJobActivities
            .Where(a => counting.Contains(a.ActivityType) && db.OffTheJobVerifiedActivities.Any(v => v.ActivityId == a.Id) && !db.OffTheJobWithdrawals.Any(w => w.ActivityId == a.Id))
            .GroupBy(a => a.EnrolmentId)
            .Select(g => new EnrolmentMinutes { EnrolmentId = g.Key, Minutes = g.Sum(a => a.Minutes) });
    }

    public IAsyncEnumerable<OffTheJobReportRow> AllAsync() => sources.AsAsyncEnumerable().Select(ToRow);

    /// <summary>The same, for a writer that cannot await (the XLSX package).</summary>
    public IEnumerable<OffTheJobReportRow> All() => sources.AsEnumerable().Select(ToRow);

    private OffTheJobReportRow ToRow(Source s)
    {
        var plan = OffTheJobLog.PlanOf(rules, s.Apprenticeship, s.Enrolment, [.. breaks[s.Enrolment.Id]]);
        var progress = plan.ProgressOn(today, (s.Minutes ?? 0) / 60m, rules.Status);
        return new OffTheJobReportRow(
            s.Enrolment.Id, $"{s.GivenName} {s.FamilyName}", s.EmployerName, $"{s.Apprenticeship.ProgrammeCode} {s.Apprenticeship.ProgrammeTitle}", progress,
            OffTheJobExport.Line(s.CandidateNumber, s.Uln, s.Apprenticeship, plan, progress));
    }

    /// <summary>A class, not an anonymous type, so the grouped sums can be joined from another method.</summary>
    public sealed class EnrolmentMinutes
    {
        public Guid EnrolmentId { get; init; }

        public int Minutes { get; init; }
    }

    private sealed class Source
    {
        public required Enrolment Enrolment { get; init; }

        public required Apprenticeship Apprenticeship { get; init; }

        public required string GivenName { get; init; }

        public required string FamilyName { get; init; }

        public string? CandidateNumber { get; init; }

        public string? Uln { get; init; }

        public required string EmployerName { get; init; }

        public int? Minutes { get; init; }
    }
}
