using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Iqa;

/// <summary>What was assessed on a qualification in a period, and each assessor's risk: the inputs of <see cref="Sampling"/>.</summary>
public static class SamplingQueries
{
    public sealed record Population(IReadOnlyList<AssessedUnit> Units, IReadOnlyList<AssessorRisk> Assessors, IReadOnlyList<string> UnitsOffered);

    public static async Task<SamplingStrategy> StrategyAsync(this AttestDbContext db, string qualificationCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.SamplingStrategies.AsNoTracking().SingleOrDefaultAsync(s => s.QualificationCode == qualificationCode, cancellationToken))?.Strategy ?? SamplingStrategy.Default;
    }

    /// <summary>
    /// Units of the qualification's enrolments (of <paramref name="among"/> only, when given) with a decision or a sign-off
    /// in the period: summative when the sign-off that stands was made in it, interim otherwise; with the methods of the
    /// evidence accepted for them.
    /// </summary>
    public static async Task<Population> LoadAsync(
        AttestDbContext db, string qualificationCode, DateOnly from, DateOnly to, SamplingStrategy strategy, DateTime now, CancellationToken cancellationToken,
        IQueryable<Core.Portfolios.Enrolment>? among = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(strategy);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Sub-queries rather than lists of ids: a qualification of a large centre has tens of thousands of enrolments.
        var scope = (among ?? db.Enrolments).Where(e => e.QualificationCode == qualificationCode);
        var ids = scope.Select(e => e.Id);
        var enrolments = await scope.AsNoTracking().Include(e => e.Units).ToListAsync(cancellationToken);
        var candidates = await db.Candidates.AsNoTracking().Where(c => scope.Any(e => e.CandidateId == c.Id)).ToDictionaryAsync(c => c.Id, c => c.FullName, cancellationToken);
        var decisions = (await db.CriterionDecisions.AsNoTracking().Where(d => ids.Contains(d.EnrolmentId) && d.DecidedAt >= start && d.DecidedAt < end).ToListAsync(cancellationToken))
            .ToLookup(d => (d.EnrolmentId, d.UnitCode));
        var signOffs = (await db.UnitSignOffs.AsNoTracking().Where(s => ids.Contains(s.EnrolmentId)).ToListAsync(cancellationToken)).ToLookup(s => (s.EnrolmentId, s.UnitCode));
        var methods = (await db.EvidenceAcceptances.AsNoTracking().Where(a => ids.Contains(a.EnrolmentId)).ToListAsync(cancellationToken))
            .GroupBy(a => (a.EnrolmentId, a.UnitCode, a.EvidenceItemId)).Select(g => g.MaxBy(a => a.Revision)!).Where(a => a.Accepted)
            .ToLookup(a => (a.EnrolmentId, a.UnitCode), a => a.Method);

        var units = new List<AssessedUnit>();
        foreach (var enrolment in enrolments)
        {
            foreach (var code in enrolment.Units.Select(u => u.UnitCode))
            {
                var key = (enrolment.Id, code);
                var signOff = UnitSignOff.Current(signOffs[key]) is { Outcome: UnitOutcome.Competent } s && s.SignedAt >= start && s.SignedAt < end ? s : null;
                var latest = decisions[key].MaxBy(d => d.DecidedAt);
                if (signOff is null && latest is null)
                {
                    continue;
                }

                var (assessorId, assessorName, at) = signOff is not null ? (signOff.AssessorId, signOff.AssessorName, signOff.SignedAt) : (latest!.AssessorId, latest.AssessorName, latest.DecidedAt);
                units.Add(new AssessedUnit(enrolment.Id, candidates[enrolment.CandidateId], assessorId, assessorName, code, signOff is null ? IqaStage.Interim : IqaStage.Summative,
                    DateOnly.FromDateTime(at), methods[key].ToHashSet()));
            }
        }

        var since = now.AddDays(-strategy.RiskWindowDays);
        var disagreements = await db.IqaReviews.AsNoTracking().Where(r => r.Outcome == IqaOutcome.Disagree && r.ReviewedAt >= since)
            .GroupBy(r => r.AssessorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var standings = await db.StaffProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.Standing, cancellationToken);
        // The qualification's assessors: those assigned to its candidates, and whoever assessed its units in the period.
        var assigned = enrolments.Select(e => e.AssessorId).OfType<Guid>().ToHashSet();
        var names = await db.StaffInRole(Roles.Assessor).AsNoTracking().Where(u => assigned.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        foreach (var unit in units)
        {
            names.TryAdd(unit.AssessorId, unit.AssessorName);
        }

        var assessors = names.Select(a => new AssessorRisk(a.Key, a.Value, standings.GetValueOrDefault(a.Key, AssessorStanding.Qualified), disagreements.GetValueOrDefault(a.Key))).ToList();
        return new Population(units, assessors, [.. enrolments.SelectMany(e => e.Units).Select(u => u.UnitCode).Distinct().Order(StringComparer.Ordinal)]);
    }
}
