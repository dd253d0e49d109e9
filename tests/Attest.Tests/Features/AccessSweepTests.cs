using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Tests.Features.Uploads;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// security.md tests 1-2, over every routed page and endpoint the app maps (found from the endpoint data
/// source, so a new route is swept without anyone remembering): a user of another centre gets 404 for
/// centre A's objects; a user of the wrong role gets 403 or 404; a candidate cannot reach another
/// candidate's objects, nor an assessor an unassigned candidate's. GET and POST both, and nothing changes.
/// </summary>
public partial class AccessSweepTests
{
    /// <summary>Routes any signed-in user may see, because they hold no centre data.</summary>
    private static readonly HashSet<string> Open =
    [
        "", "Index", "Error", "Account/SignIn", "Account/SignOut", "Catalogue", "Catalogue/{code}", "Catalogue/{code}/Units/{unitCode}", "Catalogue/Standards/{reference}", "health", "health/ready", "health/live", "Witness/{token}/Thanks", "Reviews/{token}/Signed", "openapi/{documentName}.json",
        // Signing in: forgotten password, the second step, single sign-on (PeopleTests, TwoFactorTests and the single sign-on journey test them).
        "Account/ForgotPassword", "Account/SignIn/TwoFactor", "Account/Sso", "Account/Sso/Index", "Account/Sso/Complete", "Account/Sso/{number}",
    ];

    /// <summary>Each signed-in person's own account pages, whatever their role: they show only that person's own data.</summary>
    private static readonly HashSet<string> Personal = ["Account", "Account/Index", "Account/ChangePassword", "Account/TwoFactor"];

    /// <summary>Routes a visitor with no account reaches by a capability link (tested with and without the link in WitnessTests, PeopleTests and ReviewLinkTests).</summary>
    private static readonly HashSet<string> ByLink = ["Witness/{token}", "Account/Password/{token}", "Reviews/{token}"];

