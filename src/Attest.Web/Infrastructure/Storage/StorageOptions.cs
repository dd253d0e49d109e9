using Attest.Core.Data;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure.Storage;

public enum StorageProvider { Local, S3 }

/// <summary><c>Storage</c>: where evidence files are kept. Staging is always local disk under <c>Data:Folder</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Local (files/ in the data folder, the default) or S3 (an S3-compatible bucket).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    public S3StorageOptions S3 { get; set; } = new();
}

/// <summary><c>Storage:S3</c>: an AWS S3 bucket or any S3-compatible server.</summary>
public sealed class S3StorageOptions
{
    /// <summary>The server's URL for S3-compatible servers; empty means AWS in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>AWS region (e.g. eu-west-2); with a ServiceUrl, the region signatures are made for.</summary>
    public string? Region { get; set; }

    public string? Bucket { get; set; }

    /// <summary>With <see cref="SecretKey"/>; both empty means the AWS default credential chain (environment, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>bucket in the path, not the host name: most S3-compatible servers need it.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Keys start with this folder (e.g. "attest"), so a bucket can be shared.</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>Files larger than one part are sent as a multipart upload of parts this size.</summary>
    public int PartSizeMiB { get; set; } = 16;

    /// <summary>S3's own limits on a multipart part (the last part may be smaller).</summary>
    public const int MinPartSizeMiB = 5;

    public const int MaxPartSizeMiB = 5 * 1024;
}

/// <summary>Checks the Storage section at start, naming the setting that is wrong.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StorageProvider.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var s3 = options.S3;
        const string When = "when Storage:Provider is S3";
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            errors.Add($"Storage:S3:Bucket is required {When}.");
        }

        if (string.IsNullOrWhiteSpace(s3.ServiceUrl) && string.IsNullOrWhiteSpace(s3.Region))
        {
            errors.Add($"Storage:S3:Region (for AWS) or Storage:S3:ServiceUrl (for another S3-compatible server) is required {When}.");
        }

        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl)
            && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add($"Storage:S3:ServiceUrl must be an absolute http or https URL such as https://s3.example.org, not '{s3.ServiceUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(s3.AccessKey) != string.IsNullOrWhiteSpace(s3.SecretKey))
        {
            errors.Add("Storage:S3:AccessKey and Storage:S3:SecretKey must be set together, or both left empty to use the AWS default credentials.");
        }

        if (s3.PartSizeMiB is < S3StorageOptions.MinPartSizeMiB or > S3StorageOptions.MaxPartSizeMiB)
        {
            errors.Add($"Storage:S3:PartSizeMiB must be between {S3StorageOptions.MinPartSizeMiB} and {S3StorageOptions.MaxPartSizeMiB} (S3's part size limits), not {s3.PartSizeMiB}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

public static class StorageRegistration
{
    /// <summary>Binds and validates <c>Storage</c> (at start) and registers the chosen <see cref="IFileStore"/>.</summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<StorageOptions>().Bind(config.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IFileStore>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.Provider == StorageProvider.S3
                ? new S3FileStore(storage.S3)
                : new LocalFileStore(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath);
        });
        return services;
    }
}
