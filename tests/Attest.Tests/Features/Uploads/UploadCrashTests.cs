using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features.Uploads;

/// <summary>
/// security.md test 8 with the real app as a child process: an upload interrupted twice, first by a dropped connection,
/// then by kill -9 in the middle of a PATCH, resumes on the restarted app and becomes exactly one evidence row with the
/// right hash, leaving no orphan file, no staged leftover and no half row.
/// </summary>
public sealed class UploadCrashTests : IDisposable
{
    private const int MiB = 1024 * 1024;
    private readonly ChildApp _app = new();

    [Fact]
    public async Task An_upload_cut_by_a_dropped_connection_and_then_by_kill_9_resumes_and_becomes_one_row_with_the_right_hash()
    {
        var bytes = Tus.Mp4(64 * MiB);
        await _app.StartAsync();
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
        using var observer = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = client.BaseAddress };
        var signIn = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "candidate1@demo.attest.test", ["Input.Password"] = DemoOptions.Password });
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, _app.Log());
        var url = await Tus.CreateAsync(client, bytes.Length);

        // 1. The connection drops after 8 MiB have reached the server.
        await InterruptedPatchAsync(client, observer, url, bytes, 0, 8 * MiB, interrupt: () => Task.CompletedTask);
        using (var settled = await Tus.SettledPatchAsync(client, url, 8 * MiB))
        {
            Assert.Equal(HttpStatusCode.NoContent, settled.StatusCode);
        }

        // 2. The app is killed (SIGKILL) while a PATCH is in the middle of its body, 8 MiB further on.
        await InterruptedPatchAsync(client, observer, url, bytes, 8 * MiB, 8 * MiB, interrupt: () =>
        {
            _app.Kill();
            return Task.CompletedTask;
        });

        // 3. Restarted on the same data: the signed-in session and every byte written before the kill are still there.
        await _app.StartAsync();
        Assert.Equal(16 * MiB, await Tus.OffsetAsync(client, url));

        // The killed request's hold on the upload runs out (within half a minute); until then a PATCH is told 423 Locked,
        // which tus-js-client retries after a delay, as here.
        var locked = Stopwatch.StartNew();
        while (true)
        {
            using var empty = await Tus.PatchAsync(client, url, 16 * MiB, ReadOnlyMemory<byte>.Empty);
            if (empty.StatusCode != HttpStatusCode.Locked)
            {
                Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
                break;
            }

            Assert.True(locked.Elapsed < TimeSpan.FromSeconds(45), "the killed request's lease never ran out");
            await Task.Delay(1000);
        }

        for (long offset = 16 * MiB; offset < bytes.Length; offset += 16 * MiB)
        {
            using var patch = await Tus.PatchAsync(client, url, offset, bytes.AsMemory((int)offset, 16 * MiB));
            Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        }

        var added = await Tus.AddEvidenceAsync(client, url, "Recording of the team briefing");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Tus.AddEvidenceAsync(client, url, "The same recording again")).StatusCode);

        // Exactly one row, with the hash of the bytes; the store holds exactly the files rows name; staging and uploads are empty.
        var options = new DbContextOptionsBuilder<AttestDbContext>();
        DatabaseOptions.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_app.DataFolder, "attest.db")};Pooling=False");
        Guid centre;
        await using (var db = new AttestDbContext(options.Options, NoCentre.Instance))
        {
            centre = (await db.Centres.SingleAsync(c => c.Number == "99999")).Id;
        }

        await using (var db = new AttestDbContext(options.Options, new FixedCentre(centre)))
        {
            var sam = await db.Candidates.SingleAsync(c => c.GivenName == "Sam" && c.FamilyName == "Patel"); // the demo's other learners have evidence of their own
            var item = await db.EvidenceItems.SingleAsync(i => i.CandidateId == sam.Id);
            Assert.Equal(("Recording of the team briefing", Tus.Sha256(bytes), (long)bytes.Length), (item.Title, item.Sha256, item.SizeBytes));
            var stored = Directory.EnumerateFiles(Path.Combine(_app.DataFolder, "files"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            Assert.Equal([item.StoredName], stored);
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_app.DataFolder, "staging"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_app.DataFolder, "uploads")));
    }

    /// <summary>
    /// A PATCH that declares the rest of the file, sends <paramref name="count"/> bytes, waits until the server has written
    /// them (HEAD, which does not wait for the PATCH), then is interrupted: the client drops, or <paramref name="interrupt"/>
    /// kills the app.
    /// </summary>
    private static async Task InterruptedPatchAsync(HttpClient client, HttpClient observer, string url, byte[] bytes, int offset, int count, Func<Task> interrupt)
    {
        var drop = new TaskCompletionSource();
        using var request = Tus.Request(HttpMethod.Patch, url);
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Content = new StreamContent(new StallingStream(bytes.AsMemory(offset, count), drop.Task));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        request.Content.Headers.ContentLength = bytes.Length - offset;
        var sending = client.SendAsync(request);

        for (var wait = 0; wait < 600 && await Tus.OffsetAsync(observer, url) < offset + count; wait++)
        {
            Assert.False(sending.IsCompleted, "the PATCH ended before it was interrupted");
            await Task.Delay(50);
        }

        Assert.Equal(offset + count, await Tus.OffsetAsync(observer, url));

        await interrupt();
        drop.SetResult();
        await Assert.ThrowsAnyAsync<Exception>(() => sending);
    }

    public void Dispose() => _app.Dispose();

    /// <summary>A request body that sends its bytes, then stalls until told to fail, as a client whose connection is lost.</summary>
    private sealed class StallingStream(ReadOnlyMemory<byte> bytes, Task fail) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == bytes.Length)
            {
                await fail.WaitAsync(cancellationToken);
                throw new IOException("The connection was lost.");
            }

            var count = Math.Min(buffer.Length, bytes.Length - _position);
            bytes.Slice(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
