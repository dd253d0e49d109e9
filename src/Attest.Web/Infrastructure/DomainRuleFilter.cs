using Attest.Core;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Infrastructure;

/// <summary>A page that can rebuild what it shows after a refused POST.</summary>
public interface IRedisplayable
{
    Task LoadAsync(CancellationToken cancellationToken);
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
            foreach (var (field, reason) in rule.FieldReasons ?? [.. rule.Reasons.Select(r => (rule.Field ?? string.Empty, r))])
            {
                page.ModelState.AddModelError(field, reason);
            }

            if (page is IRedisplayable redisplay)
            {
                await redisplay.LoadAsync(context.HttpContext.RequestAborted);
            }

            executed.ExceptionHandled = true;
            executed.Result = page.Page();
        }
    }
}
