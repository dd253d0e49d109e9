using Attest.Core.Data;
using Attest.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Attest.Web.Infrastructure.Mail;

/// <summary>Wakes the sender when mail has just been committed, so it goes at once rather than at the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>Wakes the sender after a save (or the commit of a transaction) that wrote outbox mail.</summary>
public sealed class OutboxWakeInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && context.ChangeTracker.Entries<OutboxMail>().Any())
        {
            signal.Wake();
        }

        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context?.ChangeTracker.Entries<OutboxMail>().Any() == true)
        {
            signal.Wake();
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Delivers the outbox. Each mail is claimed with a conditional update (only a mail that is due and not held by a live
/// claim can be claimed, so of several instances exactly one wins), sent with a stable Message-ID, then marked sent;
/// a failure is retried with doubling waits, and a refusal or the last attempt marks it not delivered, with the reason.
/// A sender killed after claiming leaves the mail to be taken again when its lease runs out.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IMailTransport transport, OutboxSignal signal, IOptions<MailOptions> options, TimeProvider clock, AppInstance instance, AttestMetrics metrics, ILogger<OutboxSender> logger) : BackgroundService
{
    public IMailTransport Transport => transport;

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = new AttestDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AttestDbContext>>(), NoCentre.Instance);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMails.Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(50).ToListAsync(cancellationToken);
        metrics.OutboxWaiting(await db.OutboxMails.Waiting().CountAsync(cancellationToken));
        var sent = 0;
        foreach (var id in due)
        {
            now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.OutboxMails
                .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, instance.Name).SetProperty(m => m.ClaimedUntil, now.AddSeconds(settings.LeaseSeconds)).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                continue; // another sender has it
            }

            var mail = await db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await transport.SendAsync(Message(mail, settings), cancellationToken);
                var at = clock.GetUtcNow().UtcDateTime;
                await db.OutboxMails.Where(m => m.Id == id && m.ClaimedBy == instance.Name).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, at).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.TextBody, m => m.HoldsLink ? null : m.TextBody).SetProperty(m => m.HtmlBody, m => m.HoldsLink ? null : m.HtmlBody), cancellationToken);
                sent++;
            }
            catch (MailRefusedException refused)
            {
                logger.LogWarning("Mail {MailId} ({Template}) not delivered: {Reason}", id, mail.Template, refused.Message);
                await GiveUpAsync(db, id, refused.Message, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var reason = $"Could not send through {transport.Describe}: {failure.Message}";
                if (mail.Attempts >= settings.MaxAttempts)
                {
                    logger.LogWarning("Mail {MailId} ({Template}) not delivered after {Attempts} attempts: {Reason}", id, mail.Template, mail.Attempts, reason);
                    await GiveUpAsync(db, id, reason, cancellationToken);
                }
                else
                {
                    var next = clock.GetUtcNow().UtcDateTime + RetryDelay(mail.Attempts);
                    logger.LogInformation("Mail {MailId} ({Template}) will be tried again at {Next:o}: {Reason}", id, mail.Template, next, reason);
                    await db.OutboxMails.Where(m => m.Id == id && m.ClaimedBy == instance.Name).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, Trim(reason)), cancellationToken);
                }
            }
        }

        return sent;
    }

    /// <summary>One minute after the first failure, doubling each time, never more than two hours.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(120, Math.Pow(2, Math.Max(0, attempts - 1))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
        {
            logger.LogInformation("This instance does not send mail (Mail:SenderEnabled is false)");
            return;
        }

        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending the outbox failed; trying again at the next interval");
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task GiveUpAsync(AttestDbContext db, Guid id, string reason, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMails.Where(m => m.Id == id && m.ClaimedBy == instance.Name).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.FailedAt, at).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, Trim(reason)), cancellationToken);
    }


    private static string Trim(string reason) => reason.Length > 2000 ? reason[..2000] : reason;

    /// <summary>The MIME message: plain text and HTML alternatives, and a Message-ID that stays the same on every attempt.</summary>
    public static MimeMessage Message(OutboxMail mail, MailOptions settings)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(settings);
        var message = new MimeMessage { Subject = mail.Subject, MessageId = $"{mail.Id:N}@attest.mail", Date = new DateTimeOffset(DateTime.SpecifyKind(mail.CreatedAt, DateTimeKind.Utc)) };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = mail.TextBody ?? string.Empty, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
