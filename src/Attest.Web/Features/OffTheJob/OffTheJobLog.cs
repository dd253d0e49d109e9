using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.OffTheJob;

/// <summary>
/// One logged activity as the log shows it: standing (waiting, verified by whom, withdrawn), the flags a verifier should
/// see, and the codes of the KSBs it is mapped to now (withdrawn mappings left out), in the standard's order.
/// </summary>
public sealed record OffTheJobLine(
    OffTheJobActivity Activity, string TypeName, OffTheJobVerification? Verified, OffTheJobWithdrawal? Withdrawn, IReadOnlyList<string> Flags, IReadOnlyList<string> Ksbs)
{
    public bool Waiting => Verified is null && Withdrawn is null;
}

/// <summary>
/// An apprenticeship's off-the-job log, the same for the apprentice, their assessor and their line manager: the plan from
/// the rules in force at the start with the enrolment's breaks in learning, every entry, and where the apprentice stands
/// today. Each page finds the enrolment in its own scope first; this never widens it.
/// </summary>
public sealed class OffTheJobLog
{
    private OffTheJobLog(Enrolment enrolment, Core.Centres.Candidate candidate, Apprenticeship apprenticeship, OffTheJobPlan plan, IReadOnlyList<OffTheJobLine> lines, OffTheJobProgress progress)
    {
        (Enrolment, Candidate, Apprenticeship, Plan, Lines, Progress) = (enrolment, candidate, apprenticeship, plan, lines, progress);
    }

    public Enrolment Enrolment { get; }

    public Core.Centres.Candidate Candidate { get; }

    public Apprenticeship Apprenticeship { get; }

    public OffTheJobPlan Plan { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<OffTheJobLine> Lines { get; }

    public OffTheJobProgress Progress { get; }

    /// <summary>The log of the one enrolment <paramref name="scoped"/> finds that is an apprenticeship, or null (the page's 404).</summary>
    public static async Task<OffTheJobLog?> LoadAsync(AttestDbContext db, OffTheJobRules rules, IQueryable<Enrolment> scoped, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var enrolment = await scoped.AsNoTracking().Where(e => db.Apprenticeships.Any(a => a.EnrolmentId == e.Id)).FirstOrDefaultAsync(cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var apprenticeship = await db.Apprenticeships.AsNoTracking().SingleAsync(a => a.EnrolmentId == enrolment.Id, cancellationToken);
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == enrolment.CandidateId, cancellationToken);
        var changes = await BreakChanges(db).Where(c => c.EnrolmentId == enrolment.Id).ToListAsync(cancellationToken);
        var plan = PlanOf(rules, apprenticeship, enrolment, changes.OrderBy(c => c.RecordedAt).ToList());
        var activities = await db.OffTheJobActivities.AsNoTracking().Where(a => a.EnrolmentId == enrolment.Id).ToListAsync(cancellationToken);
        var verifiedIds = await db.OffTheJobVerifiedActivities.AsNoTracking().Where(v => v.EnrolmentId == enrolment.Id).ToDictionaryAsync(v => v.ActivityId, v => v.VerificationId, cancellationToken);
        var verifications = await db.OffTheJobVerifications.AsNoTracking().Where(v => v.EnrolmentId == enrolment.Id).ToDictionaryAsync(v => v.Id, cancellationToken);
        var withdrawals = await db.OffTheJobWithdrawals.AsNoTracking().Where(w => w.EnrolmentId == enrolment.Id).ToDictionaryAsync(w => w.ActivityId, cancellationToken);
        // Every entry's KSBs in one read, however long the log.
        var ksbs = (await db.LiveKsbMappings.AsNoTracking().Where(m => m.EnrolmentId == enrolment.Id && m.RecordKind == KsbRecordKind.OffTheJobActivity)
            .Select(m => new { m.RecordId, m.KsbCode }).ToListAsync(cancellationToken)).ToLookup(m => m.RecordId, m => m.KsbCode);
        var lines = activities
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Starts).ThenByDescending(a => a.RecordedAt)
            .Select(a =>
            {
                var type = rules.ActivityType(a.ActivityType);
                var flags = new List<string>();
                if (a.InOwnTime)
                {
                    flags.Add("In own time");
                }

                if (type is { Counts: false })
                {
                    flags.Add($"Does not count: {type.WhyNot}");
                }

                return new OffTheJobLine(a, type?.Name ?? a.ActivityType, verifiedIds.TryGetValue(a.Id, out var v) ? verifications[v] : null, withdrawals.GetValueOrDefault(a.Id), flags, [.. KsbSpec.InStandardOrder(ksbs[a.Id])]);
            })
            .ToList();
        var actual = OffTheJobHours.Verified(rules, lines.Where(l => l.Withdrawn is null).Select(l => l.Activity.Entry(l.Verified is not null)));
        return new OffTheJobLog(enrolment, candidate, apprenticeship, plan, lines, plan.ProgressOn(today, actual, rules.Status));
    }

    /// <summary>The starts and returns of breaks in learning, which <see cref="PlanOf"/> and the review schedule read.</summary>
    public static IQueryable<EnrolmentStatusChange> BreakChanges(AttestDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.EnrolmentStatusChanges.AsNoTracking().Where(c => c.Act == EnrolmentAct.BreakStarted || c.Act == EnrolmentAct.Resumed);
    }

