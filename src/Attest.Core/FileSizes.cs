using System.Globalization;

namespace Attest.Core;

/// <summary>Sizes of files, limits and quotas as every page and message says them.</summary>
public static class FileSizes
{
    private const long Kilobyte = 1024;
    private const long Megabyte = 1024 * Kilobyte;
    private const long Gigabyte = 1024 * Megabyte;

    /// <summary>"512 KB", "1.5 MB", "20 GB": the largest unit the size reaches, to one decimal place when it has one (units of 1024).</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= Gigabyte => Scaled(bytes, Gigabyte, "GB"),
        >= Megabyte => Scaled(bytes, Megabyte, "MB"),
        >= Kilobyte => Scaled(bytes, Kilobyte, "KB"),
        1 => "1 byte",
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    private static string Scaled(long bytes, long unit, string name) => string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / unit:0.#} {name}");
}
