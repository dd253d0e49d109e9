using Attest.Core;

namespace Attest.Tests.Storage;

/// <summary>Limits and quotas are named in the largest unit they reach, so a quota below a megabyte is not called "1 MB".</summary>
public class FileSizesTests
{
    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1, "1 byte")]
    [InlineData(1023, "1023 bytes")]
    [InlineData(1024, "1 KB")]
    [InlineData(524_288, "512 KB")]
    [InlineData(1_048_575, "1024 KB")]
    [InlineData(1_048_576, "1 MB")]
    [InlineData(1_572_864, "1.5 MB")]
    [InlineData(20L * 1024 * 1024, "20 MB")]
    [InlineData(1536L * 1024 * 1024, "1.5 GB")]
    [InlineData(20L * 1024 * 1024 * 1024, "20 GB")]
    public void A_size_is_named_in_the_largest_unit_it_reaches(long bytes, string expected) => Assert.Equal(expected, FileSizes.Describe(bytes));
}
