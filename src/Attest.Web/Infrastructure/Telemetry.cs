using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Attest.Web.Infrastructure;

/// <summary><c>Telemetry</c>: where traces and metrics go. Empty endpoint: nowhere (the meters still count, for /health and tests).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OpenTelemetry collector's OTLP endpoint, e.g. http://collector:4317 (gRPC) or http://collector:4318 with <see cref="Protocol"/> HttpProtobuf.</summary>
    public string? OtlpEndpoint { get; set; }

    public OpenTelemetry.Exporter.OtlpExportProtocol Protocol { get; set; } = OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
}

/// <summary>
/// Attest's own measurements, beside the platform's (request rate and latency from ASP.NET Core, database time from
/// Npgsql and EF Core, the runtime's): how much background work waits, as the workers last saw it.
/// </summary>
public sealed class AttestMetrics : IDisposable
{
    public const string MeterName = "Attest";

    private readonly Meter _meter = new(MeterName);

    /// <summary>This app's meter: several apps in one process (tests) each have their own of the same name.</summary>
    public Meter Meter => _meter;
    private long _outboxWaiting;
    private long _scansWaiting;

    public AttestMetrics()
    {
        _meter.CreateObservableGauge("attest.outbox.waiting", () => Interlocked.Read(ref _outboxWaiting), "{mail}", "Mails queued and not yet sent or given up on, at the outbox sender's last poll");
        _meter.CreateObservableGauge("attest.scan.waiting", () => Interlocked.Read(ref _scansWaiting), "{file}", "Evidence files waiting for their virus scan, at the scan worker's last pass");
    }

    public void OutboxWaiting(long count) => Interlocked.Exchange(ref _outboxWaiting, count);

    public void ScansWaiting(long count) => Interlocked.Exchange(ref _scansWaiting, count);

    public void Dispose() => _meter.Dispose();
}

public static class TelemetryRegistration
{
    public static IServiceCollection AddAttestTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AttestMetrics>();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return services;
        }

        void Export(OpenTelemetry.Exporter.OtlpExporterOptions otlp)
        {
            otlp.Endpoint = new Uri(options.OtlpEndpoint);
            otlp.Protocol = options.Protocol;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("attest"))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddOtlpExporter(Export))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation()
                .AddMeter(AttestMetrics.MeterName, "Microsoft.EntityFrameworkCore").AddOtlpExporter(Export));
        return services;
    }
}
