using System.Security.Cryptography;
using Attest.Web.Infrastructure.Storage;

namespace Attest.Tests.Storage;

/// <summary>What every file store must do, run on the local store always and on S3 when ATTEST_TEST_S3 is set.</summary>
public class FileStoreContractTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_promoted_file_reads_back_byte_for_byte_and_its_staged_file_is_gone(string store)
    {
        await using var test = TestStore.Create(store);
        var content = "%PDF-1.7\nevidence of a customer conversation\n"u8.ToArray();
        var staged = await test.StageAsync(content);

        var stored = await test.Store.PromoteAsync(staged, CancellationToken.None);

        Assert.False(File.Exists(staged.Path), "the staged file must be gone after promotion");
        Assert.True(StoredNames.IsValid(stored.Name));
        Assert.Equal((content.Length, Sha256(content)), (stored.Size, stored.Sha256));
        await using var read = await test.Store.OpenReadAsync(stored.Name, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_file_over_many_upload_parts_reads_back_with_the_same_size_and_SHA_256(string store)
    {
        await using var test = TestStore.Create(store);
        // 52 MiB and a bit: ten full 5 MiB parts and a short last one on S3.
        const long size = (52L * 1024 * 1024) + 12_345;
        var source = Path.Combine(test.Staging.Root, "..", "source.bin");
        await WriteRandomAsync(source, size);
        StagedFile staged;
        await using (var input = File.OpenRead(source))
        {
            staged = await test.Staging.WriteAsync(input, long.MaxValue, CancellationToken.None);
        }

        var stored = await test.Store.PromoteAsync(staged, CancellationToken.None);

        await using var read = await test.Store.OpenReadAsync(stored.Name, CancellationToken.None);
        Assert.Equal(size, read.Length);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1024 * 1024];
        long total = 0;
        int n;
        while ((n = await read.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            total += n;
        }

        Assert.Equal(size, total);
        Assert.Equal(staged.Sha256, Convert.ToHexStringLower(hash.GetHashAndReset()));
        Assert.Equal(await Sha256OfFileAsync(source), stored.Sha256);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_read_can_seek_to_any_offset_as_range_downloads_do(string store)
    {
        await using var test = TestStore.Create(store);
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        var stored = await test.Store.PromoteAsync(await test.StageAsync(content), CancellationToken.None);

        await using var read = await test.Store.OpenReadAsync(stored.Name, CancellationToken.None);
        Assert.True(read.CanSeek);
        Assert.Equal(content.Length, read.Length);
        var first = new byte[10];
        await read.ReadExactlyAsync(first);
        read.Seek(250_000, SeekOrigin.Begin);
        var middle = new byte[1000];
        await read.ReadExactlyAsync(middle);
        read.Position = 5;
        var again = new byte[5];
        await read.ReadExactlyAsync(again);

        Assert.Equal(content[..10], first);
        Assert.Equal(content[250_000..251_000], middle);
        Assert.Equal(content[5..10], again);
        Assert.Equal(10, read.Position);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_deleted_or_never_stored_name_cannot_be_opened(string store)
    {
        await using var test = TestStore.Create(store);
        var stored = await test.Store.PromoteAsync(await test.StageAsync("%PDF-1.4 x"u8.ToArray()), CancellationToken.None);

        await test.Store.DeleteAsync(stored.Name, CancellationToken.None);
        await test.Store.DeleteAsync(stored.Name, CancellationToken.None); // deleting twice is not an error

        await Assert.ThrowsAsync<FileNotFoundException>(() => test.Store.OpenReadAsync(stored.Name, CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => test.Store.OpenReadAsync(StoredNames.New(), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => test.Store.OpenReadAsync("../../etc/passwd", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_list_holds_the_promoted_names_and_nothing_else(string store)
    {
        await using var test = TestStore.Create(store);
        var kept = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            kept.Add((await test.Store.PromoteAsync(await test.StageAsync([(byte)i, 1, 2]), CancellationToken.None)).Name);
        }

        var deleted = (await test.Store.PromoteAsync(await test.StageAsync([9]), CancellationToken.None)).Name;
        await test.Store.DeleteAsync(deleted, CancellationToken.None);
        await test.StageAsync([7]); // staged, not promoted
        await test.AddStrayAsync("ab/readme.txt");
        Assert.True(await test.Store.CanWriteAsync(CancellationToken.None)); // its probe must not be listed either

        var listed = new List<StoredEntry>();
        await foreach (var entry in test.Store.ListAsync(CancellationToken.None))
        {
            listed.Add(entry);
        }

        Assert.Equal(kept.Order(), listed.Select(e => e.Name).Order());
        Assert.All(listed, e => Assert.Equal(DateTimeKind.Utc, e.WrittenAt.Kind));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_store_can_be_written(string store)
    {
        await using var test = TestStore.Create(store);

        Assert.True(await test.Store.CanWriteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_S3_store_that_cannot_be_reached_is_not_writable_rather_than_throwing()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        using var store = new S3FileStore(new S3StorageOptions
        {
            ServiceUrl = $"http://127.0.0.1:{closedPort}", Bucket = "nowhere", AccessKey = "key", SecretKey = "secret", ForcePathStyle = true,
        });

        Assert.False(await store.CanWriteAsync(CancellationToken.None));
    }

    [SkippableFact]
    public void S3_is_tested_whenever_CI_runs()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.False(inCi && TestS3.Settings is null, $"CI must set {TestS3.Variable}: the S3 store tests would not run.");
        Skip.If(TestS3.Settings is null, TestS3.SkipReason);
        Assert.Contains(TestStore.S3, TestStore.Available);
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static async Task<string> Sha256OfFileAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
    }

    private static async Task WriteRandomAsync(string path, long size)
    {
        var random = new Random(20261123);
        var buffer = new byte[1024 * 1024];
        await using var file = File.Create(path);
        for (long left = size; left > 0; left -= buffer.Length)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
        }
    }
}
