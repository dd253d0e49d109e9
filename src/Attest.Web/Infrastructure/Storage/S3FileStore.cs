using System.Net;
using System.Net.Sockets;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Attest.Web.Infrastructure.Storage;

/// <summary>
/// An S3 bucket (AWS or any S3-compatible server) as the file store. An object becomes visible only when its
/// upload is complete (a single PUT, or CompleteMultipartUpload), which gives the same guarantee as the local
/// store's rename: no partial file ever sits under a real name. Keys are [KeyPrefix/]ab/abcdef..., as on disk.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private const string Sha256Metadata = "sha256";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly long _partSize;

    public S3FileStore(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            if (!string.IsNullOrWhiteSpace(options.Region))
            {
                config.AuthenticationRegion = options.Region;
            }
        }

        _client = string.IsNullOrWhiteSpace(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        _bucket = options.Bucket ?? throw new ArgumentException("Storage:S3:Bucket is required.", nameof(options));
        var prefix = options.KeyPrefix?.Trim('/') ?? string.Empty;
        _prefix = prefix.Length == 0 ? string.Empty : prefix + "/";
        _partSize = options.PartSizeMiB * 1024L * 1024L;
    }

    public async Task<StoredFile> PromoteAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var name = StoredNames.New();
        var key = KeyOf(name);
        if (staged.Size <= _partSize)
        {
            var put = new PutObjectRequest { BucketName = _bucket, Key = key, FilePath = staged.Path, UseChunkEncoding = false };
            AddHash(put.Metadata, staged);
            await _client.PutObjectAsync(put, cancellationToken);
        }
        else
        {
            await UploadInPartsAsync(staged, key, cancellationToken);
        }

        var written = await _client.GetObjectMetadataAsync(_bucket, key, cancellationToken);
        if (written.ContentLength != staged.Size)
        {
            await _client.DeleteObjectAsync(_bucket, key, CancellationToken.None);
            throw new IOException($"The store holds {written.ContentLength} bytes for a file of {staged.Size} bytes; the upload was removed.");
        }

        File.Delete(staged.Path);
        return new StoredFile(name, staged.Sha256, staged.Size, staged.Head);
    }

    /// <summary>
    /// Returns a seekable stream so the download page can answer range requests (seeking in a recording): the
    /// first read uses this GET's body, and a seek starts a ranged GET from the new position.
    /// </summary>
    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var key = KeyOf(name);
        try
        {
            var response = await _client.GetObjectAsync(_bucket, key, cancellationToken);
            return new S3ReadStream(_client, _bucket, key, response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"No stored file {name}.", name, e);
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        _client.DeleteObjectAsync(_bucket, KeyOf(name), cancellationToken);

    public async IAsyncEnumerable<StoredEntry> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects)
            {
                var name = item.Key[(item.Key.LastIndexOf('/') + 1)..];
                if (StoredNames.IsValid(name) && item.Key == KeyOf(name))
                {
                    yield return new StoredEntry(name, item.LastModified.ToUniversalTime());
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated);
    }

    /// <summary>Writes and removes a probe object; any failure to reach or write the bucket is false, not an exception.</summary>
    public async Task<bool> CanWriteAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var key = _prefix + "health-" + Guid.NewGuid().ToString("N");
        try
        {
            await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = "1", UseChunkEncoding = false }, timeout.Token);
            await _client.DeleteObjectAsync(_bucket, key, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or SocketException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();

    private static void AddHash(Amazon.S3.Model.MetadataCollection metadata, StagedFile staged)
    {
        if (staged.Sha256 != StagedFile.Unhashed)
        {
            metadata.Add(Sha256Metadata, staged.Sha256);
        }
    }

    private string KeyOf(string name)
    {
        StoredNames.Check(name);
        return $"{_prefix}{name[..2]}/{name}";
    }

    /// <summary>Streams the staged file from disk one part at a time; an unfinished upload is aborted so nothing is left.</summary>
    private async Task UploadInPartsAsync(StagedFile staged, string key, CancellationToken cancellationToken)
    {
        var start = new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key };
        AddHash(start.Metadata, staged);
        var uploadId = (await _client.InitiateMultipartUploadAsync(start, cancellationToken)).UploadId;
        try
        {
            var parts = new List<PartETag>();
            for (long position = 0, number = 1; position < staged.Size; position += _partSize, number++)
            {
                var part = await _client.UploadPartAsync(
                    new UploadPartRequest
                    {
                        BucketName = _bucket,
                        Key = key,
                        UploadId = uploadId,
                        PartNumber = (int)number,
                        FilePath = staged.Path,
                        FilePosition = position,
                        PartSize = Math.Min(_partSize, staged.Size - position),
                        // A signed payload hash instead of aws-chunked bodies, which not every S3-compatible server reads.
                        UseChunkEncoding = false,
                    },
                    cancellationToken);
                parts.Add(new PartETag((int)number, part.ETag));
            }

            await _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = uploadId, PartETags = parts }, cancellationToken);
        }
        catch
        {
            try
            {
                await _client.AbortMultipartUploadAsync(_bucket, key, uploadId, CancellationToken.None);
            }
            catch (Exception abort) when (abort is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
            {
                // The upload's own error is the one to report; parts never aborted are invisible, and a bucket
                // lifecycle rule (AbortIncompleteMultipartUpload) removes them.
            }

            throw;
        }
    }
}

/// <summary>
/// An object's body as a seekable stream of known length: reads continue the open response, and a seek drops
/// it so the next read asks for the rest of the object from the new position (an HTTP range request).
/// </summary>
internal sealed class S3ReadStream(IAmazonS3 client, string bucket, string key, GetObjectResponse first) : Stream
{
    private GetObjectResponse? _response = first;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; } = first.ContentLength;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != _position)
        {
            _response?.Dispose();
            _response = null;
            _position = target;
        }

        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _position >= Length)
        {
            return 0;
        }

        _response ??= await client.GetObjectAsync(
            new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(_position, Length - 1) }, cancellationToken);
        var read = await _response.ResponseStream.ReadAsync(buffer, cancellationToken);
        if (read == 0)
        {
            throw new IOException($"The store ended {key} at byte {_position} of {Length}.");
        }

        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The SDK has only asynchronous calls on .NET; ASP.NET Core reads asynchronously, so this serves other callers only.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _response?.Dispose();
            _response = null;
        }

        base.Dispose(disposing);
    }
}