    /// <summary>
    /// The plan with the enrolment's breaks (<paramref name="changes"/> in the order recorded). A return moves the enrolment's planned end by the length of the break, so the
    /// end first agreed is today's planned end less the days on break.
    /// </summary>
    /// <remarks>The centre's report works each apprentice's plan out here too: one rule for the log and the report.</remarks>
    public static OffTheJobPlan PlanOf(OffTheJobRules rules, Apprenticeship apprenticeship, Enrolment enrolment, IReadOnlyList<EnrolmentStatusChange> changes)
    {
        ArgumentNullException.ThrowIfNull(apprenticeship);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(changes);
        var firstAgreed = (enrolment.PlannedEndDate ?? apprenticeship.StartDate.AddYears(1)).AddDays(-enrolment.DaysOnBreak);
        var (breaks, plannedEnd) = BreakInLearning.Of(changes, firstAgreed, apprenticeship.StartDate);

        // Under rules that take the standard's published hours, the administrator's planned hours were checked against
        // the floor when entered; the standard's own figure is not held, so the plan stands on the planned hours.
        var ruleSet = rules.RuleSetFor(apprenticeship.StartDate);
        return OffTheJobPlan.Make(rules, apprenticeship.StartDate, plannedEnd, apprenticeship.ContractedHoursPerWeek, apprenticeship.PlannedOffTheJobHours,
            ruleSet.NeedsPublishedHours ? apprenticeship.PlannedOffTheJobHours : null, breaks);
    }

    /// <summary>The entries that still stand (not withdrawn) of all the apprentice's enrolments, for the overlap and 24-hour checks.</summary>
    public static async Task<List<OffTheJobEntry>> StandingEntriesAsync(AttestDbContext db, Guid candidateId, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var activities = await db.OffTheJobActivities.AsNoTracking()
            .Where(a => a.CandidateId == candidateId && a.Date == day && !db.OffTheJobWithdrawals.Any(w => w.ActivityId == a.Id)).ToListAsync(cancellationToken);
        return [.. activities.Select(a => a.Entry(verified: false))];
    }

    /// <summary>Verifies the ticked entries in one signed record, or refuses with the reason on the ticks.</summary>
    public async Task VerifyAsync(AttestDbContext db, IReadOnlyCollection<Guid> ticked, string role, Guid by, string byName, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (verification, lines) = OffTheJobVerification.Record(Enrolment, ticked, [.. Lines.Where(l => l.Waiting).Select(l => l.Activity)], role, by, byName, now);
        db.OffTheJobVerifications.Add(verification);
        db.OffTheJobVerifiedActivities.AddRange(lines);
        Core.Ledger.Signing.Sign(db, verification, role, by, byName, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes an entry of this log out, signed by the apprentice who logged it; refused on the field "Reason" once verified
    /// or taken out already, or without a reason. False when the entry is not in this log (the page's 404).
    /// </summary>
    public async Task<bool> WithdrawAsync(AttestDbContext db, Guid activityId, string? reason, Guid by, string byName, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Lines.FirstOrDefault(l => l.Activity.Id == activityId) is not { } line)
        {
            return false;
        }

        var withdrawal = OffTheJobWithdrawal.Record(line.Activity, line.Verified is not null, line.Withdrawn is not null, reason, by, byName, now);
        db.OffTheJobWithdrawals.Add(withdrawal);
        Core.Ledger.Signing.Sign(db, withdrawal, Core.Centres.Roles.Candidate, by, byName, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The ILR line for a funding audit: learner reference, ULN, the apprenticeship, PHours / OTJActHours and the gap.</summary>
    public OffTheJobIlrLine IlrLine() => OffTheJobExport.Line(Candidate.AwardingBodyCandidateNumber, Candidate.Uln, Apprenticeship, Plan, Progress);

    /// <summary>The per-enrolment export, CSV or XLSX (<paramref name="format"/> "xlsx"), with the centre report's columns.</summary>
    public Task<IActionResult> ExportAsync(HttpResponse response, string? format, CancellationToken cancellationToken)
    {
        var name = $"off-the-job-{Candidate.AwardingBodyCandidateNumber ?? Enrolment.Id.ToString("N")}";
        return format == "xlsx"
            ? OffTheJobExport.XlsxAsync(response, name, [IlrLine()])
            : OffTheJobExport.CsvAsync(response, name, new[] { IlrLine() }.ToAsyncEnumerable(), cancellationToken);
    }

    /// <summary>The ILR line as CSV, with the export's columns: the gateway pack's copy.</summary>
    public byte[] IlrCsv() => OffTheJobExport.CsvBytes([IlrLine()]);
}

/// <summary>
/// What the shared log partial shows: the log, whether entries can be ticked for verifying, where its export is, and for
/// the apprentice, whether entries can be taken out, with the entry whose withdrawal was just refused and the reason typed.
/// </summary>
public sealed record OffTheJobLogView(OffTheJobLog Log, bool CanVerify, string ExportPath, bool CanWithdraw = false, Guid? Withdrawing = null, string? WithdrawReason = null);
