using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Tracking;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Attest.Web.Features.Tracking;

/// <summary>
/// Keeps each enrolment's <see cref="TrackedStanding"/> current, so that lists filter on standing and unit status in SQL:
/// a standing is worked out again (by the same engines every page uses) only when its enrolment's progress stamp moved or
/// the day changed, so a list of 1,000 learners works out only those whose work changed since it was last read.
/// </summary>
public static class TrackedStandings
{
    /// <summary>
    /// This build of the engines (the web and core assemblies' module ids, which a deterministic build derives from the
    /// code): identical instances agree on it, and a release that changes a rule changes it, so no standing worked out by
    /// the old rule is trusted.
    /// </summary>
    public static readonly string Engines = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        [.. typeof(TrackedStandings).Assembly.ManifestModule.ModuleVersionId.ToByteArray(), .. typeof(TrackedStanding).Assembly.ManifestModule.ModuleVersionId.ToByteArray()]))[..32];

    /// <summary>Enrolments worked out together: a fixed number of queries each, whatever the list's length.</summary>
    private const int Batch = 500;

    /// <summary>Works out the standing of every enrolment among <paramref name="enrolments"/> that has none for today from its current stamp; returns how many.</summary>
    public static async Task<int> RefreshAsync(AttestDbContext db, Core.Qualifications.Catalogue catalogue, IQueryable<Enrolment> enrolments, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The stamp is read before the rows the standing is worked out from: a change saved in between moves the stamp
        // past the one kept with the standing, which is then worked out again on the next read, never trusted.
        var stale = await Current(db, enrolments, today, current: false).Select(e => new { e.Id, e.CentreId, e.ProgressStamp }).ToListAsync(cancellationToken);
        foreach (var batch in stale.Chunk(Batch))
        {
            var read = batch.ToDictionary(e => e.Id);
            var ids = read.Keys.ToList();
            var tracked = await TrackingQueries.LoadInOrderAsync(db, catalogue, ids, today, cancellationToken);
            var rows = tracked.Select(t => TrackedStanding.Of(t.Track, read[t.Track.EnrolmentId].CentreId, read[t.Track.EnrolmentId].ProgressStamp, today, Engines, t.UnitsReadyForSignOff,
                t.Standing.Units.Select(u => new KeptUnit(u.Unit.Code, u.Unit.Title, u.Summary)), t.AwaitingDecision.Select(o => new KeptAwaiting(o.UnitCode, o.CriterionRef, o.Since))));
            await UpsertAsync(db, [.. rows.OrderBy(r => r.EnrolmentId)], cancellationToken);
        }

        return stale.Count;
    }

    /// <summary>
    /// Writes <paramref name="rows"/> in one statement, each replacing its enrolment's kept row: another request or
    /// instance working out the same learners at the same moment writes the same answer (or one whose stamp the next read
    /// checks), so a row already there is overwritten, never an error that EF Core would log and whose batch would be lost.
    /// The rows come in enrolment order, so two such statements on PostgreSQL take their row locks in one order and never
    /// deadlock. Columns and values come from the model, each value through its own type mapping, as SaveChanges would send it.
    /// </summary>
    private static async Task UpsertAsync(AttestDbContext db, IReadOnlyList<TrackedStanding> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(TrackedStanding))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var columns = properties.Select(p => $"\"{p.GetColumnName(table)}\"").ToList();
        var key = entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName(table)}\"").ToList();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();
        var values = rows.Select(row => "(" + string.Join(", ", properties.Select(p =>
        {
            var parameter = p.GetRelationalTypeMapping().CreateParameter(command, $"@p{parameters.Count}", p.GetGetter().GetClrValue(row), p.IsNullable);
            parameters.Add(parameter);
            return parameter.ParameterName;
        })) + ")");
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)} "
            + $"ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {string.Join(", ", columns.Except(key).Select(c => $"{c} = excluded.{c}"))}";
        await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }

    /// <summary>
    /// The kept tracking rows of <paramref name="enrolments"/> (already scoped), each worked out first where its learner's
    /// work changed since: what the dashboard and its exports read, so a view costs rows read and summed in SQL, not
    /// portfolios evaluated.
    /// </summary>
    public static async Task<KeptTracks> ReadAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, IQueryable<Enrolment> enrolments, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        await RefreshAsync(db, catalogue, enrolments, today, cancellationToken);
        return new KeptTracks(db, catalogue, enrolments, today);
    }

    /// <summary>The enrolments whose kept standing for today passes <paramref name="standing"/> and is current (<paramref name="current"/> true), or that have no current one (false).</summary>
    public static IQueryable<Enrolment> Current(AttestDbContext db, IQueryable<Enrolment> enrolments, DateOnly today, bool current = true, Func<IQueryable<TrackedStanding>, IQueryable<TrackedStanding>>? standing = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = (standing ?? (s => s))(db.TrackedStandings.Where(s => s.Day == today && s.Engines == Engines));
        return current
            ? enrolments.Where(e => rows.Any(s => s.EnrolmentId == e.Id && s.Stamp == e.ProgressStamp))
            : enrolments.Where(e => !rows.Any(s => s.EnrolmentId == e.Id && s.Stamp == e.ProgressStamp));
    }
}
