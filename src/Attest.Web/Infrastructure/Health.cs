using System.Text.Json;
using Attest.Core.Data;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attest.Web.Infrastructure;

/// <summary>Says which database is reachable by its product name, not by the library behind it: anyone may read /health.</summary>
public sealed class DatabaseHealthCheck(AttestDbContext db, Microsoft.Extensions.Options.IOptions<DatabaseOptions> database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{(database.Value.Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite")} reachable")
            : HealthCheckResult.Unhealthy("database unreachable");
}

public sealed class FileStoreHealthCheck(IFileStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.CanWriteAsync(cancellationToken) ? HealthCheckResult.Healthy("file store writable") : HealthCheckResult.Unhealthy("file store not writable");
}

public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>{"status":"Healthy","checks":{"database":{"status":..,"description":..},"fileStore":{..},"outbox":{..,"data":{"oldestWaitingSeconds":..}}}}</summary>
    public static Task Write(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count > 0 ? e.Value.Data : null }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
