using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Attest.Tests.Features;

/// <summary>Issue 5: "The API's OpenAPI document validates, and every API route is covered by the tenancy sweep."</summary>
public partial class ApiTests
{
    private static List<string> ApiRoutes(AttestFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')).Where(r => r.StartsWith("api/", StringComparison.Ordinal)).Distinct().ToList();

    /// <summary>The administrator makes a token at /Admin/Api; it is on that response only.</summary>
    internal static async Task<string> IssueTokenAsync(AttestFactory app, SeededCentre centre, string name = "College MIS")
    {
        var admin = await app.SignedInAsync(centre.Admin);
        var page = await (await admin.PostFormAsync("/Admin/Api", new() { ["Name"] = name })).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "no token on the page");
        Assert.DoesNotContain(token.Value, await admin.GetStringAsync("/Admin/Api"), StringComparison.Ordinal); // shown once
        return token.Value;
    }

    internal static HttpClient Client(AttestFactory app, string? token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    [Fact]
    public async Task The_OpenAPI_document_validates_and_describes_every_API_route_with_its_bearer_scheme()
    {
        using var app = new AttestFactory(DatabaseProvider.Sqlite);
        using var anonymous = Client(app, null);
        var json = await anonymous.GetStringAsync("/openapi/v1.json");

        var (document, diagnostic) = OpenApiDocument.Parse(json, "json");
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.Empty(document.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet())!);
        Assert.Equal(ApiRoutes(app).Select(r => "/" + r.Replace(":guid", string.Empty, StringComparison.Ordinal)).Order(), document.Paths.Keys.Order());
        Assert.Equal("bearer", document.Components!.SecuritySchemes!["bearer"].Scheme);
        Assert.All(document.Paths.Values.SelectMany(p => p.Operations!.Values), o => Assert.False(string.IsNullOrEmpty(o.Summary)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_centres_token_reads_its_candidates_enrolments_progress_and_claims(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var mis = Client(app, await IssueTokenAsync(app, app.A));

        using var candidates = JsonDocument.Parse(await mis.GetStringAsync("/api/v1/candidates"));
        Assert.Equal(2, candidates.RootElement.GetProperty("total").GetInt32());
        Assert.Contains(candidates.RootElement.GetProperty("items").EnumerateArray(), c => c.GetProperty("uln").GetString() == "1234567899" && c.GetProperty("givenName").GetString() == "Cara");
        using var enrolments = JsonDocument.Parse(await mis.GetStringAsync("/api/v1/enrolments"));
        Assert.Contains(enrolments.RootElement.GetProperty("items").EnumerateArray(), e => e.GetProperty("qualificationCode").GetString() == "03456" && e.GetProperty("assessor").GetString() == "assessor A");
        DateOnly plannedEnd;
        await using (var db = app.Db(app.A.Id))
        {
            var enrolment = await db.Enrolments.SingleAsync(e => e.Id == app.A.EnrolmentId);
            plannedEnd = enrolment.RegisteredOn.AddYears(1);
            enrolment.PlanEnd(plannedEnd);
            await db.SaveChangesAsync();
        }

        using var progress = JsonDocument.Parse(await mis.GetStringAsync($"/api/v1/enrolments/{app.A.EnrolmentId}/progress"));
        // Nothing met yet on the day of registration: no pace to predict from, and on track (issue 13: it said at risk on day one).
        Assert.Equal((plannedEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), JsonValueKind.Null, "on-track"),
            (progress.RootElement.GetProperty("plannedEnd").GetString(), progress.RootElement.GetProperty("predictedCompletion").ValueKind, progress.RootElement.GetProperty("standing").GetString()));
        var c3 = progress.RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "C3");
        Assert.Equal(("not-started", 0), (c3.GetProperty("status").GetString(), c3.GetProperty("criteriaMet").GetInt32()));
        Assert.Contains(c3.GetProperty("criteria").EnumerateArray(), c => c.GetProperty("ref").GetString() == "1.1" && c.GetProperty("status").GetString() == "not-assessed");
        Assert.Equal(0, JsonDocument.Parse(await mis.GetStringAsync("/api/v1/claims")).RootElement.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_API_route_is_404_or_empty_to_another_centres_token_and_401_without_a_valid_token(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var routes = ApiRoutes(app);
        Assert.Equal(5, routes.Count);
        var tokenA = await IssueTokenAsync(app, app.A);
        using var otherCentre = Client(app, await IssueTokenAsync(app, app.B));
        using var signedIn = await app.SignedInAsync(app.A.Admin); // a browser session is not an API token
        using var none = Client(app, null);
        using var forged = Client(app, tokenA[..^4] + "0000");
        using var wrongCentre = Client(app, tokenA.Replace(app.A.Id.ToString("N"), app.B.Id.ToString("N"), StringComparison.Ordinal));

        foreach (var route in routes)
        {
            var url = AccessSweepTests.Fill(route, app.A, app.A.EnrolmentId, "C3");
            var response = await otherCentre.GetAsync(url);
            if (route.Contains('{', StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"centre B's token GET {url}: {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"centre B's token GET {url}: {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { "Centrea", app.A.CandidateId.ToString(), app.A.EnrolmentId.ToString(), "1234567899\",\"candidateNumber\":null,\"enrolments\":[\"" + app.A.EnrolmentId })
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }

            foreach (var (who, client) in new[] { ("no token", none), ("a sign-in cookie", signedIn), ("a forged secret", forged), ("centre A's secret under centre B's id", wrongCentre) })
            {
                Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.Unauthorized, $"{who} GET {url}");
            }

            // Read-only: no other method is mapped.
            await ProblemAsync(await otherCentre.PostAsync(url, null), HttpStatusCode.MethodNotAllowed, $"POST {url}");
        }

        // Revoked: refused at once.
        var admin = await app.SignedInAsync(app.A.Admin);
        using var mis = Client(app, tokenA);
        Assert.Equal(HttpStatusCode.OK, (await mis.GetAsync("/api/v1/candidates")).StatusCode);
        var tokenId = Regex.Match(await admin.GetStringAsync("/Admin/Api"), "name=\"tokenId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Api?handler=Revoke", new() { ["tokenId"] = tokenId }, tokenFrom: "/Admin/Api")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await mis.GetAsync("/api/v1/candidates")).StatusCode);
    }

    /// <summary>An API error as a program reads it: RFC 9457 problem details in JSON, with no trace of the code behind it.</summary>
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string request)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{request}: {(int)response.StatusCode}, expected {(int)status}; {body[..Math.Min(body.Length, 300)]}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{request}: {response.Content.Headers.ContentType}, expected problem details");
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Attest.", body, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()), $"{request}: a problem needs a title");
        return problem;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_query_value_of_the_wrong_type_is_400_problem_details_naming_the_parameter(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var mis = Client(app, await IssueTokenAsync(app, app.A));

        foreach (var (url, parameter) in new[]
        {
            ("/api/v1/candidates?page=abc", "page"), ("/api/v1/enrolments?page=abc", "page"), ("/api/v1/candidates?page=99999999999999999999", "page"),
            ("/api/v1/claims?from=abc", "from"), ("/api/v1/claims?to=2026-02-30", "to"), ("/api/v1/claims?from=2026-01-01&to=" + new string('9', 100_000), "to"),
        })
        {
            var problem = await ProblemAsync(await mis.GetAsync(url), HttpStatusCode.BadRequest, "GET " + url[..Math.Min(url.Length, 80)]);
            Assert.Contains($" {parameter}\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // Values of the right type still work: a page far past the end is empty, and dates filter claims.
        Assert.Equal(HttpStatusCode.OK, (await mis.GetAsync("/api/v1/candidates?page=-3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mis.GetAsync("/api/v1/claims?from=2026-01-01&to=2026-12-31")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_valid_token_on_an_unknown_route_or_id_is_404_and_on_a_wrong_method_405_as_problem_details(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var mis = Client(app, await IssueTokenAsync(app, app.A));
        using var none = Client(app, null);

        foreach (var url in new[] { "/api/v1/nothing-here", "/api/v2/candidates", "/api/v1/candidates/not-a-guid", "/api/v1/enrolments/12345/progress", $"/api/v1/candidates/{Guid.NewGuid()}", $"/api/v1/enrolments/{Guid.NewGuid()}/progress" })
        {
            await ProblemAsync(await mis.GetAsync(url), HttpStatusCode.NotFound, "GET " + url);
            // Without a token nothing is told, not even whether the route exists.
            await ProblemAsync(await none.GetAsync(url), HttpStatusCode.Unauthorized, "GET " + url + " without a token");
        }

        await ProblemAsync(await mis.PostAsync("/api/v1/candidates", null), HttpStatusCode.MethodNotAllowed, "POST /api/v1/candidates");
        await ProblemAsync(await mis.DeleteAsync($"/api/v1/candidates/{app.A.CandidateId}"), HttpStatusCode.MethodNotAllowed, "DELETE a candidate");
    }

    [GeneratedRegex("attest_[0-9a-f]{32}\\.[0-9a-f]{64}")]
    private static partial Regex TokenPattern();
}
