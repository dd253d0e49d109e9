using System.Net;
using System.Net.Sockets;
using System.Text;
using Attest.Web.Infrastructure.Scanning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attest.Tests.Scanning;

public class ClamdScannerTests
{
    [SkippableFact]
    public async Task The_EICAR_test_file_is_reported_infected_with_the_signature_name()
    {
        var scanner = TestClamd.Scanner(TestClamd.Variable);

        var result = await scanner.ScanAsync(new MemoryStream(TestClamd.Eicar), CancellationToken.None);

        var infected = Assert.IsType<ScanResult.Infected>(result);
        Assert.Contains("EICAR", infected.Signature, StringComparison.OrdinalIgnoreCase);
        Assert.False(result.IsClean);
    }

    [SkippableFact]
    public async Task An_ordinary_pdf_is_clean()
    {
        var scanner = TestClamd.Scanner(TestClamd.Variable);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        var result = await scanner.ScanAsync(new MemoryStream(pdf), CancellationToken.None);

        Assert.IsType<ScanResult.Clean>(result);
        Assert.True(result.IsClean);
    }

    [SkippableFact]
    public async Task A_multi_megabyte_stream_arrives_whole_and_in_order_across_chunks()
    {
        var scanner = TestClamd.Scanner(TestClamd.Variable);
        var content = new byte[5 * 1024 * 1024];
        new Random(7).NextBytes(content);

        // The test string straddles the scanner's 64 KiB chunk boundary, three chunks in: clamd finds it only if the
        // chunks are framed and joined in order.
        TestClamd.Eicar.CopyTo(content, (3 * 64 * 1024) - 30);
        var infected = await scanner.ScanAsync(new MemoryStream(content), CancellationToken.None);

        Array.Clear(content, (3 * 64 * 1024) - 30, TestClamd.Eicar.Length);
        var clean = await scanner.ScanAsync(new MemoryStream(content), CancellationToken.None);

        Assert.IsType<ScanResult.Infected>(infected);
        Assert.IsType<ScanResult.Clean>(clean);
    }

    [SkippableFact]
    public async Task A_stream_over_clamds_StreamMaxLength_fails_as_too_large_and_is_not_clean()
    {
        var scanner = TestClamd.Scanner(TestClamd.LimitedVariable);

        var result = await scanner.ScanAsync(new MemoryStream(new byte[3 * 1024 * 1024]), CancellationToken.None);

        var failed = Assert.IsType<ScanResult.Failed>(result);
        Assert.Contains("too large to scan", failed.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_file_over_clamds_MaxFileSize_fails_rather_than_passing_unscanned()
    {
        var scanner = TestClamd.Scanner(TestClamd.LimitedVariable);

        // Under StreamMaxLength (1M) but over MaxFileSize (512K): clamd would skip the file and say OK without AlertExceedsMax.
        var result = await scanner.ScanAsync(new MemoryStream(new byte[700 * 1024]), CancellationToken.None);

        var failed = Assert.IsType<ScanResult.Failed>(result);
        Assert.Contains("MaxFileSize", failed.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_running_clamd_answers_ping_and_the_health_check_is_healthy()
    {
        var scanner = TestClamd.Scanner(TestClamd.Variable);

        var health = await new VirusScannerHealthCheck(scanner).CheckHealthAsync(new HealthCheckContext());

        Assert.True(await scanner.PingAsync(CancellationToken.None));
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task An_unreachable_clamd_fails_the_scan_and_the_health_check()
    {
        var scanner = TestClamd.For("127.0.0.1", ClosedPort());

        var result = await scanner.ScanAsync(new MemoryStream(TestClamd.Eicar), CancellationToken.None);
        var health = await new VirusScannerHealthCheck(scanner).CheckHealthAsync(new HealthCheckContext());

        var failed = Assert.IsType<ScanResult.Failed>(result);
        Assert.Contains("cannot reach clamd", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
    }

    [Fact]
    public async Task A_clamd_that_never_answers_fails_the_scan_after_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var scanner = TestClamd.For("127.0.0.1", ((IPEndPoint)silent.LocalEndpoint).Port, timeoutSeconds: 1);

        var result = await scanner.ScanAsync(new MemoryStream(Encoding.ASCII.GetBytes("hello")), CancellationToken.None);

        var failed = Assert.IsType<ScanResult.Failed>(result);
        Assert.Contains("did not answer within 1 s", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_clamd_scanning_is_disabled_and_no_scan_counts_as_clean()
    {
        using var provider = Services(new Dictionary<string, string?>());
        var scanner = provider.GetRequiredService<IVirusScanner>();

        var result = await scanner.ScanAsync(new MemoryStream(Encoding.ASCII.GetBytes("hello")), CancellationToken.None);
        var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.False(scanner.Enabled);
        Assert.IsType<ScanResult.Failed>(result);
        Assert.Equal(HealthStatus.Healthy, health.Entries[VirusScannerHealthCheck.Name].Status);
        Assert.Contains("not configured", health.Entries[VirusScannerHealthCheck.Name].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_clamd_host_registers_the_clamd_scanner()
    {
        using var provider = Services(new Dictionary<string, string?> { ["Scanning:ClamdHost"] = "127.0.0.1", ["Scanning:ClamdPort"] = "3311" });

        var scanner = provider.GetRequiredService<IVirusScanner>();

        Assert.IsType<ClamdScanner>(scanner);
        Assert.True(scanner.Enabled);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddVirusScanning(configuration);
        return services.BuildServiceProvider();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
