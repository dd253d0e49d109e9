using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Attest.Web.Infrastructure;

/// <summary>
/// A form over the limits Attest reads forms to (<see cref="Microsoft.AspNetCore.Http.Features.FormOptions"/>: a field's
/// length, the number of fields, the body's size) answers 413, and the error page says what was too large. Without this the
/// antiforgery check is the first to read the form, fails, and tells the person to reload the page, which loses what they typed.
/// A form that is readable but breaks a field's rule gets that field's error from the page itself.
/// </summary>
public sealed class FormTooLargeFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After a page's own request size and form limits (900), before the antiforgery check (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        // The error page re-executed for this very form: it was refused already, and its body is spent.
        if (!request.HasFormContentType || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (IsOverALimit(e))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }

    /// <summary>
    /// Kestrel's body limit carries 413; the form reader names a limit only in its message ("Form value length limit 4194304
    /// exceeded."). Any other unreadable form is left to the antiforgery check's 400.
    /// </summary>
    private static bool IsOverALimit(Exception e) =>
        e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || (e is InvalidDataException && e.Message.Contains(" limit ", StringComparison.Ordinal) && e.Message.EndsWith(" exceeded.", StringComparison.Ordinal));
}
