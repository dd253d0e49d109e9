using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features.Uploads;

/// <summary>The tus server at /uploads through the real app, and the evidence form that takes a finished upload.</summary>
public class ResumableUploadTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_upload_sent_in_several_patches_becomes_evidence_with_the_sha256_of_its_bytes_and_cannot_be_used_twice(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var client = await app.SignedInAsync(app.A.Candidate);
        var bytes = Tus.Mp4(700_000);

        using (var options = await client.SendAsync(Tus.Request(HttpMethod.Options, "/uploads", speaksTus: false)))
        {
            Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
            Assert.Equal("1.0.0", options.Headers.GetValues("Tus-Version").Single());
            Assert.Equal("creation,expiration,termination,checksum", options.Headers.GetValues("Tus-Extension").Single());
            Assert.Equal("1048576", options.Headers.GetValues("Tus-Max-Size").Single());
        }

        var url = await Tus.CreateAsync(client, bytes.Length);
        Assert.Equal(0, await Tus.OffsetAsync(client, url));
        long offset = 0;
        foreach (var size in new[] { 250_000, 1, 300_000, 149_999 })
        {
            using var patch = await Tus.PatchAsync(client, url, offset, bytes.AsMemory((int)offset, size));
            Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
            offset += size;
            Assert.Equal(offset.ToString(System.Globalization.CultureInfo.InvariantCulture), patch.Headers.GetValues("Upload-Offset").Single());
            Assert.True(patch.Headers.Contains("Upload-Expires"));
        }

        using (var head = await client.SendAsync(Tus.Request(HttpMethod.Head, url)))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(("700000", "700000", "no-store"), (head.Headers.GetValues("Upload-Offset").Single(), head.Headers.GetValues("Upload-Length").Single(), head.Headers.CacheControl!.ToString()));
            Assert.Contains("filename " + Convert.ToBase64String("clip.mp4"u8), head.Headers.GetValues("Upload-Metadata").Single(), StringComparison.Ordinal);
            Assert.Equal("1.0.0", head.Headers.GetValues("Tus-Resumable").Single());
        }

        var added = await Tus.AddEvidenceAsync(client, url, "Phone video of the handover");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        await using (var db = app.Db(app.A.Id))
        {
            var item = await db.EvidenceItems.SingleAsync(i => i.Title == "Phone video of the handover");
            Assert.Equal((Tus.Sha256(bytes), 700_000L, "clip.mp4", "video/mp4"), (item.Sha256, item.SizeBytes, item.OriginalFileName, item.ContentType));
        }

        var download = await client.GetAsync(added.Headers.Location!.OriginalString.Replace("/Candidate/Evidence/", "/Evidence/", StringComparison.Ordinal) + "/Download");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        // The hand-over happens once: the upload is gone, and the same form again adds nothing.
        Assert.Null(await Tus.OffsetAsync(client, url));
        var again = await Tus.AddEvidenceAsync(client, url, "The same video again");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("choose the file again", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(2, await db.EvidenceItems.CountAsync());
        }

        // The upload's file was renamed into the store, not copied: no upload file or staged copy is left behind.
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "staging"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "uploads")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bytes_a_request_wrote_but_never_committed_are_cut_off_by_the_next_patch_and_a_request_still_holding_the_file_locks_out_others(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var client = await app.SignedInAsync(app.A.Candidate);
        var bytes = Tus.Mp4(400_000);
        var url = await Tus.CreateAsync(client, bytes.Length);
        var id = url.Split('/')[^1];
        using (var first = await Tus.PatchAsync(client, url, 0, bytes.AsMemory(0, 150_000)))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        // A request on an instance killed after writing and before committing: its bytes sit past the committed offset.
        var files = app.Services.GetRequiredService<Web.Features.Evidence.Uploads.UploadFiles>();
        await File.AppendAllTextAsync(Path.Combine(files.Root, id), new string('x', 70_000));

        // A request whose lease ran out but which still holds the file (a stalled instance): others wait for it (423).
        using (files.TryHold(id))
        {
            using var locked = await Tus.PatchAsync(client, url, 150_000, bytes.AsMemory(150_000, 100_000));
            Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
            Assert.Null(files.TryHold(id));
        }

        Assert.Equal(150_000, await Tus.OffsetAsync(client, url));
        using (var rest = await Tus.PatchAsync(client, url, 150_000, bytes.AsMemory(150_000)))
        {
            Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        }

        var item = await Tus.AddedAsEvidenceAsync(app, client, url, "Clip after a crash mid-write");
        Assert.Equal((Tus.Sha256(bytes), 400_000L), (item.Sha256, item.SizeBytes));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Protocol_errors_get_the_status_tus_gives_them_and_change_nothing(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var client = await app.SignedInAsync(app.A.Candidate);
        var bytes = Tus.Mp4(1000);
        var url = await Tus.CreateAsync(client, bytes.Length);
        using (var first = await Tus.PatchAsync(client, url, 0, bytes.AsMemory(0, 400)))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using (var wrongOffset = await Tus.PatchAsync(client, url, 300, bytes.AsMemory(300, 100)))
        {
            Assert.Equal(HttpStatusCode.Conflict, wrongOffset.StatusCode);
        }

        using (var noVersion = Tus.Request(HttpMethod.Head, url, speaksTus: false))
        using (var response = await client.SendAsync(noVersion))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
            Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Version").Single());
        }

        using (var tooLarge = await Tus.TryCreateAsync(client, 1_048_577))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
            Assert.Equal("The file must be smaller than 1 MB.", await tooLarge.Content.ReadAsStringAsync());
        }

        using (var script = await Tus.TryCreateAsync(client, 10, "page.html"))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, script.StatusCode);
        }

        using (var pastEnd = await Tus.PatchAsync(client, url, 400, Tus.Mp4(601)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, pastEnd.StatusCode);
        }

        using (var badChecksum = await Tus.PatchAsync(client, url, 400, bytes.AsMemory(400, 100), Sha1Checksum(Encoding.UTF8.GetBytes("other"))))
        {
            Assert.Equal(460, (int)badChecksum.StatusCode);
        }

        using (var wrongType = Tus.Request(HttpMethod.Patch, url))
        {
            wrongType.Headers.Add("Upload-Offset", "400");
            wrongType.Content = new ByteArrayContent(bytes[400..]);
            using var response = await client.SendAsync(wrongType);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }

        Assert.Equal(400, await Tus.OffsetAsync(client, url));
        using (var goodChecksum = await Tus.PatchAsync(client, url, 400, bytes.AsMemory(400), Sha1Checksum(bytes[400..])))
        {
            Assert.Equal(HttpStatusCode.NoContent, goodChecksum.StatusCode);
        }

        var added = await Tus.AddEvidenceAsync(client, url, "Checked clip");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(Tus.Sha256(bytes), (await db.EvidenceItems.SingleAsync(i => i.Title == "Checked clip")).Sha256);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_users_or_centres_upload_is_404_and_a_signed_out_request_is_401(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var owner = await app.SignedInAsync(app.A.Candidate);
        var bytes = Tus.Mp4(2000);
        var url = await Tus.CreateAsync(owner, bytes.Length);
        using (var first = await Tus.PatchAsync(owner, url, 0, bytes.AsMemory(0, 1000)))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        foreach (var user in new[] { app.A.OtherCandidate, app.B.Candidate })
        {
            using var other = await app.SignedInAsync(user);
            foreach (var method in new[] { HttpMethod.Head, HttpMethod.Patch, HttpMethod.Delete })
            {
                using var response = await Tus.SendAsync(other, method, url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} {method}: {(int)response.StatusCode}");
            }

            var taken = await Tus.AddEvidenceAsync(other, url, "Not mine");
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        }

        using (var assessor = await app.SignedInAsync(app.A.Assessor))
        using (var response = await Tus.TryCreateAsync(assessor, 10))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var signedOut = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var create = await Tus.TryCreateAsync(signedOut, 10))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        }

        foreach (var method in new[] { HttpMethod.Head, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var response = await Tus.SendAsync(signedOut, method, url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(1000, await Tus.OffsetAsync(owner, url));
        using (var delete = await Tus.SendAsync(owner, HttpMethod.Delete, url))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Null(await Tus.OffsetAsync(owner, url));
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.EvidenceItems.CountAsync());
    }

    /// <summary>Quotas and what the refusal calls them: issue 13 found one below a megabyte called "1 MB".</summary>
    public static TheoryData<DatabaseProvider, long, string> Quotas()
    {
        var data = new TheoryData<DatabaseProvider, long, string>();
        foreach (var provider in ((IEnumerable<object[]>)TestDatabase.Providers).Select(row => (DatabaseProvider)row[0]))
        {
            data.Add(provider, 1_048_576, "1 MB");
            data.Add(provider, 524_288, "512 KB");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Quotas))]
    public async Task The_centre_quota_counts_evidence_and_uploads_in_progress_and_a_form_upload_too(DatabaseProvider provider, long quota, string named)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Uploads:CentreQuotaBytes", quota.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var client = await Tus.SignInAsync(limited, app.A.Candidate);
        var overHalf = (quota / 2) + 50_000;
        await Tus.CreateAsync(client, overHalf);

        using (var over = await Tus.TryCreateAsync(client, overHalf))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
            Assert.Contains($"storage quota of {named} (", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var form = await JourneyTests.PostFileAsync(client, "/Candidate/Evidence/Add?kind=UploadedFile", "scan.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 " + new string('x', 500_000)), ("Input.Title", "Big scan"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains($"storage quota of {named} (", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another centre has its own quota.
        using var otherCentre = await Tus.SignInAsync(limited, app.B.Candidate);
        await Tus.CreateAsync(otherCentre, overHalf);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_operator_sets_one_centres_quota_with_the_cli_over_the_deployment_default_and_can_put_it_back(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Uploads:CentreQuotaBytes", "1048576"));
        using var candidateA = await Tus.SignInAsync(limited, app.A.Candidate);
        using var candidateB = await Tus.SignInAsync(limited, app.B.Candidate);

        Assert.Equal((0, "Centre 20001 Centre A may now hold 2,147,483 bytes (0.002 GiB) of evidence."), await app.CliAsync("centre", "quota", "--number", "20001", "--gib", "0.002"));
        await Tus.CreateAsync(candidateA, 900_000);
        await Tus.CreateAsync(candidateA, 900_000);
        using (var overOwn = await Tus.TryCreateAsync(candidateA, 900_000))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overOwn.StatusCode);
            Assert.Contains("storage quota of 2 MB", await overOwn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Centre B still has the deployment's default.
        await Tus.CreateAsync(candidateB, 900_000);
        using (var overDefault = await Tus.TryCreateAsync(candidateB, 900_000))
        {
            Assert.Contains("storage quota of 1 MB", await overDefault.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal((0, "Centre 20001 Centre A uses the deployment's default quota again."), await app.CliAsync("centre", "quota", "--number", "20001", "--default"));
        using (var backToDefault = await Tus.TryCreateAsync(candidateA, 1_000))
        {
            Assert.Contains("storage quota of 1 MB", await backToDefault.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, (await app.CliAsync("centre", "quota", "--number", "99999", "--gib", "1")).Exit);
        Assert.Equal(2, (await app.CliAsync("centre", "quota", "--number", "20001", "--gib", "0")).Exit);
        Assert.Equal(2, (await app.CliAsync("centre", "quota", "--number", "20001", "--gib", "1", "--default")).Exit);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_patch_whose_client_goes_away_keeps_the_bytes_received_and_the_upload_resumes_from_there(DatabaseProvider provider)
    {
        const int MiB = 1024 * 1024;
        using var app = await new AttestFactory(provider).SeedAsync();
        using var kestrel = app.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxFileBytes", (4 * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var address = new Uri(kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        var signIn = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Candidate, ["Input.Password"] = AttestFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var bytes = Tus.Mp4(3 * MiB);
        var url = await Tus.CreateAsync(client, bytes.Length);

        // A raw request that promises every byte, sends 2 MiB and a bit, and once the server is writing, closes its side.
        const int Sent = (2 * MiB) + 300_000;
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(address.DnsSafeHost, address.Port);
            var stream = tcp.GetStream();
            var head = $"PATCH {url} HTTP/1.1\r\nHost: {address.Authority}\r\nCookie: {cookies.GetCookieHeader(address)}\r\nTus-Resumable: 1.0.0\r\n"
                + $"Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: {bytes.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes.AsMemory(0, Sent));
            for (var wait = 0; wait < 200 && await Tus.OffsetAsync(client, url) < 2 * MiB; wait++)
            {
                await Task.Delay(50);
            }

            tcp.Client.Shutdown(SocketShutdown.Send);
            try
            {
                await stream.CopyToAsync(Stream.Null);
            }
            catch (IOException)
            {
                // the server may reset a connection whose request was cut short
            }
        }

        // Everything the server had read is kept (what was still in the server's socket buffers when the connection
        // ended may be lost: the client learns the offset from HEAD and sends the rest again).
        long offset;
        using (var settled = await Tus.SettledPatchAsync(client, url, (await Tus.OffsetAsync(client, url))!.Value))
        {
            Assert.Equal(HttpStatusCode.NoContent, settled.StatusCode);
            offset = long.Parse(settled.Headers.GetValues("Upload-Offset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.InRange(offset, 2 * MiB, Sent);
        using (var rest = await Tus.PatchAsync(client, url, offset, bytes.AsMemory((int)offset)))
        {
            Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        }

        Assert.Equal(Tus.Sha256(bytes), (await Tus.AddedAsEvidenceAsync(app, client, url, "Resumed clip")).Sha256);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_upload_begun_on_one_app_instance_is_finished_on_a_new_one_on_the_same_data(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var bytes = Tus.Mp4(900_000);
        string url;
        using (var first = await app.SignedInAsync(app.A.Candidate))
        {
            url = await Tus.CreateAsync(first, bytes.Length);
            using var half = await Tus.PatchAsync(first, url, 0, bytes.AsMemory(0, 450_000));
            Assert.Equal(HttpStatusCode.NoContent, half.StatusCode);
        }

        // A new host: new singletons, so no hash state or locks carried over; only the disk and the database are shared.
        using var restarted = app.WithWebHostBuilder(_ => { });
        using var client = await Tus.SignInAsync(restarted, app.A.Candidate);
        Assert.Equal(450_000, await Tus.OffsetAsync(client, url));
        using (var rest = await Tus.PatchAsync(client, url, 450_000, bytes.AsMemory(450_000)))
        {
            Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        }

        var item = await Tus.AddedAsEvidenceAsync(app, client, url, "Finished after a restart");
        Assert.Equal((Tus.Sha256(bytes), 900_000L), (item.Sha256, item.SizeBytes));
    }

    /// <summary>An Upload-Checksum header: tus's checksum extension names sha1, which guards against corruption, not tampering.</summary>
#pragma warning disable CA5350
    private static string Sha1Checksum(byte[] bytes) => "sha1 " + Convert.ToBase64String(SHA1.HashData(bytes));
#pragma warning restore CA5350
}
