using System.Security.Cryptography;
using System.Text;
using Attest.Core.Centres;
using Attest.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Idempotent form posts (security.md test 17). Every post form carries a fresh key; the first post with a key is carried
/// out, and if it succeeds (a redirect) its outcome is kept. Sending the same form again (a double submit, a retry after a
/// lost response) gets the same redirect and changes nothing; the same key with different fields gets 422. A post that
/// fails (a form sent back with errors) does not keep its key, so the corrected form can be sent.
/// </summary>
public sealed class IdempotencyFilter(AttestDbContext db, TimeProvider clock) : IAsyncPageFilter
{
    public const string Field = "IdempotencyKey";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        // A status page or error page re-executed for this request is not the post itself.
        var reExecuted = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        if (reExecuted || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType || context.HttpContext.User.Identity?.IsAuthenticated != true
            || db.CurrentCentreId is not Guid centre || !Guid.TryParse(request.Form[Field], out var key))
        {
            await next();
            return;
        }

        var user = context.HttpContext.User.UserId();
        var hash = Hash(request);
        var record = new IdempotencyRecord { CentreId = centre, UserId = user, Key = key, RequestSha256 = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var first = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == user && r.Key == key, context.HttpContext.RequestAborted);
            context.Result = first switch
            {
                null => new StatusCodeResult(StatusCodes.Status409Conflict),
                _ when first.RequestSha256 != hash => new StatusCodeResult(StatusCodes.Status422UnprocessableEntity),
                { Location: { } location } => new RedirectResult(location),
                _ => new StatusCodeResult(StatusCodes.Status409Conflict),
            };
            return;
        }

        db.Entry(record).State = EntityState.Detached;
        var executed = await next();
        db.ChangeTracker.Clear();
        var kept = await db.IdempotencyRecords.SingleAsync(r => r.Id == record.Id, context.HttpContext.RequestAborted);
        if (executed.Exception is null && executed.Result is RedirectResult redirect)
        {
            kept.Location = redirect.Url;
        }
        else
        {
            db.IdempotencyRecords.Remove(kept);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The path and every posted field but the antiforgery token, in order.</summary>
    private static string Hash(HttpRequest request)
    {
        var text = new StringBuilder(request.Path.Value).Append('?').Append(request.QueryString.Value).Append('\n');
        foreach (var field in request.Form.Where(f => f.Key != "__RequestVerificationToken").OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (var value in field.Value)
            {
                text.Append(field.Key).Append('=').Append(value).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>Adds a fresh idempotency key to every form that posts, as the antiforgery token is added.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.TryGetAttribute("method", out var method) && string.Equals(method.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{IdempotencyFilter.Field}\" value=\"{Guid.NewGuid()}\">");
        }
    }
}
