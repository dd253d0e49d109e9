using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attest.Web.Infrastructure.Scanning;

/// <summary>"virusScanner" in /health: clamd answers PING when scanning is configured.</summary>
public sealed class VirusScannerHealthCheck(IVirusScanner scanner) : IHealthCheck
{
    public const string Name = "virusScanner";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!scanner.Enabled)
        {
            // A deployment without clamd is allowed; the description makes the gap visible.
            return HealthCheckResult.Healthy("not configured: uploads are not scanned");
        }

        return await scanner.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy("clamd answered")
            : HealthCheckResult.Unhealthy("clamd did not answer: uploads cannot be scanned");
    }
}
