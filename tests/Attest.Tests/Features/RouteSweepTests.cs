using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Tests.Data;
using Attest.Tests.Features.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 13: "A sweep of every route (web pages, handlers, API, tus, downloads) with hostile input: wrong types, huge values,
/// missing fields, wrong methods, unknown ids; the test fails on any 5xx and on any page that shows a stack trace or internal
/// word." Routes, their handlers and the fields each binds come from the endpoint data source and the compiled pages, so a new
/// page, handler or field is swept without anyone adding it.
/// </summary>
public partial class RouteSweepTests(ITestOutputHelper output)
{
    private const string ApiClient = "the MIS's API token";

    private const string Visitor = "a visitor signed out";

    /// <summary>Values of the wrong type, too large, negative, impossible, empty, 100 kB long and full of markup, put in every field at once.</summary>
    private static readonly string[] HostileValues =
        ["abc", "-1", "99999999999999999999", "2026-02-30", "", new string('x', 100_000), "<script>alert(1)</script>'\";--%00\r\nSet-Cookie: x=1"];

    /// <summary>Route values: an id nobody has, not an id at all, a huge number, a path escape and 100 kB.</summary>
    private static readonly string[] HostileRouteValues =
        [Guid.NewGuid().ToString(), "not-a-guid", "99999999999999999999", "..%2F..%2Fetc%2Fpasswd", new string('x', 100_000)];

    /// <summary>Methods to try where a route does not take them: a form sent to a read-only page, PUT to a page with forms, POST to the API.</summary>
    private static readonly string[] OtherMethods = ["POST", "PUT", "DELETE", "PATCH"];

    /// <summary>The headers the tus protocol reads (the endpoint data source cannot say that a handler reads headers).</summary>
    private static readonly string[] TusHeaders = ["Upload-Length", "Upload-Offset", "Upload-Metadata", "Upload-Checksum", "Upload-Defer-Length"];

    /// <summary>What no answer may show: a stack trace, an exception's name, the database's or framework's insides, the word "seed".</summary>
    /// <remarks>Nothing before "Exception": a leading \w* would make a page echoing a 100 kB value take hours to search.</remarks>
    [GeneratedRegex(@"Exception\b| at Attest\.| at Microsoft\.| at System\.|Microsoft\.EntityFrameworkCore|Npgsql|SQLite Error|\b[Ss]eeds?\b")]
    private static partial Regex InternalWords();

    /// <summary>One thing a route does: a method, the page handler it names (if any), and the fields it reads.</summary>
    private sealed record RouteAction(string Route, string Method, string? Handler, IReadOnlyList<string> Fields)
    {
        public bool IsApi => Route.StartsWith("api/", StringComparison.Ordinal);

        public bool IsTus => Route.StartsWith("uploads", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_route_answers_hostile_input_with_no_5xx_and_nothing_of_the_code_behind_it(DatabaseProvider provider)
    {
        var clock = Stopwatch.StartNew();
        using var app = new AttestFactory(provider, services: s => s.AddSingleton<IStartupFilter, AddressFromHeader>());
        await app.SeedAsync();
        var real = await RealObjectsAsync(app);
        var actions = await ActionsAsync(app);
        var routes = actions.Select(a => a.Route).Distinct().ToList();
        var sessions = new Sessions(app, real.ApiToken);
        // Each person's requests to each action come from an address of their own, so the per-address limits on sign-in and
        // witness links (429 with a clear page; tested in PeopleTests and WitnessTests) do not keep the sweep from the handlers.
        var addresses = new Dictionary<(string, RouteAction), string>();
        var failures = new List<string>();
        var reached = new HashSet<RouteAction>();
        var statuses = new SortedDictionary<int, int>();
        var requests = 0;

        async Task<HttpResponseMessage> SendAsync(string who, RouteAction action, HttpMethod method, string url, IReadOnlyList<KeyValuePair<string, string>>? form, IReadOnlyDictionary<string, string>? headers = null)
        {
            var (client, token) = await sessions.ForAsync(who);
            using var request = new HttpRequestMessage(method, url);
            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(token is null ? form : [.. form, new("__RequestVerificationToken", token)]);
            }

            request.Headers.Add(AddressFromHeader.Header, addresses.TryGetValue((who, action), out var address) ? address : addresses[(who, action)] = $"10.0.{addresses.Count / 256}.{addresses.Count % 256}");
            if (action.IsTus)
            {
                request.Headers.Add("Tus-Resumable", "1.0.0");
                if (method == HttpMethod.Patch)
                {
                    request.Content = new ByteArrayContent([0, 0, 0, 0]);
                    request.Content.Headers.ContentType = new("application/offset+octet-stream");
                }
            }

            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }

            var response = await client.SendAsync(request);
            requests++;
            if (!(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || Challenged(response)))
            {
                reached.Add(action);
            }

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var what = $"{who} {method} {Shorten(url)}{(form is null ? string.Empty : $" with {form.Count} fields like {Shorten(form.Count > 0 ? form[0].Value : string.Empty)}")}";
            var body = await response.Content.ReadAsStringAsync();
            var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            if (status >= 500)
            {
                failures.Add($"{what}: {status}");
            }

            if ((type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal)) && InternalWords().Match(body) is { Success: true } word)
            {
                failures.Add($"{what}: {status} shows \"{Shorten(body.Substring(Math.Max(0, word.Index - 60), Math.Min(body.Length - Math.Max(0, word.Index - 60), 160)))}\"");
            }

