using Attest.Core;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Infrastructure;

/// <summary>A page that can rebuild what it shows after a refused POST.</summary>
public interface IRedisplayable
{
    Task LoadAsync(CancellationToken cancellationToken);
}

public static class DomainRuleModelState
{
    /// <summary>Puts each reason on its field (prefixed, e.g. "Input."), or on the form as a whole when it has none.</summary>
    public static void AddRule(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, DomainRuleException rule, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(rule);
        foreach (var (field, reason) in rule.FieldReasons ?? [.. rule.Reasons.Select(r => (rule.Field ?? string.Empty, r))])
        {
            modelState.AddModelError(field.Length == 0 ? string.Empty : prefix + field, reason);
        }
    }
}

/// <summary>Turns a broken rule into form errors on the same page (architecture.md: one page filter).</summary>
public sealed class DomainRuleFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is DomainRuleException rule && context.HandlerInstance is PageModel page)
        {
            page.ModelState.AddRule(rule);

            if (page is IRedisplayable redisplay)
            {
                await redisplay.LoadAsync(context.HttpContext.RequestAborted);
            }

            executed.ExceptionHandled = true;
            executed.Result = page.Page();
        }
    }
}
