using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Witness;

/// <summary>
/// Keeps a testimony as evidence: the item (through the one intake), the testimony, its mappings to the criteria the
/// witness was asked about, the witness's signature and the link marked used, all in one save. Of two submissions of one
/// link at once, one is kept (a unique index on the link) and the other is told the link was used.
/// </summary>
public sealed class TestimonyIntake(AttestDbContext db, EvidenceIntake intake, TimeProvider clock)
{
    public sealed class LinkAlreadyUsedException : Exception
    {
        public LinkAlreadyUsedException()
            : base("This link has already been used: a testimony can be written only once.")
        {
        }

        public LinkAlreadyUsedException(string message)
            : base(message)
        {
        }

        public LinkAlreadyUsedException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }

    /// <summary>
    /// Someone signed in who keeps the testimony and signs it in their role: the assessor transcribing a paper or spoken one
    /// (<see cref="Roles.Assessor"/>), or the line manager writing their own in their employer account (<see cref="Roles.Employer"/>).
    /// </summary>
    public sealed record SignedInAuthor(Guid Id, string Name, string Role)
    {
        public TestimonySource Source => Role == Roles.Employer ? TestimonySource.EmployerAccount : TestimonySource.Transcribed;
    }

    /// <param name="author">Null for a testimony written through the link <paramref name="request"/>.</param>
    public async Task<EvidenceItem> KeepAsync(
        Core.Assessment.Witness witness, Enrolment enrolment, WitnessRequest? request, IReadOnlyList<(string Unit, string Ref)> targets, TestimonyDetails details,
        SignedInAuthor? author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(witness);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(targets);
        var now = clock.GetUtcNow().UtcDateTime;
        var source = author?.Source ?? TestimonySource.WitnessLink;
        var testimony = WitnessTestimony.Create(witness, request?.Id, source, details, source == TestimonySource.Transcribed ? author!.Id : null, DateOnly.FromDateTime(now), now);
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == enrolment.CandidateId, cancellationToken);
        if (request is not null)
        {
            request.UsedAt = now;
        }

        var evidence = new EvidenceDetails($"Witness testimony from {witness.Name}", null, testimony.Render(), details.ActivityDate, details.ActivityDate,
            Core.Qualifications.EvidenceContext.RealWork, null, Occasions.None, null, null);
        try
        {
            return await intake.KeepAsync(candidate, author?.Id ?? Guid.Empty, EvidenceKind.WitnessTestimony, evidence, null, cancellationToken, related: kept =>
            {
                var bound = testimony.For(kept);
                var signature = author is { } a
                    ? LedgerEntry.Sign(enrolment.CentreId, bound, a.Role, a.Id, a.Name, now)
                    : LedgerEntry.Sign(enrolment.CentreId, bound, "Witness", null, details.SignatureName?.Trim() ?? witness.Name, now);
                return [bound, signature, .. targets.Select(x => new EvidenceMapping
                {
                    CentreId = enrolment.CentreId, EvidenceItemId = kept.Id, EnrolmentId = enrolment.Id, UnitCode = x.Unit, CriterionRef = x.Ref, CreatedAt = now,
                })];
            });
        }
        catch (DbUpdateException e) when (request is not null)
        {
            db.ChangeTracker.Clear();
            if (await db.WitnessTestimonies.AsNoTracking().AnyAsync(t => t.RequestId == request.Id, cancellationToken))
            {
                throw new LinkAlreadyUsedException("This link has already been used: a testimony can be written only once.", e);
            }

            throw;
        }
    }

    /// <summary>"unit|criterion" pairs from a request's or a form's targets, kept to the enrolment's units.</summary>
    public static IReadOnlyList<(string Unit, string Ref)> Targets(IEnumerable<string> values, Enrolment enrolment) =>
        [.. values.Select(v => v.Split('|', 2)).Where(p => p.Length == 2 && enrolment.HasUnit(p[0])).Select(p => (p[0], p[1])).Distinct()];
}
