using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features.Uploads;

/// <summary>A small tus 1.0.0 client for the tests, speaking the protocol by hand so every header is visible.</summary>
public static partial class Tus
{
    public static HttpRequestMessage Request(HttpMethod method, string url, bool speaksTus = true)
    {
        var request = new HttpRequestMessage(method, url);
        if (speaksTus)
        {
            request.Headers.Add("Tus-Resumable", "1.0.0");
        }

        return request;
    }

    public static async Task<HttpResponseMessage> TryCreateAsync(HttpClient client, long length, string fileName = "clip.mp4")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = Request(HttpMethod.Post, "/uploads");
        request.Headers.Add("Upload-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", $"filename {Convert.ToBase64String(Encoding.UTF8.GetBytes(fileName))},filetype {Convert.ToBase64String("video/mp4"u8)}");
        return await client.SendAsync(request);
    }

    /// <summary>Creates an upload and returns its URL (/uploads/{id}).</summary>
    public static async Task<string> CreateAsync(HttpClient client, long length, string fileName = "clip.mp4")
    {
        using var response = await TryCreateAsync(client, length, fileName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/uploads/[0-9a-f]{32}$", location);
        return location;
    }

    public static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, long offset, ReadOnlyMemory<byte> bytes, string? checksum = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = Request(HttpMethod.Patch, url);
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (checksum is not null)
        {
            request.Headers.Add("Upload-Checksum", checksum);
        }

        request.Content = new ReadOnlyMemoryContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await client.SendAsync(request);
    }

    /// <summary>The upload's offset from HEAD, or null when HEAD does not answer 200.</summary>
    public static async Task<long?> OffsetAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = Request(HttpMethod.Head, url);
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK ? long.Parse(response.Headers.GetValues("Upload-Offset").Single(), System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = Request(method, url);
        if (method == HttpMethod.Patch)
        {
            request.Headers.Add("Upload-Offset", "0");
            request.Content = new ByteArrayContent([0, 0, 0, 0]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        }

        return await client.SendAsync(request);
    }

    /// <summary>Sends an empty PATCH at <paramref name="offset"/> until the upload is no longer locked by an earlier request that is still being wound up.</summary>
    public static async Task<HttpResponseMessage> SettledPatchAsync(HttpClient client, string url, long offset)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await PatchAsync(client, url, offset, ReadOnlyMemory<byte>.Empty);
            // Locked: the cut-short PATCH is still being finished. Conflict: it finished after the offset was read,
            // so read the offset again, as a client resuming does.
            if (response.StatusCode is not (HttpStatusCode.Locked or HttpStatusCode.Conflict) || attempt == 200)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(50);
            offset = await OffsetAsync(client, url) ?? offset;
        }
    }

    /// <summary>Bytes that pass the .mp4 check (an ISO media "ftyp" box first), then random.</summary>
    public static byte[] Mp4(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        byte[] box = [0, 0, 0, 0x18, .. "ftypisom"u8];
        box.CopyTo(bytes, 0);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Adds an uploaded-file evidence item from a finished upload, as resumable-upload.js submits the form.</summary>
    public static Task<HttpResponseMessage> AddEvidenceAsync(HttpClient client, string uploadUrl, string title) =>
        client.PostFormAsync("/Candidate/Evidence/Add?kind=UploadedFile", new()
        {
            ["Input.Title"] = title,
            ["Input.Context"] = "RealWork",
            ["Input.UploadId"] = uploadUrl.Split('/')[^1],
        });

    /// <summary>Adds the finished upload as evidence, which must be taken (a redirect), and reads the item it made.</summary>
    public static async Task<Core.Portfolios.EvidenceItem> AddedAsEvidenceAsync(AttestFactory app, HttpClient client, string uploadUrl, string title)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AddEvidenceAsync(client, uploadUrl, title)).StatusCode);
        await using var db = app.Db(app.A.Id);
        return await db.EvidenceItems.SingleAsync(i => i.Title == title);
    }

    /// <summary>Signs in on any instance of the app (a second factory on the same database and data folder, say).</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string email, string password = AttestFactory.Password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email} failed: {response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    public static partial Regex TokenPattern();
}
