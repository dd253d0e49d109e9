using Attest.Core.Centres;

namespace Attest.Core.Apprenticeships;

/// <summary>
/// A single-use, expiring link an employer contact without an account signs a progress review through (issue 17: "the
/// employer through their account or a single-use link like the witness's"). The shape of <see cref="Assessment.WitnessRequest"/>:
/// only the SHA-256 of its secret is kept, and it is marked used when the review is signed through it.
/// </summary>
public sealed class ReviewSignRequest : ICentreOwned
{
    /// <summary>How long a link works: long enough for a busy line manager, short enough that a forgotten mail goes stale.</summary>
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    private ReviewSignRequest()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid ReviewId { get; private init; }

    /// <summary>The review's enrolment, kept here too so a learner's erasure finds the row.</summary>
    public Guid EnrolmentId { get; private init; }

    /// <summary>The employer contact asked to sign: the signature carries their name.</summary>
    public Guid ContactId { get; private init; }

    public string SecretSha256 { get; private init; } = string.Empty;

    public DateTime ExpiresAt { get; private init; }

    public DateTime? UsedAt { get; private set; }

    public Guid CreatedBy { get; private init; }

    public DateTime CreatedAt { get; private init; }

    /// <summary>
    /// A new link for <paramref name="contact"/> to sign <paramref name="review"/> as the employer, and its token
    /// (<see cref="Security.CapabilityToken"/>), to be mailed once. Refused when the review is signed for the employer
    /// already, or when the contact has no email address to send it to.
    /// </summary>
    public static (ReviewSignRequest Request, string Token) Issue(ProgressReview review, IEnumerable<ProgressReviewSignature> signatures, EmployerContact contact, Guid createdBy, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(signatures);
        var reasons = new List<(string Field, string Message)>();
        if (signatures.FirstOrDefault(s => s.Party == ReviewParty.Employer) is { } signed)
        {
            reasons.Add(("ReviewId", AlreadySigned(signed)));
        }

        if (contact.Email is null)
        {
            reasons.Add(("ContactId", $"{contact.Name} has no email address to send the link to: the centre administrator adds one on the employer's page"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var (token, secretSha256) = Security.CapabilityToken.Issue(review.CentreId);
        var request = new ReviewSignRequest
        {
            CentreId = review.CentreId, ReviewId = review.Id, EnrolmentId = review.EnrolmentId, ContactId = contact.Id, SecretSha256 = secretSha256,
            ExpiresAt = now + ValidFor, CreatedBy = createdBy, CreatedAt = now,
        };
        return (request, token);
    }

    /// <summary>Why the link cannot be used now (used, expired, or the review signed for the employer another way), or null when it can.</summary>
    public string? Refusal(IEnumerable<ProgressReviewSignature> signatures, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        return UsedAt is not null ? "This link has already been used: the review was signed through it. Each link signs once."
            : signatures.FirstOrDefault(s => s.Party == ReviewParty.Employer) is { } signed ? AlreadySigned(signed)
            : now > ExpiresAt ? $"This link expired on {ExpiresAt:d MMMM yyyy}. Ask the assessor for a new link."
            : null;
    }

    /// <summary>Signs the review as the employer through this link, in the contact's name, and spends the link; refused as <see cref="Refusal"/> says.</summary>
    public ProgressReviewSignature Sign(ProgressReview review, IReadOnlyCollection<ProgressReviewSignature> signatures, EmployerContact contact, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(contact);
        if (review.Id != ReviewId || contact.Id != ContactId)
        {
            throw new InvalidOperationException("The link names another review or contact.");
        }

        if (Refusal(signatures, now) is { } refusal)
        {
            throw new DomainRuleException(refusal, "Signature");
        }

        UsedAt = now;
        return ProgressReviewSignature.Sign(review, signatures, ReviewParty.Employer, ReviewSignedVia.Link, null, contact.Name, now);
    }

    private static string AlreadySigned(ProgressReviewSignature signature) =>
        $"This review is already signed for the employer by {signature.SignerName} on {signature.SignedAt:d MMMM yyyy}: the employer signs it once.";
}
