using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Sends a post whose declared length is over <paramref name="bodyLimit"/> back to <paramref name="page"/> with its size
/// (<c>?tooLarge=</c>, for the page to say why, and <c>&amp;form=</c> the handler posted to, for a page of several upload
/// forms to say it beside the right one), before the antiforgery check or model binding reads the body (which would fail on
/// the limit and answer with a generic error).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RefuseOversizeAttribute(long bodyLimit, string page) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public long BodyLimit { get; } = bodyLimit;

    public string Page { get; } = page;

    /// <summary>Before the request size limit and the antiforgery check.</summary>
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is long length && length > BodyLimit)
        {
            var handler = request.Query["handler"].ToString();
            context.Result = new RedirectResult(Page + "?tooLarge=" + length.ToString(CultureInfo.InvariantCulture) + (handler.Length > 0 ? "&form=" + Uri.EscapeDataString(handler) : string.Empty));
        }
    }
}
