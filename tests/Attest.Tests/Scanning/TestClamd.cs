using System.Text;
using Attest.Web.Infrastructure.Scanning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Attest.Tests.Scanning;

/// <summary>
/// The clamd servers the tests scan with, named by environment variables as host:port. .ci/run starts both, with a
/// signature database made from the EICAR test string, so these tests run in CI and skip elsewhere when unset.
/// </summary>
internal static class TestClamd
{
    /// <summary>A clamd with the test signatures and limits above anything the tests send (StreamMaxLength 4000M).</summary>
    public const string Variable = "ATTEST_TEST_CLAMD";

    /// <summary>A clamd with small limits: StreamMaxLength 1M, MaxFileSize 512K, AlertExceedsMax yes.</summary>
    public const string LimitedVariable = "ATTEST_TEST_CLAMD_LIMITED";

    /// <summary>
    /// The standard 68-byte EICAR anti-malware test file, put together at run time so that no virus scanner on a
    /// developer's machine quarantines this source file.
    /// </summary>
    public static byte[] Eicar { get; } = Encoding.ASCII.GetBytes(
        string.Concat(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-", "TEST-FILE!$H+H*"));

    public static ClamdScanner Scanner(string variable)
    {
        var address = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } s ? s : null;
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.False(inCi && address is null, $"CI must set {variable}: the clamd tests would not run.");
        Skip.If(address is null, $"clamd tests need {variable} (host:port of a clamd with the EICAR test signature); .ci/run starts one.");
        var colon = address.LastIndexOf(':');
        return For(address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static ClamdScanner For(string host, int port, int timeoutSeconds = 60) =>
        new(Options.Create(new ScanningOptions { ClamdHost = host, ClamdPort = port, TimeoutSeconds = timeoutSeconds }), NullLogger<ClamdScanner>.Instance);
}
