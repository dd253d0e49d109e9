using Amazon.S3;
using Amazon.S3.Model;
using Attest.Web.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace Attest.Tests.Storage;

/// <summary>
/// The S3-compatible server the tests may use: ATTEST_TEST_S3 holds Storage:S3 settings as
/// "ServiceUrl=http://127.0.0.1:4568;Bucket=attest-test;AccessKey=S3RVER;SecretKey=S3RVER" (CI starts s3rver and sets it).
/// </summary>
public static class TestS3
{
    public const string Variable = "ATTEST_TEST_S3";

    public const string SkipReason = $"S3 tests need {Variable} (e.g. ServiceUrl=http://127.0.0.1:4568;Bucket=attest-test;AccessKey=S3RVER;SecretKey=S3RVER); .ci/run starts s3rver.";

    /// <summary>The variable's settings, or null when it is unset.</summary>
    public static IReadOnlyDictionary<string, string>? Settings =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : string.Empty, StringComparer.OrdinalIgnoreCase)
            : null;

    /// <summary>App settings for the test server under a key prefix of the test's own, so tests never see each other's objects.</summary>
    public static Dictionary<string, string> AppSettings(string keyPrefix, int partSizeMiB = S3StorageOptions.MinPartSizeMiB)
    {
        // Path style because s3rver serves buckets on its own host name only.
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "S3",
            ["Storage:S3:ForcePathStyle"] = "true",
            ["Storage:S3:KeyPrefix"] = keyPrefix,
            ["Storage:S3:PartSizeMiB"] = partSizeMiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in Settings ?? throw new InvalidOperationException(SkipReason))
        {
            settings["Storage:S3:" + key] = value;
        }

        return settings;
    }

    public static S3StorageOptions Options(string keyPrefix) =>
        new ConfigurationBuilder().AddInMemoryCollection(AppSettings(keyPrefix)!).Build().GetSection("Storage:S3").Get<S3StorageOptions>()!;

    /// <summary>A raw client on the test server, for writing objects the store did not make and for cleaning up.</summary>
    public static AmazonS3Client RawClient(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AmazonS3Client(options.AccessKey, options.SecretKey, new AmazonS3Config { ServiceURL = options.ServiceUrl, ForcePathStyle = true });
    }

    /// <summary>Removes every object under the prefix.</summary>
    public static async Task DeletePrefixAsync(S3StorageOptions options, string prefix)
    {
        using var client = RawClient(options);
        var request = new ListObjectsV2Request { BucketName = options.Bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await client.ListObjectsV2Async(request);
            foreach (var item in page.S3Objects)
            {
                await client.DeleteObjectAsync(options.Bucket, item.Key);
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated);
    }
}

/// <summary>One store under test with its own staging area, and what it takes to put a stray file beside its files.</summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string Local = "Local";
    public const string S3 = "S3";

    private readonly string _folder = Directory.CreateTempSubdirectory("attest-store-").FullName;
    private readonly string _prefix = "test-" + Guid.NewGuid().ToString("N");
    private readonly S3StorageOptions? _s3;

    private TestStore(string kind)
    {
        Staging = new StagingArea(_folder);
        if (kind == S3)
        {
            _s3 = TestS3.Options(_prefix);
            Store = new S3FileStore(_s3);
        }
        else
        {
            Store = new LocalFileStore(_folder);
        }
    }

    /// <summary>The stores this run can test: every contract test runs once per entry.</summary>
    public static IReadOnlyList<string> Available => TestS3.Settings is null ? [Local] : [Local, S3];

    public static TheoryData<string> Kinds => [.. Available];

    public static TestStore Create(string kind) => new(kind);

    public IFileStore Store { get; }

    public StagingArea Staging { get; }

    public async Task<StagedFile> StageAsync(byte[] content) =>
        await Staging.WriteAsync(new MemoryStream(content), long.MaxValue, CancellationToken.None);

    /// <summary>Writes a file the store did not make where its files live (relative path, '/'-separated).</summary>
    public async Task AddStrayAsync(string relative)
    {
        if (_s3 is null)
        {
            var path = Path.Combine(_folder, "files", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "stray");
        }
        else
        {
            using var client = TestS3.RawClient(_s3);
            await client.PutObjectAsync(new PutObjectRequest { BucketName = _s3.Bucket, Key = $"{_prefix}/{relative}", ContentBody = "stray", UseChunkEncoding = false });
            // And a store-shaped name under another prefix, which must not be listed either.
            var name = StoredNames.New();
            await client.PutObjectAsync(new PutObjectRequest { BucketName = _s3.Bucket, Key = $"{_prefix}-other/{name[..2]}/{name}", ContentBody = "other", UseChunkEncoding = false });
        }
    }

    public async ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        Directory.Delete(_folder, recursive: true);
        if (_s3 is not null)
        {
            await TestS3.DeletePrefixAsync(_s3, _prefix);
        }
    }
}