            if (action.IsApi && status >= 400 && type != "application/problem+json")
            {
                failures.Add($"{what}: {status} as {type}, not problem details");
            }

            if (type == "text/html" && body.Contains("there is a problem with the service", StringComparison.Ordinal))
            {
                failures.Add($"{what}: {status} says only \"there is a problem with the service\"");
            }

            sessions.After(who, action, response);
            return response;
        }

        foreach (var route in routes)
        {
            var onRoute = actions.Where(a => a.Route == route).ToList();
            foreach (var who in WhoMayTry(app, onRoute[0]))
            {
                var realUrl = real.Url(route);
                if (onRoute.FirstOrDefault(a => a.Method == "GET") is { } get && !get.IsApi)
                {
                    // A role the route refuses is refused by its policy before anything binds: one request says so.
                    var first = await SendAsync(who, get, HttpMethod.Get, realUrl, null);
                    if (Challenged(first) && who != Visitor)
                    {
                        // The session was ended by an earlier request (a reset of this person's second factor): signed in again.
                        first.Dispose();
                        first = await SendAsync(who, get, HttpMethod.Get, realUrl, null);
                    }

                    using var refusal = first;
                    if (first.StatusCode is HttpStatusCode.Forbidden || Challenged(first))
                    {
                        continue;
                    }
                }

                foreach (var action in onRoute)
                {
                    var method = new HttpMethod(action.Method);
                    var url = action.Handler is null ? realUrl : $"{realUrl}{(realUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={action.Handler}";
                    var reads = action.Method is "GET" or "HEAD" or "OPTIONS" || action.IsApi ? Reads.Query : action.IsTus ? Reads.Headers : Reads.Form;
                    (await SendAsync(who, action, method, url, reads == Reads.Form ? [] : null)).Dispose();
                    foreach (var value in HostileValues)
                    {
                        switch (reads)
                        {
                            case Reads.Query when action.Fields.Count > 0:
                                (await SendAsync(who, action, method, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", action.Fields.Select(f => $"{f}={Uri.EscapeDataString(value)}")), null)).Dispose();
                                break;
                            case Reads.Form:
                                (await SendAsync(who, action, method, url, [.. action.Fields.Select(f => KeyValuePair.Create(f, value))])).Dispose();
                                break;
                            case Reads.Headers:
                                (await SendAsync(who, action, method, url, null, TusHeaders.ToDictionary(h => h, _ => value))).Dispose();
                                break;
                        }
                    }

                    foreach (var (parameter, value) in RouteParameters(route).SelectMany(p => HostileRouteValues.Select(v => (p, v))))
                    {
                        (await SendAsync(who, action, method, real.Url(route.Replace(parameter, value, StringComparison.Ordinal)), reads == Reads.Form ? [] : null)).Dispose();
                    }
                }

                if (OtherMethods.FirstOrDefault(m => onRoute.All(a => a.Method != m)) is { } wrong)
                {
                    (await SendAsync(who, onRoute[0], new HttpMethod(wrong), realUrl, [])).Dispose();
                }
            }
        }

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Count();
        output.WriteLine($"Swept {endpoints} endpoints on {routes.Count} routes: {actions.Count} actions ({actions.Count(a => a.Handler is not null)} named page handlers), " +
            $"{actions.Sum(a => a.Fields.Count)} fields, with {requests} requests in {clock.Elapsed.TotalSeconds:N0} s on {provider}.");
        output.WriteLine($"Signed in {sessions.SignIns} times, again after each answer that sent the person to sign in: " + string.Join(", ", sessions.EndedBy.Select(e => $"{e.Key} x{e.Value}")));
        output.WriteLine("Answers: " + string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, the first ones:\n" + string.Join("\n", failures.Distinct().Take(60)));
        // Every action was answered past its authorisation by someone, so none was swept in name only.
        Assert.Empty(actions.Except(reached).Select(a => $"{a.Method} /{a.Route} {a.Handler}"));
    }

    private enum Reads
    {
        Query,
        Form,
        Headers,
    }

    /// <summary>Everyone who might reach a route: each role of centre A and a visitor; the API is tried with its token and without.</summary>
    private static IEnumerable<string> WhoMayTry(AttestFactory app, RouteAction action) =>
        action.IsApi ? [ApiClient, Visitor] : [app.A.Admin, app.A.Assessor, app.A.Iqa, app.A.Eqa, app.A.Candidate, app.A.Employer, Visitor];

    /// <summary>Sent to sign in: by the sign-in cookie's challenge or by a page (signing out, a sign-in step taken out of turn).</summary>
    private static bool ToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to
        && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString).StartsWith("/Account/SignIn", StringComparison.Ordinal);

    /// <summary>Refused by the route's policy before any handler ran: the challenge names the page to come back to.</summary>
    private static bool Challenged(HttpResponseMessage response) =>
        ToSignIn(response) && response.Headers.Location!.OriginalString.Contains("ReturnUrl=", StringComparison.Ordinal);

    private static IEnumerable<string> RouteParameters(string route) =>
        Regex.Matches(route, @"\{[^}]+\}").Select(m => m.Value).Distinct();

    /// <summary>Every action the app maps: each page handler with the fields it binds, each minimal API endpoint with its query parameters.</summary>
    private static async Task<List<RouteAction>> ActionsAsync(AttestFactory app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var actions = new List<RouteAction>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText!.TrimStart('/');
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var properties = compiled.BoundProperties.SelectMany(p => Fields(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, p.BindingInfo, routeValues)).ToList();
                actions.AddRange(compiled.HandlerMethods.Select(h => new RouteAction(route, h.HttpMethod.ToUpperInvariant(), h.Name,
                    [.. properties, .. h.Parameters.SelectMany(p => Fields(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, p.BindingInfo, routeValues))])));
                if (compiled.HandlerMethods.All(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
                {
                    actions.Add(new RouteAction(route, "GET", null, properties)); // a page with no OnGet still renders on GET
                }
            }
            else
            {
                var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
                var fields = handler?.GetParameters().Where(p => IsSimple(p.ParameterType) && !routeValues.Contains(p.Name!)).Select(p => p.Name!).ToList() ?? [];
                actions.AddRange((endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new RouteAction(route, m, null, fields)));
            }
        }

        return [.. actions.DistinctBy(a => (a.Route, a.Method, a.Handler))];
    }

    /// <summary>The form or query names a bound value reads: its own name, or each property's of a complex input (Input.Title).</summary>
    private static IEnumerable<string> Fields(string name, Type type, BindingInfo? binding, HashSet<string> routeValues)
    {
        if (routeValues.Contains(name) || binding?.BindingSource is { } source && (source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.Header))
        {
            return [];
        }

        return Expand(name, type, depth: 0);

        static IEnumerable<string> Expand(string name, Type type, int depth)
        {
            var element = type != typeof(string) && type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1] : type;
            if (IsSimple(element))
            {
                return [name];
            }

            if (typeof(IFormFile).IsAssignableFrom(element) || typeof(CancellationToken) == element || depth > 1 || !element.IsClass)
            {
                return [];
            }

            return element.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).SelectMany(p => Expand($"{name}.{p.Name}", p.PropertyType, depth + 1));
        }
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(DateTimeOffset);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text.ReplaceLineEndings(" ") : text[..100].ReplaceLineEndings(" ") + $"...({text.Length} chars)";

