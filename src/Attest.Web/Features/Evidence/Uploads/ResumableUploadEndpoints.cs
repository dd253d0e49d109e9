using System.Globalization;
using System.Security.Claims;
using System.Text;
using Attest.Core;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Evidence.Uploads;

/// <summary>
/// A tus 1.0.0 server (https://tus.io/protocols/resumable-upload) at <c>/uploads</c> with the creation, expiration,
/// termination and checksum (sha1) extensions. An upload belongs to a user in a centre; any other user gets 404 for it.
/// </summary>
public static class ResumableUploadEndpoints
{
    public const string Route = "/uploads";
    public const string TusVersion = "1.0.0";

    /// <summary>tus's own status for a chunk whose Upload-Checksum does not match.</summary>
    public const int ChecksumMismatch = 460;
    private const string Policy = "resumable-uploads";

    /// <summary>Who may create uploads: the one place to add staff roles.</summary>
    public static readonly IReadOnlyList<string> UploaderRoles = [Roles.Candidate];

    /// <summary>
    /// Creations in one instance are serialised so that two cannot both fit into a centre's last free space; with several
    /// instances, each may let one through at the same moment (the quota is a limit on storage cost, not a security line).
    /// </summary>
    private static readonly SemaphoreSlim Creating = new(1, 1);

    public static IServiceCollection AddResumableUploads(this IServiceCollection services)
    {
        services.AddScoped<ResumableUploads>();
        services.AddSingleton<UploadHashes>();
        services.AddSingleton(sp => new UploadFiles(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath));
        services.AddScoped<StorageQuota>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(UploaderRoles));

