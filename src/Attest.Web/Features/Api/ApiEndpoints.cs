using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Qualifications;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Api;

/// <summary>
/// The REST API a college MIS reads (issue 5): candidates, enrolments, progress per unit and criterion, and claims.
/// Read-only, token-authenticated per centre (<see cref="ApiTokenAuthentication"/>), scoped by the same query filter as
/// the pages: another centre's ids are 404. Described at <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string Policy = "api";

    private const int PageSize = 200;

    public static void MapAttestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).AddEndpointFilter(async (context, next) =>
        {
            return await context.HttpContext.RequestServices.GetRequiredService<SharedRateLimiter>().AllowAsync(RateLimit.Api, context.HttpContext, context.HttpContext.RequestAborted)
                ? await next(context)
                : Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"At most {RateLimit.Api.Limit} requests a minute from one address; try again after the number of seconds in Retry-After.");
        }).WithTags("Attest");
        api.MapGet("/candidates", ListCandidatesAsync).WithName("ListCandidates").WithSummary("The centre's candidates, a page at a time.");
        api.MapGet("/candidates/{candidateId:guid}", GetCandidateAsync).WithName("GetCandidate").WithSummary("One candidate.");
        api.MapGet("/enrolments", ListEnrolmentsAsync).WithName("ListEnrolments").WithSummary("The centre's enrolments, a page at a time.");
        api.MapGet("/enrolments/{enrolmentId:guid}/progress", GetProgressAsync).WithName("GetProgress").WithSummary("Progress per unit and assessment criterion.");
        api.MapGet("/claims", ListClaimsAsync).WithName("ListClaims").WithSummary("Certification claims, optionally between two claim dates.");
    }

    /// <summary>The page asked for, from 1; a page far past the end is simply empty (and cannot overflow the offset).</summary>
    private static int PageNumber(int? page) => Math.Clamp(page ?? 1, 1, int.MaxValue / PageSize);

    private static async Task<Ok<ApiPage<ApiCandidate>>> ListCandidatesAsync(AttestDbContext db, int? page, CancellationToken cancellationToken)
    {
        var number = PageNumber(page);
        var total = await db.Candidates.CountAsync(cancellationToken);
        var candidates = await db.Candidates.AsNoTracking().OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ThenBy(c => c.Id)
            .Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var enrolments = (await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.CandidateId)).Select(e => new { e.CandidateId, e.Id }).ToListAsync(cancellationToken))
            .ToLookup(e => e.CandidateId, e => e.Id);
        return TypedResults.Ok(new ApiPage<ApiCandidate>(
            [.. candidates.Select(c => new ApiCandidate(c.Id, c.GivenName, c.FamilyName, c.Uln, c.AwardingBodyCandidateNumber, [.. enrolments[c.Id]]))], number, PageSize, total));
    }

    private static async Task<Results<Ok<ApiCandidate>, NotFound>> GetCandidateAsync(AttestDbContext db, Guid candidateId, CancellationToken cancellationToken)
    {
        var c = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(x => x.Id == candidateId, cancellationToken);
        if (c is null)
        {
            return TypedResults.NotFound();
        }

        var enrolments = await db.Enrolments.Where(e => e.CandidateId == c.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ApiCandidate(c.Id, c.GivenName, c.FamilyName, c.Uln, c.AwardingBodyCandidateNumber, enrolments));
    }

    private static async Task<Ok<ApiPage<ApiEnrolment>>> ListEnrolmentsAsync(AttestDbContext db, Core.Qualifications.Catalogue catalogue, int? page, CancellationToken cancellationToken)
    {
        var number = PageNumber(page);
        var total = await db.Enrolments.CountAsync(cancellationToken);
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Units).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var assessorIds = enrolments.Select(e => e.AssessorId).OfType<Guid>().Distinct().ToList();
        var assessors = await db.Users.Where(u => assessorIds.Contains(u.Id) && u.CentreId == db.CurrentCentreId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return TypedResults.Ok(new ApiPage<ApiEnrolment>(
            [.. enrolments.Select(e => new ApiEnrolment(e.Id, e.CandidateId, e.QualificationCode, catalogue.Of(e)?.Title ?? e.QualificationCode, e.RegisteredOn,
                e.AssessorId is Guid a ? assessors.GetValueOrDefault(a) : null, [.. e.Units.Select(u => u.UnitCode)]))],
            number, PageSize, total));
    }

    private static async Task<Results<Ok<ApiProgress>, NotFound>> GetProgressAsync(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock, Guid enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Units).SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        var standing = enrolment is null ? null : (await EnrolmentProgress.ForEnrolmentsAsync(db, catalogue, [enrolment], cancellationToken)).SingleOrDefault();
        if (standing is null)
        {
            return TypedResults.NotFound();
        }

        var forecast = standing.Forecast(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var standingName = forecast.Rag switch { Rag.Green => "on-track", Rag.Amber => "at-risk", Rag.Red => "behind", _ => null };
        return TypedResults.Ok(new ApiProgress(enrolmentId, standing.Qualification.Code, standing.Enrolment.PlannedEndDate, forecast.PredictedCompletion, standingName, [.. standing.Units.Select(u => new ApiUnitProgress(
            u.Unit.Code, u.Unit.Title,
            u.IsSignedOff ? "signed-off" : u.Progress.Criteria.Any(c => c.Status != CriterionStatus.NotYetAssessed) ? "in-progress" : "not-started",
            u.IsSignedOff ? DateOnly.FromDateTime(u.SignOff!.SignedAt) : null, u.IsSignedOff ? u.SignOff!.Grade : null,
            u.Progress.Met, u.Progress.Total,
            [.. u.Progress.Criteria.Select(c => new ApiCriterion(c.Criterion.Ref, c.Status switch { CriterionStatus.Met => "met", CriterionStatus.NotYetMet => "not-yet-met", _ => "not-assessed" }, c.WhyNotMet))]))]));
    }

    private static async Task<Ok<List<ApiClaim>>> ListClaimsAsync(AttestDbContext db, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var claims = db.CertificationClaims.AsNoTracking();
        if (from is { } start)
        {
            claims = claims.Where(c => c.ClaimDate >= start);
        }

        if (to is { } end)
        {
            claims = claims.Where(c => c.ClaimDate <= end);
        }

        return TypedResults.Ok((await claims.OrderBy(c => c.ClaimDate).ThenBy(c => c.SignedAt).Take(5000).ToListAsync(cancellationToken))
            .Select(c => new ApiClaim(c.Id, c.ClaimDate, c.Scope.ToString().ToLowerInvariant(), c.CandidateId, c.Uln, c.CandidateNumber, c.QualificationCode,
                [.. c.Lines.OrderBy(l => l.UnitCode, StringComparer.Ordinal).Select(l => new ApiClaimedUnit(l.UnitCode, l.AchievedOn, l.Grade))]))
            .ToList());
    }
}
