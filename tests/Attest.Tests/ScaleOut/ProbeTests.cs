using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Tests.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.ScaleOut;

/// <summary>Issue 15: an orchestrator asks two questions. Ready to take traffic (the database and store answer), and alive (the process answers).</summary>
public class ProbeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_its_database_an_instance_is_alive_but_not_ready(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        app.Database.Dispose(); // the database is gone (dropped, or its file removed)

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task With_a_telemetry_collector_configured_and_unreachable_the_app_still_serves()
    {
        // Nothing listens on port 9: export fails in the background, never in a request.
        using var app = await new AttestFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9" }).SeedAsync();
        using var client = await app.SignedInAsync(app.A.Assessor);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Assessor")).StatusCode);
        Assert.NotNull(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        Assert.NotNull(app.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
    }
}
