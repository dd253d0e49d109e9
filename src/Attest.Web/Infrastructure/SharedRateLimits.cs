using System.Globalization;
using Attest.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>A fixed-window limit per network address; <see cref="PostsOnly"/> leaves page loads uncounted.</summary>
public sealed record RateLimit(string Name, int Limit, TimeSpan Window, bool PostsOnly = false)
{
    /// <summary>Forgotten-password mails and single sign-on starts (POSTs: opening the page never counts). Failed passwords and codes are counted by FailuresByAddress and per account by lockout.</summary>
    public static readonly RateLimit SignIn = new("sign-in", 60, TimeSpan.FromMinutes(1), PostsOnly: true);

    /// <summary>Witness links and set-password links are guessed at no faster than this from one address (security.md test 13).</summary>
    public static readonly RateLimit Links = new("witness-link", 30, TimeSpan.FromMinutes(1));

    /// <summary>Per address: the limit is checked before the token is, so it cannot tell tokens apart.</summary>
    public static readonly RateLimit Api = new("api", 600, TimeSpan.FromMinutes(1));

    public static readonly IReadOnlyList<RateLimit> All = [SignIn, Links, Api];
}

/// <summary>
/// Counts requests against <see cref="RateLimit"/>s in the database (<see cref="RateCount"/>), so the limits hold across
/// every instance rather than per instance: an increment of the window's row, or the insert that starts the window (which
/// the primary key lets one request make; a request that loses the race increments instead).
/// </summary>
public sealed class SharedRateLimiter(DbContextOptions<AttestDbContext> options, TimeProvider clock)
{
    /// <summary>Whether this request is within the limit; when not, the response says in Retry-After when the window ends.</summary>
    public async Task<bool> AllowAsync(RateLimit limit, HttpContext context, CancellationToken cancellationToken)
    {
        var (allowed, retryAfter) = await CountAsync(limit, context, cancellationToken);
        if (!allowed)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return allowed;
    }

    private async Task<(bool Allowed, TimeSpan RetryAfter)> CountAsync(RateLimit limit, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(context);
        if (limit.PostsOnly && !HttpMethods.IsPost(context.Request.Method))
        {
            return (true, TimeSpan.Zero);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var start = new DateTime(now.Ticks - (now.Ticks % limit.Window.Ticks), DateTimeKind.Utc);
        var partition = $"{limit.Name}|{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}|";
        var key = partition + start.Ticks.ToString(CultureInfo.InvariantCulture);
        await using var db = new AttestDbContext(options, NoCentre.Instance);
        if (await IncrementAsync(db, key, cancellationToken) == 0)
        {
            db.RateCounts.Add(new RateCount { Key = key, Count = 1, ExpiresAt = start + limit.Window });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                // Opening a window clears every window that has ended, of any address: the rows name network
                // addresses, so none outlives its window by more than the next window anyone opens.
                await db.RateCounts.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await IncrementAsync(db, key, cancellationToken); // another request opened the window first
            }
        }

        var count = await db.RateCounts.Where(r => r.Key == key).Select(r => r.Count).SingleAsync(cancellationToken);
        return (count <= limit.Limit, start + limit.Window - now);
    }

    private static Task<int> IncrementAsync(AttestDbContext db, string key, CancellationToken cancellationToken) =>
        db.RateCounts.Where(r => r.Key == key).ExecuteUpdateAsync(set => set.SetProperty(r => r.Count, r => r.Count + 1), cancellationToken);
}

/// <summary>Limits a page's requests by one of the <see cref="RateLimit"/>s; over it, 429 with Retry-After and the error page.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SharedRateLimitAttribute(string name) : Attribute, IAsyncPageFilter
{
    public string Name { get; } = name;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var limit = RateLimit.All.Single(l => l.Name == Name);
        if (await context.HttpContext.RequestServices.GetRequiredService<SharedRateLimiter>().AllowAsync(limit, context.HttpContext, context.HttpContext.RequestAborted))
        {
            await next();
            return;
        }

        context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }
}
