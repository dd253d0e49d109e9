using System.Net;
using System.Net.Http.Headers;
using Attest.Core.Data;
using Attest.Tests.Features;
using Attest.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Storage;

/// <summary>The app with Storage:Provider S3: start-up checks of the settings, and evidence through HTTP into the bucket and back.</summary>
public class S3StorageTests
{
    [Fact]
    public void The_app_does_not_start_on_S3_without_a_bucket_and_says_which_settings_are_missing()
    {
        using var app = new AttestFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Storage:Provider"] = "S3" });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Storage:S3:Bucket is required when Storage:Provider is S3.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Storage:S3:Region (for AWS) or Storage:S3:ServiceUrl", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_wrong_S3_setting_is_named()
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions { Bucket = "b", ServiceUrl = "s3.example.org", AccessKey = "key", PartSizeMiB = 1 },
        };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Storage:S3:ServiceUrl must be an absolute http or https URL such as https://s3.example.org, not 's3.example.org'.",
                "Storage:S3:AccessKey and Storage:S3:SecretKey must be set together, or both left empty to use the AWS default credentials.",
                "Storage:S3:PartSizeMiB must be between 5 and 5120 (S3's part size limits), not 1.",
            ],
            result.Failures);
        Assert.True(new StorageOptionsValidator().Validate(null, new StorageOptions { S3 = new S3StorageOptions { PartSizeMiB = 1 } }).Succeeded, "Local ignores the S3 settings");
    }

    [SkippableFact]
    public async Task On_S3_a_candidates_upload_goes_to_the_bucket_and_the_assessor_downloads_the_same_bytes_whole_or_by_range()
    {
        Skip.If(TestS3.Settings is null, TestS3.SkipReason);
        var prefix = "app-" + Guid.NewGuid().ToString("N");
        var settings = TestS3.AppSettings(prefix);
        settings["Uploads:MaxFileBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using var app = await new AttestFactory(DatabaseProvider.Sqlite, settings).SeedAsync();
            var centre = app.A;
            // 11 MiB: three parts of a multipart upload at the 5 MiB part size.
            var pdf = new byte[(11 * 1024 * 1024) + 7];
            new Random(7).NextBytes(pdf);
            "%PDF-1.7\n"u8.CopyTo(pdf);

            var candidate = await app.SignedInAsync(centre.Candidate);
            var upload = await JourneyTests.PostFileAsync(candidate, "/Candidate/Evidence/Add?kind=UploadedFile", "recording-notes.pdf", pdf, ("Input.Title", "Notes kept in S3"));

            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
            string storedName;
            await using (var db = app.Db(centre.Id))
            {
                storedName = (await db.EvidenceItems.SingleAsync(i => i.Title == "Notes kept in S3")).StoredName!;
            }

            using (var bucket = new S3FileStore(TestS3.Options(prefix)))
            {
                Assert.Contains(storedName, await bucket.ListAsync(CancellationToken.None).Select(e => e.Name).ToListAsync());
            }

            Assert.DoesNotContain(Directory.EnumerateFiles(app.DataFolder, "*", SearchOption.AllDirectories), f => f.Contains(storedName, StringComparison.Ordinal));
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "staging")));

            var assessor = await app.SignedInAsync(centre.Assessor);
            var downloadUrl = upload.Headers.Location!.OriginalString.Replace("/Candidate/Evidence/", "/Evidence/", StringComparison.Ordinal) + "/Download";
            var whole = await assessor.GetAsync(downloadUrl);
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
            Assert.Equal(pdf, await whole.Content.ReadAsByteArrayAsync());

            using var ranged = new HttpRequestMessage(HttpMethod.Get, downloadUrl);
            ranged.Headers.Range = new RangeHeaderValue(6_000_000, 6_000_099);
            var part = await assessor.SendAsync(ranged);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal(pdf[6_000_000..6_000_100], await part.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            await TestS3.DeletePrefixAsync(TestS3.Options(prefix), prefix);
        }
    }
}
