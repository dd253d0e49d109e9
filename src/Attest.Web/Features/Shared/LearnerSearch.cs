using Attest.Core.Data;
using Attest.Core.Portfolios;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Shared;

/// <summary>
/// Finding learners in a long list of enrolments, composed in the database: a search on name, ULN or candidate number,
/// the order by name, and the ids of one page, so that a list of 1,000 learners reads one page of them, not all.
/// </summary>
public static class LearnerSearch
{
    public const int PageSize = 25;

    /// <summary>The enrolments whose learner's name, ULN or awarding body candidate number contains the words typed; all of them when nothing is typed.</summary>
    public static IQueryable<Enrolment> Matching(this IQueryable<Enrolment> enrolments, AttestDbContext db, string? search)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(search))
        {
            return enrolments;
        }

        var q = search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(...) LIKE: no .NET culture is involved
        var learners = db.Candidates.Where(c => (c.GivenName + " " + c.FamilyName).ToLower().Contains(q) || c.Uln.ToLower().Contains(q)
            || (c.AwardingBodyCandidateNumber != null && c.AwardingBodyCandidateNumber.ToLower().Contains(q)));
#pragma warning restore CA1304, CA1311, CA1862
        return enrolments.Where(e => learners.Any(c => c.Id == e.CandidateId));
    }

    /// <summary>The count of the enrolments and the ids of the page asked for, ordered by family name, given name and enrolment, with a pager whose links keep the search.</summary>
    public static async Task<(Pager Pager, IReadOnlyList<Guid> Ids)> PageAsync(
        this IQueryable<Enrolment> enrolments, AttestDbContext db, string? page, Func<int, string> link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pager = new Pager(Pager.Parse(page), PageSize, await enrolments.CountAsync(cancellationToken), link);
        var ids = await enrolments.Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.Id, e.CreatedAt, c.FamilyName, c.GivenName })
            .OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName).ThenBy(x => x.CreatedAt).ThenBy(x => x.Id)
            .Skip(pager.Skip).Take(PageSize).Select(x => x.Id).ToListAsync(cancellationToken);
        return (pager, ids);
    }
}