    /// <summary>Real objects for the routes the seed gives none: an open EQA visit sampling centre A's portfolio, a candidate import, an upload in progress, an API token.</summary>
    private sealed record RealObjects(AttestFactory App, Guid VisitId, Guid ImportId, string UploadId, string ApiToken)
    {
        public string Url(string route) => AccessSweepTests.Fill(
            route.Replace("{visitId:guid}", VisitId.ToString(), StringComparison.Ordinal).Replace("{code}", "03456", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal)
                .Replace("Import/{id:guid}", $"Import/{ImportId}", StringComparison.Ordinal),
            App.A, App.A.EnrolmentId, "C3", UploadId);
    }

    private static async Task<RealObjects> RealObjectsAsync(AttestFactory app)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var eqaId = await app.UserIdAsync(app.A.Eqa);
        var visit = EqaVisit.Create(app.A.Id, "OCR EV 2026/11", eqaId, "eqa A", now.AddHours(-1), now.AddDays(3), eqaId, now.AddHours(-2));
        visit.AddSample(app.A.EnrolmentId, app.A.CandidateId, "Cara Centrea", Roles.CentreAdmin, eqaId, now.AddHours(-2));
        var import = new CandidateImport
        {
            CentreId = app.A.Id, FileName = "mis.csv", Content = "Forename,Surname,DOB,ULN\r\nAnn,Lee,01/02/2003,1234567805\r\n"u8.ToArray(), UploadedBy = await app.UserIdAsync(app.A.Admin), UploadedAt = now,
        };
        await using (var db = app.Db(app.A.Id))
        {
            db.EqaVisits.Add(visit);
            db.CandidateImports.Add(import);
            await db.SaveChangesAsync();
        }