        // A tus client is not a browser page: signed out is a plain 401 and the wrong role a plain 403, not a redirect to
        // sign in, and not re-run as the HTML error page (which would answer a PATCH with 405).
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var toSignIn = options.Events.OnRedirectToLogin;
            var toDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context => IsTus(context.HttpContext) ? Plain(context.HttpContext, StatusCodes.Status401Unauthorized) : toSignIn(context);
            options.Events.OnRedirectToAccessDenied = context => IsTus(context.HttpContext) ? Plain(context.HttpContext, StatusCodes.Status403Forbidden) : toDenied(context);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapResumableUploads(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Route).RequireAuthorization(Policy).AddEndpointFilter(SpeaksTusAsync);
        group.MapMethods("", [HttpMethods.Options], Describe);
        group.MapPost("", CreateAsync);
        group.MapMethods("/{uploadId}", [HttpMethods.Head], HeadAsync);
        group.MapPatch("/{uploadId}", PatchAsync);
        group.MapDelete("/{uploadId}", DeleteAsync);
        return endpoints;
    }

    private static bool IsTus(HttpContext http) => http.Request.Path.StartsWithSegments(Route);

    private static Task Plain(HttpContext http, int status)
    {
        DisableErrorPage(http);
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static void DisableErrorPage(HttpContext http)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
    }

    /// <summary>
    /// Every request but OPTIONS (tus exempts it) must carry <c>Tus-Resumable: 1.0.0</c>, or gets 412. Besides the
    /// protocol, this is the CSRF guard alongside the SameSite=Lax cookie: a custom header makes a browser send a CORS
    /// preflight before any cross-site request, and we never grant one, so another site's page cannot drive these
    /// endpoints with the user's cookie.
    /// </summary>
    private static async ValueTask<object?> SpeaksTusAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        DisableErrorPage(http); // answers are for a tus client: plain text, not the HTML error page

        http.Response.Headers["Tus-Resumable"] = TusVersion;
        if (!HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers["Tus-Resumable"] != TusVersion)
        {
            http.Response.Headers["Tus-Version"] = TusVersion;
            return Results.Text($"Send Tus-Resumable: {TusVersion}; this server speaks tus {TusVersion}.", statusCode: StatusCodes.Status412PreconditionFailed);
        }

        return await next(context);
    }

    private static IResult Describe(HttpContext http, IOptions<UploadOptions> options)
    {
        var headers = http.Response.Headers;
        headers["Tus-Version"] = TusVersion;
        headers["Tus-Extension"] = "creation,expiration,termination,checksum";
        headers["Tus-Max-Size"] = options.Value.MaxFileBytes.ToString(CultureInfo.InvariantCulture);
        headers["Tus-Checksum-Algorithm"] = "sha1";
        return Results.NoContent();
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ResumableUploads uploads, StorageQuota quota, IOptions<UploadOptions> options)
    {
        var request = http.Request.Headers;
        if (request.ContainsKey("Upload-Defer-Length"))
        {
            return Text("Upload-Defer-Length is not supported: send Upload-Length.", StatusCodes.Status400BadRequest);
        }

        if (!long.TryParse(request["Upload-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return Text("Send Upload-Length: the file's size in bytes.", StatusCodes.Status400BadRequest);
        }

        var max = options.Value.MaxFileBytes;
        if (length > max)
        {
            return Text($"The file must be smaller than {FileSizes.Describe(max)}.", StatusCodes.Status413PayloadTooLarge);
        }

        if (TusMetadata.Parse(request["Upload-Metadata"]) is not { } metadata || !metadata.TryGetValue("filename", out var rawName) || rawName is null)
        {
            return Text("Send Upload-Metadata with the file's name: filename <base64>.", StatusCodes.Status400BadRequest);
        }

        // Checked now rather than after the last byte, so nobody uploads gigabytes of a type that will be refused.
        var fileName = EvidenceIntake.SafeFileName(rawName);
        if (FileTypes.ContentTypeFor(fileName) is null)
        {
            return Text($"The file must be one of these types: {string.Join(", ", FileTypes.Extensions)}", StatusCodes.Status415UnsupportedMediaType);
        }

        var (userId, centreId) = Owner(http.User);
        UploadStatus created;
        await Creating.WaitAsync(http.RequestAborted);
        try
        {
            if (await quota.RefusalAsync(centreId, length, http.RequestAborted) is { } refusal)
            {
                return Text(refusal, StatusCodes.Status413PayloadTooLarge);
            }

            created = await uploads.CreateAsync(centreId, userId, length, fileName, metadata.GetValueOrDefault("filetype"), http.RequestAborted);
        }
        finally
        {
            Creating.Release();
        }

        http.Response.Headers.Location = $"{Route}/{created.Id}";
        http.Response.Headers["Upload-Expires"] = HttpDate(created.ExpiresAt);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static async Task<IResult> HeadAsync(string uploadId, HttpContext http, ResumableUploads uploads)
    {
        var (userId, centreId) = Owner(http.User);
        if (await uploads.FindAsync(uploadId, userId, centreId, http.RequestAborted) is not { } status)
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers["Upload-Offset"] = status.Offset.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Length"] = status.Length.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Metadata"] = TusMetadata.Format(new Dictionary<string, string?> { ["filename"] = status.FileName, ["filetype"] = status.FileType });
        headers["Upload-Expires"] = HttpDate(status.ExpiresAt);
        headers.CacheControl = "no-store";
        return Results.Ok();
    }

    private static async Task<IResult> PatchAsync(string uploadId, HttpContext http, ResumableUploads uploads)
    {
        var request = http.Request;
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/offset+octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return Text("Send the bytes as Content-Type: application/offset+octet-stream.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (!long.TryParse(request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return Text("Send Upload-Offset: where these bytes start.", StatusCodes.Status400BadRequest);
        }

        byte[]? sha1 = null;
        if (request.Headers["Upload-Checksum"] is { Count: > 0 } checksum)
        {
            var parts = checksum.ToString().Split(' ', 2);
            if (parts is not ["sha1", var value] || !TryBase64(value, out sha1) || sha1.Length != 20)
            {
                return Text("Upload-Checksum must be sha1 followed by the base64 digest.", StatusCodes.Status400BadRequest);
            }
        }

        // The upload's own length bounds the body (checked while streaming), not the app-wide request limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var (userId, centreId) = Owner(http.User);
        var result = await uploads.AppendAsync(uploadId, userId, centreId, offset, request.Body, request.ContentLength, sha1, http.RequestAborted);
        switch (result.Outcome)
        {
            case UploadOutcome.Done:
                http.Response.Headers["Upload-Offset"] = result.Offset.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["Upload-Expires"] = HttpDate(result.ExpiresAt);
                return Results.NoContent();
            case UploadOutcome.OffsetMismatch:
                return Text($"The upload is at byte {result.Offset}, not {offset}: ask with HEAD and continue from there.", StatusCodes.Status409Conflict);
            case UploadOutcome.PastLength:
                return Text("These bytes go past the upload's length.", StatusCodes.Status413PayloadTooLarge);
            case UploadOutcome.ChecksumMismatch:
                return Text("The bytes do not match Upload-Checksum; they were not kept.", ChecksumMismatch);
            default:
                return Answer(result.Outcome);
        }
    }

    private static async Task<IResult> DeleteAsync(string uploadId, HttpContext http, ResumableUploads uploads)
    {
        var (userId, centreId) = Owner(http.User);
        return Answer(await uploads.TerminateAsync(uploadId, userId, centreId, http.RequestAborted));
    }

    private static IResult Answer(UploadOutcome outcome) => outcome switch
    {
        UploadOutcome.Done => Results.NoContent(),
        UploadOutcome.Locked => Text("Another request is writing to this upload; try again shortly.", StatusCodes.Status423Locked),
        _ => Results.NotFound(),
    };

    private static IResult Text(string message, int status) => Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, status);

    /// <summary>The owner comes from the session (user id and the centre claim), never from the request.</summary>
    private static (Guid UserId, Guid CentreId) Owner(ClaimsPrincipal user) =>
        (user.UserId(), Guid.Parse(user.FindFirstValue(HttpCurrentCentre.ClaimType) ?? throw new InvalidOperationException("No centre in the session.")));

    private static string HttpDate(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("r", CultureInfo.InvariantCulture);

    private static bool TryBase64(string value, out byte[] bytes)
    {
        bytes = new byte[(value.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(value, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}

/// <summary>tus Upload-Metadata: comma-separated pairs of a key and an optional base64 value.</summary>
public static class TusMetadata
{
    /// <summary>The pairs, or null when the header is malformed (a repeated key, a bad key or a value that is not base64).</summary>
    public static Dictionary<string, string?>? Parse(string? header)
    {
        var pairs = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header))
        {
            return pairs;
        }

        foreach (var pair in header.Split(','))
        {
            var parts = pair.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || pairs.ContainsKey(parts[0]))
            {
                return null;
            }

            string? value = null;
            if (parts.Length == 2)
            {
                try
                {
                    value = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1]));
                }
                catch (FormatException)
                {
                    return null;
                }
            }

            pairs[parts[0]] = value;
        }

        return pairs;
    }

    public static string Format(IReadOnlyDictionary<string, string?> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return string.Join(",", pairs.Where(p => p.Value is not null).Select(p => $"{p.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Value!))}"));
    }
}
