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
    /// <summary>
    /// Puts each reason on its field (prefixed, e.g. "Input." or "Decisions[3]."), or on the form as a whole when it has none.
    /// On a form of many records, <paramref name="subject"/> ("1.2") starts each field's reason, so the error summary says
    /// which record it concerns; a reason on the whole form is shown once however many records give it.
    /// </summary>
    public static void AddRule(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, DomainRuleException rule, string prefix = "", string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(rule);
        // A field the binder could not read already says so ("2001-02-31 is not a date"); the rule's "enter a date" would only repeat it.
        var unreadable = modelState.Where(f => f.Key.Length > 0 && f.Value?.Errors.Count > 0).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, reason) in rule.FieldReasons ?? [.. rule.Reasons.Select(r => (rule.Field ?? string.Empty, r))])
        {
            if (unreadable.Contains(prefix + field))
            {
                continue;
            }

            if (field.Length == 0)
            {
                if (!modelState.TryGetValue(string.Empty, out var form) || form.Errors.All(e => e.ErrorMessage != reason))
                {
                    modelState.AddModelError(string.Empty, reason);
                }
            }
            else
            {
                modelState.AddModelError(prefix + field, subject is null ? reason : $"{subject}: {reason}");
            }
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
        if (executed.Exception is Core.Accounts.AccountNotFoundException)
        {
            // Another centre's person, or none: the same answer as any other object that is not the user's to see.
            executed.ExceptionHandled = true;
            executed.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
            return;
        }

        if (executed.Exception is DomainRuleException rule && context.HandlerInstance is PageModel page)
        {
            page.ModelState.AddRule(rule, FormPrefix(page, rule));

            if (page is IRedisplayable redisplay)
            {
                await redisplay.LoadAsync(context.HttpContext.RequestAborted);
            }

            executed.ExceptionHandled = true;
            executed.Result = page.Page();
        }
    }

    /// <summary>
    /// The bound form a rule's fields belong to ("Input.", "Adjust."): the page's [BindProperty] whose type has a
    /// property of that name, so the reason shows beside its field as well as in the summary. Of two forms with such
    /// fields (two uploads on one page), the one posted.
    /// </summary>
    private static string FormPrefix(PageModel page, DomainRuleException rule)
    {
        var fields = (rule.FieldReasons?.Select(f => f.Field) ?? [rule.Field]).OfType<string>().Where(f => f.Length > 0).ToList();
        if (fields.Count == 0)
        {
            return string.Empty;
        }

        var forms = page.GetType().GetProperties().Where(p =>
            p.IsDefined(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), inherit: true) && fields.All(f => p.PropertyType.GetProperty(f) is not null)).ToList();
        var posted = page.Request.HasFormContentType ? page.Request.Form.Keys.Concat(page.Request.Form.Files.Select(f => f.Name)).ToList() : [];
        var form = forms.FirstOrDefault(p => posted.Any(k => k.StartsWith(p.Name + ".", StringComparison.Ordinal))) ?? forms.FirstOrDefault();
        return form is null ? string.Empty : form.Name + ".";
    }
}
