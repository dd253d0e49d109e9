using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Reviews;

/// <summary>A review with its signatures, newest review first.</summary>
public sealed record ReviewWithSignatures(ProgressReview Review, IReadOnlyList<ProgressReviewSignature> Signatures)
{
    public bool IsComplete => ProgressReview.IsComplete(Signatures);

    public ProgressReviewSignature? SignatureOf(ReviewParty party) => Signatures.FirstOrDefault(s => s.Party == party);
}

/// <summary>What the assessor, the apprentice and the employer pages share: reading an enrolment's reviews, and one party's signature.</summary>
public static class ProgressReviews
{
    public static Task<IReadOnlyList<ReviewWithSignatures>> OfAsync(AttestDbContext db, IQueryable<Enrolment> enrolments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return WithSignaturesAsync(db, db.ProgressReviews.Where(r => enrolments.Any(e => e.Id == r.EnrolmentId)), cancellationToken);
    }

    /// <summary>The one review <paramref name="reviewId"/> of <paramref name="enrolments"/> with its signatures, or null.</summary>
    public static async Task<ReviewWithSignatures?> OneAsync(AttestDbContext db, IQueryable<Enrolment> enrolments, Guid? reviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await WithSignaturesAsync(db, db.ProgressReviews.Where(r => r.Id == reviewId && enrolments.Any(e => e.Id == r.EnrolmentId)), cancellationToken)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<ReviewWithSignatures>> WithSignaturesAsync(AttestDbContext db, IQueryable<ProgressReview> matching, CancellationToken cancellationToken)
    {
        var reviews = await matching.AsNoTracking().ToListAsync(cancellationToken);
        var ids = reviews.Select(r => r.Id).ToList();
        var signatures = (await db.ProgressReviewSignatures.AsNoTracking().Where(s => ids.Contains(s.ReviewId)).ToListAsync(cancellationToken)).ToLookup(s => s.ReviewId);
        return [.. reviews.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.RecordedAt).Select(r => new ReviewWithSignatures(r, [.. signatures[r.Id].OrderBy(s => s.SignedAt)]))];
    }

    /// <summary>
    /// Adds the party's signature and its ledger entry to the save; a second signature by the same party is refused with a
    /// message (and by the database's unique index when two arrive together). Returns false when the review is not among
    /// <paramref name="enrolments"/>.
    /// </summary>
    public static async Task<bool> SignAsync(AttestDbContext db, IQueryable<Enrolment> enrolments, Guid reviewId, ReviewParty party, string signerRole, Guid signerId, string signerName, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var review = await db.ProgressReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId && enrolments.Any(e => e.Id == r.EnrolmentId), cancellationToken);
        if (review is null)
        {
            return false;
        }

        var existing = await db.ProgressReviewSignatures.AsNoTracking().Where(s => s.ReviewId == reviewId).ToListAsync(cancellationToken);
        var signature = ProgressReviewSignature.Sign(review, existing, party, ReviewSignedVia.Account, signerId, signerName, now);
        db.ProgressReviewSignatures.Add(signature);
        db.Sign(signature, signerRole, signerId, signerName, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
