using Attest.Core.Data;
using Attest.Core.Quality;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Eqa;

/// <summary>What a visit page shows, for the centre and for the EQA: the visit with its sample, the enrolments that could be added, the reports and the access log.</summary>
public sealed record VisitView(EqaVisit Visit, IReadOnlyList<(Guid EnrolmentId, string Label)> Addable, IReadOnlyList<EqaReport> Reports, IReadOnlyList<EqaAccess> Accesses)
{
    public static async Task<VisitView?> LoadAsync(AttestDbContext db, Core.Qualifications.Catalogue catalogue, Guid visitId, Guid? eqaOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        var visit = await db.EqaVisits.Include(v => v.Samples).SingleOrDefaultAsync(v => v.Id == visitId && (eqaOnly == null || v.EqaId == eqaOnly), cancellationToken);
        if (visit is null)
        {
            return null;
        }

        var sampled = visit.Samples.Select(s => s.EnrolmentId).ToList();
        var addable = await db.Enrolments.AsNoTracking().Where(e => !sampled.Contains(e.Id))
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.Id, c.GivenName, c.FamilyName, e.QualificationCode })
            .ToListAsync(cancellationToken);
        var reports = await db.EqaReports.AsNoTracking().Where(r => r.VisitId == visitId).OrderBy(r => r.ReportedAt).ToListAsync(cancellationToken);
        var accesses = await db.EqaAccesses.AsNoTracking().Where(a => a.UserId == visit.EqaId && a.At >= visit.WindowStart.AddDays(-1) && a.At <= visit.WindowEnd.AddDays(1))
            .OrderByDescending(a => a.At).Take(500).ToListAsync(cancellationToken);
        return new VisitView(visit,
            [.. addable.OrderBy(a => a.FamilyName, StringComparer.CurrentCulture).Select(a => (a.Id, $"{a.GivenName} {a.FamilyName}, {catalogue.Find(a.QualificationCode)?.DisplayName ?? a.QualificationCode}"))],
            reports, accesses);
    }
}

public static class VisitSamples
{
    /// <summary>Adds an enrolment of the centre to the visit's sample, chosen by <paramref name="role"/>; null when there is no such enrolment.</summary>
    public static async Task<string?> AddAsync(AttestDbContext db, EqaVisit visit, Guid enrolmentId, string role, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(visit);
        var enrolment = await db.Enrolments.Where(e => e.Id == enrolmentId)
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.Id, CandidateId = c.Id, Name = c.GivenName + " " + c.FamilyName })
            .SingleOrDefaultAsync(cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        db.EqaVisitSamples.Add(visit.AddSample(enrolment.Id, enrolment.CandidateId, enrolment.Name, role, userId, now));
        await db.SaveChangesAsync(cancellationToken);
        return enrolment.Name;
    }
}

/// <summary>What the shared visit partial shows, and to whom.</summary>
public sealed record VisitDetailsModel(VisitView View, DateTime Now, bool LinkPortfolios, bool CanAdd, bool ShowLog, IReadOnlyDictionary<Guid, Core.Ledger.SignatureStatus> ReportSignatures);
