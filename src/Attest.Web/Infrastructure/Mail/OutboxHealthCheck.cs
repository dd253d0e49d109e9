using Attest.Core.Mail;
using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attest.Web.Infrastructure.Mail;

/// <summary>
/// The outbox on /health: how many mails wait, how long the oldest has waited, how many were given up on in the last
/// day, and where mail goes. Degraded when a mail has waited more than 15 minutes (the mail server is down or refusing).
/// </summary>
public sealed class OutboxHealthCheck(IServiceScopeFactory scopes, IMailTransport transport, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = new AttestDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AttestDbContext>>(), NoCentre.Instance);
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = db.OutboxMails.Waiting();
        var count = await waiting.CountAsync(cancellationToken);
        var oldest = await waiting.OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var dayAgo = now.AddDays(-1);
        var failed = await db.OutboxMails.CountAsync(m => m.FailedAt > dayAgo, cancellationToken);
        var age = oldest is DateTime created ? Math.Max(0, (int)(now - created).TotalSeconds) : 0;
        var data = new Dictionary<string, object> { ["waiting"] = count, ["oldestWaitingSeconds"] = age, ["notDeliveredLastDay"] = failed, ["deliversTo"] = transport.Describe };
        var description = $"{count} waiting{(count > 0 ? $" (oldest {age} s)" : string.Empty)}, {failed} not delivered in the last day; mail goes to {transport.Describe}";
        return age > 15 * 60
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