        using var candidate = await app.SignedInAsync(app.A.Candidate);
        var upload = (await Tus.CreateAsync(candidate, 10)).Split('/')[^1];
        var admin = await app.SignedInAsync(app.A.Admin);
        var page = await (await admin.PostFormAsync("/Admin/Api", new() { ["Name"] = "College MIS" })).Content.ReadAsStringAsync();
        var token = Regex.Match(page, "attest_[0-9a-f]{32}\\.[0-9a-f]{64}").Value;
        Assert.False(string.IsNullOrEmpty(token), "no API token on /Admin/Api");
        return new RealObjects(app, visit.Id, import.Id, upload, token);
    }

    /// <summary>
    /// A client per person, with the antiforgery token of their session. A sweep may end a session (signing out, a reset of
    /// someone's second factor): after any answer that sends the person to sign in, the next request signs them in again.
    /// </summary>
    private sealed class Sessions(AttestFactory app, string apiToken)
    {
        private readonly Dictionary<string, (HttpClient Client, string? Token)> _open = [];

        public int SignIns { get; private set; }

        /// <summary>The requests whose answer sent the person to sign in, and how often.</summary>
        public SortedDictionary<string, int> EndedBy { get; } = new(StringComparer.Ordinal);

        public async Task<(HttpClient Client, string? Token)> ForAsync(string who)
        {
            if (_open.TryGetValue(who, out var session))
            {
                return session;
            }

            HttpClient client;
            string? token = null;
            if (who == ApiClient)
            {
                client = app.CreateClient(new() { AllowAutoRedirect = false });
                client.DefaultRequestHeaders.Authorization = new("Bearer", apiToken);
            }
            else if (who == Visitor)
            {
                client = app.Anonymous();
                token = await client.AntiforgeryTokenAsync("/Account/SignIn");
            }
            else
            {
                // From an address of its own: signing in again is limited per address like any sign-in.
                client = app.Anonymous();
                client.DefaultRequestHeaders.Add(AddressFromHeader.Header, $"10.1.{SignIns / 256}.{SignIns % 256}");
                SignIns++;
                await AttestFactory.SignInAsync(client, who);
                client.DefaultRequestHeaders.Remove(AddressFromHeader.Header);
                token = await client.AntiforgeryTokenAsync("/Account");
            }

            return _open[who] = (client, token);
        }

        public void After(string who, RouteAction action, HttpResponseMessage response)
        {
            if (who is not (Visitor or ApiClient) && ToSignIn(response) && _open.Remove(who, out var ended))
            {
                ended.Client.Dispose();
                var request = $"{action.Method} /{action.Route}{(action.Handler is null ? string.Empty : "?handler=" + action.Handler)}";
                EndedBy[request] = EndedBy.GetValueOrDefault(request) + 1;
            }
        }
    }

    /// <summary>The client's address from a header, so the sweep can speak from many addresses (below).</summary>
    /// <summary>Takes the caller's address from a header, so a test can send each person's requests from an address of their own.</summary>
    internal sealed class AddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Sweep-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
