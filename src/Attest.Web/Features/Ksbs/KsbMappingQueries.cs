using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Ksbs;

/// <summary>Reading and writing KSB mappings, the same for every page that maps and for the gateway.</summary>
public static class KsbMappingQueries
{
    /// <summary>The enrolment's live mappings (none withdrawn), as the coverage rule and the gateway read them.</summary>
    public static async Task<IReadOnlyList<KsbMapping>> ForEnrolmentAsync(AttestDbContext db, Guid enrolmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var live = await db.LiveKsbMappings.AsNoTracking().Where(m => m.EnrolmentId == enrolmentId).Select(m => new { m.KsbCode, m.RecordId }).ToListAsync(cancellationToken);
        return [.. live.Select(m => new KsbMapping(m.KsbCode, m.RecordId))];
    }

    /// <summary>
    /// Adds the mappings of <paramref name="record"/> to the chosen KSBs of <paramref name="enrolment"/>'s standard, each with its
    /// ledger entry, to the save; or refuses on the field "Ksbs" (<see cref="RecordKsbMapping.Map"/>). The caller saves, so a
    /// record made in the same form is kept with its mappings or not at all.
    /// </summary>
    public static async Task<IReadOnlyList<RecordKsbMapping>> AddAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, Enrolment enrolment, KsbRecord record, IReadOnlyCollection<string> codes, string role, Guid by, string byName, DateTime now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(record);
        var apprenticeship = await db.Apprenticeships.AsNoTracking().SingleOrDefaultAsync(a => a.EnrolmentId == enrolment.Id, cancellationToken);
        var live = await db.LiveKsbMappings.AsNoTracking().Where(m => m.EnrolmentId == enrolment.Id && m.RecordId == record.Id).ToListAsync(cancellationToken);
        var mappings = RecordKsbMapping.Map(enrolment, apprenticeship, apprenticeship?.StandardIn(catalogue), record, codes, live, by, byName, now);
        foreach (var mapping in mappings)
        {
            db.RecordKsbMappings.Add(mapping);
            db.Sign(mapping, role, by, byName, now);
        }

        return mappings;
    }

    /// <summary>
    /// The apprenticeships among <paramref name="enrolments"/> whose standard the catalogue holds, each with the codes
    /// <paramref name="recordId"/> is mapped to there now: what a mapping form offers.
    /// </summary>
    public static async Task<IReadOnlyList<KsbTarget>> TargetsAsync(AttestDbContext db, Core.Qualifications.Catalogue catalogue, IQueryable<Enrolment> enrolments, Guid recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await enrolments.AsNoTracking().Join(db.Apprenticeships.AsNoTracking(), e => e.Id, a => a.EnrolmentId, (e, a) => new { Enrolment = e, Apprenticeship = a })
            .ToListAsync(cancellationToken);
        var mapped = (await db.LiveKsbMappings.AsNoTracking().Where(m => m.RecordId == recordId).Select(m => new { m.EnrolmentId, m.KsbCode }).ToListAsync(cancellationToken))
            .ToLookup(m => m.EnrolmentId, m => m.KsbCode);
        return [.. found.Select(x => (x.Enrolment, Standard: x.Apprenticeship?.StandardIn(catalogue)))
            .Where(x => x.Standard is not null)
            .OrderBy(x => x.Enrolment.CreatedAt)
            .Select(x => new KsbTarget(x.Enrolment, x.Standard!, [.. mapped[x.Enrolment.Id]]))];
    }
}

/// <summary>An apprenticeship a record can be mapped for: its standard and the codes the record maps to there already.</summary>
public sealed record KsbTarget(Enrolment Enrolment, StandardSpec Standard, IReadOnlyList<string> Mapped);

/// <summary>The evidence page's KSB form: the apprenticeship mapped for and the codes ticked.</summary>
public sealed class KsbMapInput
{
    public Guid? EnrolmentId { get; set; }

    public List<string> Ksbs { get; set; } = [];
}