    /// <summary>Every page and endpoint but the REST API, which takes tokens, not sign-ins (swept in ApiTests).</summary>
    private static List<string> Routes(AttestFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.StartsWith("api/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    /// <summary>The methods a route's endpoints declare (the tus endpoints); pages declare none and are tried with GET and POST.</summary>
    private static HttpMethod[] MethodsOf(AttestFactory app, string route)
    {
        var declared = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/') == route)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct()
            .Select(m => new HttpMethod(m))
            .ToArray();
        return declared.Length > 0 ? declared : [HttpMethod.Get, HttpMethod.Post];
    }

    /// <summary>Fills a route's parameters with centre A's objects; fails for a parameter it has not been taught.</summary>
    /// <remarks>An upload id is needed only where the upload's owner matters; elsewhere any id is refused before it is looked up.</remarks>
    internal static string Fill(string route, SeededCentre a, Guid enrolmentId, string unitCode, string? uploadId = null)
    {
        // The seed makes no candidate import: CandidateImportTests check a real one against another centre and the wrong roles.
        route = route.StartsWith("Admin/Candidates/Import/", StringComparison.Ordinal) ? route.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal) : route;
        var url = route
            .Replace("{id:guid}", route.StartsWith("Admin/Candidates", StringComparison.Ordinal) ? a.CandidateId.ToString()
                : route.StartsWith("Admin/Enrolments", StringComparison.Ordinal) ? a.EnrolmentId.ToString()
                : route.StartsWith("Admin/Staff", StringComparison.Ordinal) ? a.AssessorUserId.ToString()
                : route.StartsWith("Admin/Employers", StringComparison.Ordinal) ? a.EmployerId.ToString()
                : a.EvidenceId.ToString(), StringComparison.Ordinal)
            .Replace("{id:guid?}", a.EvidenceId.ToString(), StringComparison.Ordinal)
            .Replace("{enrolmentId:guid}", enrolmentId.ToString(), StringComparison.Ordinal)
            .Replace("{unitCode}", unitCode, StringComparison.Ordinal)
            .Replace("{uploadId}", uploadId ?? Guid.NewGuid().ToString("N"), StringComparison.Ordinal)
            .Replace("{planNumber:int}", "1", StringComparison.Ordinal)
            .Replace("{witnessId:guid}", a.WitnessId.ToString(), StringComparison.Ordinal)
            .Replace("{token}", a.WitnessToken, StringComparison.Ordinal)
            .Replace("{number}", a.Number, StringComparison.Ordinal)
            // The seed makes no claim, sampling plan or EQA visit: ClaimTests, SamplingJourneyTests and EqaVisitTests check real ones against
            // another centre and the wrong roles.
            .Replace("{claimId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{planId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{visitId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            // The seed maps nothing: MappingInOneGoTests check a real mapping against another centre and the wrong roles.
            .Replace("{mappingId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            // The seed adds no specification of its own: SpecificationVersionTests check a centre's own against another centre and the wrong roles.
            .Replace("{code}", "NOT-SEEDED", StringComparison.Ordinal)
            .Replace("{reference}", "SAMPLE-CS3", StringComparison.Ordinal)
            .Replace("{candidateId:guid}", a.CandidateId.ToString(), StringComparison.Ordinal)
            .Replace("{contactId:guid}", a.EmployerContactId.ToString(), StringComparison.Ordinal);
        Assert.False(url.Contains('{', StringComparison.Ordinal), $"The access sweep does not know how to fill the parameters of /{route}: teach AccessSweepTests.Fill.");
        return "/" + url;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_route_with_a_centres_object_is_404_to_every_user_of_another_centre(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider, services: s => s.AddSingleton<IStartupFilter, RouteSweepTests.AddressFromHeader>()).SeedAsync();
        var routes = Routes(app).Where(r => !Open.Contains(r) && !Personal.Contains(r)).ToList();
        Assert.Contains("Evidence/{id:guid}/Download", routes);
        var before = await CountRowsAsync(app, app.A.Id);
        using var owner = await app.SignedInAsync(app.A.Candidate);
        var upload = await Tus.CreateAsync(owner, 10);

        foreach (var (user, number) in app.B.Everyone.Select((user, i) => (user, i + 1)))
        {
            using var client = await app.SignedInAsync(user);
            // Each person from an address of their own, so that the per-address limit on capability links (WitnessTests test
            // it) does not answer in place of the access rules.
            client.DefaultRequestHeaders.Add(RouteSweepTests.AddressFromHeader.Header, $"10.1.0.{number}");
            foreach (var route in routes.Where(r => r.Contains('{', StringComparison.Ordinal)))
            {
                var url = Fill(route, app.A, app.A.EnrolmentId, "C3", upload.Split('/')[^1]);
                foreach (var method in MethodsOf(app, route))
                {
                    var response = await SendAsync(client, method, url);
                    Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed,
                        $"{user} {method} {url}: {(int)response.StatusCode}, expected 404 (403 for a role that never reaches the page, 405 where the page takes no {method})");
                    // Words, not random tokens: a form token's base64 may contain "Cara" by chance.
                    var body = FormToken().Replace(await response.Content.ReadAsStringAsync(), string.Empty);
                    Assert.DoesNotContain("Cara", body, StringComparison.Ordinal);
                    Assert.DoesNotContain("Seeded evidence", body, StringComparison.Ordinal);
                }
            }
        }

        Assert.Equal(before, await CountRowsAsync(app, app.A.Id));
        Assert.Equal(0, await Tus.OffsetAsync(owner, upload));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_role_restricted_route_is_403_or_404_to_the_wrong_role(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        // A witness link is a capability: whoever holds it may write the testimony, whatever their role (but candidates, below).
        var routes = Routes(app).Where(r => !Open.Contains(r) && !Personal.Contains(r) && !ByLink.Contains(r)).ToList();
        var roleOf = new Dictionary<string, string>
        {
            [app.A.Admin] = "Admin", [app.A.Assessor] = "Assessor", [app.A.Iqa] = "Iqa", [app.A.Eqa] = "Eqa", [app.A.Candidate] = "Candidate", [app.A.Employer] = "Employer",
        };

        foreach (var (user, role) in roleOf)
        {
            using var client = await app.SignedInAsync(user);
            // Evidence, portfolio and planning pages are shared by candidate, assessor and IQA and checked per object below
            // (progress pages, shared with the administrator too, in TrackingTests; gateway pages, the same, in GatewayTests);
            // the candidate's own uploads are checked per object in ResumableUploadTests.
            // The employer's line manager is refused all of them: their apprentice (this enrolment) is theirs on /Employer only.
            foreach (var route in routes.Where(r => !r.StartsWith(role, StringComparison.Ordinal)
                && !((r.StartsWith("Evidence/", StringComparison.Ordinal) || r.StartsWith("Portfolio/", StringComparison.Ordinal)) && role is not "Employer")
                && !(r.StartsWith("Planning/", StringComparison.Ordinal) && role is "Candidate" or "Assessor" or "Iqa")
                && !((r.StartsWith("Tracking/", StringComparison.Ordinal) || r.StartsWith("Gateway/", StringComparison.Ordinal)) && role is not ("Eqa" or "Employer"))
                && !(role == "Candidate" && r.StartsWith("uploads", StringComparison.Ordinal))))
            {
                var url = Fill(route, app.A, app.A.EnrolmentId, "C3");
                foreach (var method in MethodsOf(app, route))
                {
                    var response = await SendAsync(client, method, url);
                    // 405: the page takes no such method (the evidence page, which the employer is swept over), so nothing is reached.
                    Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{user} ({role}) {method} {url}: {(int)response.StatusCode}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Within_a_centre_a_candidate_sees_only_their_own_and_an_assessor_only_their_candidates(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var a = app.A;

        using var otherCandidate = await app.SignedInAsync(a.OtherCandidate);
        string[] objectUrls = [$"/Evidence/{a.EvidenceId}", $"/Evidence/{a.EvidenceId}/Download", $"/Portfolio/{a.EnrolmentId}", $"/Portfolio/{a.EnrolmentId}/Export", $"/Portfolio/{a.EnrolmentId}/Export?units=C3",
            $"/Planning/Enrolments/{a.EnrolmentId}", $"/Planning/Enrolments/{a.EnrolmentId}/Plans/1"];
        foreach (var url in objectUrls.Concat([$"/Candidate/Evidence/{a.EvidenceId}", $"/Candidate/Enrolments/{a.EnrolmentId}/Units/C3"]))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherCandidate.GetAsync(url)).StatusCode);
        }

        using var candidate = await app.SignedInAsync(a.Candidate);
        foreach (var client in new[] { candidate, otherCandidate })
        {
            var link = await client.GetAsync($"/Witness/{a.WitnessToken}");
            Assert.Equal(HttpStatusCode.Forbidden, link.StatusCode);
            Assert.Contains("A candidate cannot write a witness testimony", await link.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var unassigned = await app.SignedInAsync(a.OtherAssessor);
        Assert.Equal(HttpStatusCode.NotFound, (await unassigned.GetAsync($"/Assessor/Enrolments/{a.EnrolmentId}/Units/C3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unassigned.GetAsync($"/Assessor/Enrolments/{a.EnrolmentId}/Witnesses")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unassigned.GetAsync($"/Assessor/Enrolments/{a.EnrolmentId}/Witnesses/{a.WitnessId}/Transcribe")).StatusCode);
        foreach (var user in new[] { a.OtherAssessor, a.Admin, a.Eqa })
        {
            using var client = await app.SignedInAsync(user);
            foreach (var url in objectUrls)
            {
                // Roles that never plan are refused the planning folder outright (403); otherwise a miss is 404.
                var status = (await client.GetAsync(url)).StatusCode;
                Assert.True(status == HttpStatusCode.NotFound || (status == HttpStatusCode.Forbidden && url.StartsWith("/Planning/", StringComparison.Ordinal) && user != a.OtherAssessor), $"{user} GET {url}: {(int)status}");
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await unassigned.GetAsync($"/Planning/Enrolments/{a.EnrolmentId}/Write?kind=AssessmentPlan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCandidate.GetAsync($"/Planning/Enrolments/{a.EnrolmentId}/Write?kind=AssessmentPlan")).StatusCode);

        Assert.DoesNotContain("Cara", await unassigned.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        var decide = await unassigned.PostFormAsync($"/Assessor/Enrolments/{a.EnrolmentId}/Units/C3",
            Assess.DecisionFields([new("1.1", "Met", "x", "y")]), tokenFrom: "/Assessor");
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);

        foreach (var user in new[] { a.Candidate, a.Assessor, a.Iqa })
        {
            using var allowed = await app.SignedInAsync(user);
            foreach (var url in objectUrls)
            {
                Assert.True((await allowed.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{user} GET {url}");
            }
        }

        await using var db = app.Db(a.Id);
        Assert.Empty(await db.CriterionDecisions.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Signed_out_visitors_are_sent_to_sign_in_from_every_protected_route(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var route in Routes(app).Where(r => (!Open.Contains(r) || r == "Catalogue") && !ByLink.Contains(r)))
        {
            if (route.StartsWith("uploads", StringComparison.Ordinal))
            {
                // The tus endpoints answer a client, not a browser: 401 rather than a redirect.
                foreach (var method in MethodsOf(app, route))
                {
                    Assert.Equal(HttpStatusCode.Unauthorized, (await Tus.SendAsync(client, method, Fill(route, app.A, app.A.EnrolmentId, "C3"))).StatusCode);
                }

                continue;
            }

            var response = await client.GetAsync(Fill(route, app.A, app.A.EnrolmentId, "C3"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    /// <summary>A POST carries a valid antiforgery token for this user, so only the access rules can refuse it.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url)
    {
        if (method == HttpMethod.Get)
        {
            return await client.GetAsync(url);
        }

        if (method != HttpMethod.Post)
        {
            return await Tus.SendAsync(client, method, url);
        }

        return await client.PostFormAsync(url, new Dictionary<string, string>(Assess.DecisionFields([new("1.1", "Met", "x", "x")]))
        {
            ["Input.Title"] = "x", ["Input.Target"] = "x", ["AssessorId"] = Guid.NewGuid().ToString(), ["Input.CriterionRef"] = "1.1", ["Input.Outcome"] = "Met",
            ["Input.Justification"] = "x", ["Input.Feedback"] = "x", ["Input.QualificationCode"] = "03456", ["Input.RegisteredOn"] = "2026-11-01",
        }, tokenFrom: "/Catalogue");
    }

    private static async Task<int> CountRowsAsync(AttestFactory app, Guid centre)
    {
        await using var db = app.Db(centre);
        return await db.Candidates.CountAsync() + await db.Enrolments.CountAsync() + await db.EvidenceItems.CountAsync()
            + await db.EvidenceMappings.CountAsync() + await db.CriterionDecisions.CountAsync() + await db.EvidenceAcceptances.CountAsync()
            + await db.UnitSignOffs.CountAsync() + await db.AssessmentPlans.CountAsync() + await db.LedgerEntries.CountAsync() + await db.CentrePolicies.CountAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex("value=\"[A-Za-z0-9_\\-]{40,}\"")]
    private static partial System.Text.RegularExpressions.Regex FormToken();
}
