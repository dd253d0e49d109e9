using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Quality;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Logs every request an EQA makes (issue 5: "every EQA access is logged"): who, when, what and the answer, append-only,
/// in a save of its own so a failed page never takes the log entry with it. It wraps the whole pipeline, so a refused or failed
/// request is logged once, as the page tried with the answer given, after the error page has answered it; and it reads the user
/// after authentication has run (static files, served before it, stay unlogged).
/// </summary>
public sealed class EqaAccessLog(RequestDelegate next, ILogger<EqaAccessLog> logger)
{
    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(clock);
        var at = clock.GetUtcNow().UtcDateTime;
        await next(context);
        if (context.User.Identity?.IsAuthenticated != true || !context.User.IsInRole(Roles.Eqa))
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            db.EqaAccesses.Add(new EqaAccess
            {
                CentreId = db.CurrentCentreId!.Value, UserId = context.User.UserId(), At = at, Method = context.Request.Method,
                Path = Truncate((context.Request.Path + context.Request.QueryString).ToString(), 2000),
                Status = context.Response.StatusCode,
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogError(e, "Could not log an EQA request to {Path}", context.Request.Path);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
