using System.Diagnostics;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features;

/// <summary>The one error page: a plain message and a reference, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";

    public string Message { get; private set; } = "Try again later. Nothing you entered was saved unless you saw it confirmed.";

    public string CorrelationId { get; private set; } = string.Empty;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    // A failed tus PATCH or DELETE is re-executed here with its own method.
    public void OnPatch(int? code) => Describe(code);

    public void OnDelete(int? code) => Describe(code);

    public void OnPut(int? code) => Describe(code);

    private void Describe(int? code)
    {
        CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        // A re-executed POST whose form cannot be read (a body over the size limit) binds no code: the original status still stands.
        // Visited directly, with no failure to tell of and no error status in the address, the page is not found.
        var status = failure is not null ? RequestFailures.StatusOf(failure.Error)
            : code is >= 400 and <= 599 ? code.Value
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        (Title, Message) = status switch
        {
            404 => ("Page not found", "The page does not exist, or you do not have access to it."),
            403 => ("You do not have access to this page", "Your role does not include this page."),
            401 => ("Sign in to continue", "You are not signed in, or your session has ended."),
            400 => ("The request could not be accepted", "Go back, reload the page and try again."),
            405 => ("This page cannot take a form", "It only shows information, so nothing was sent or saved. Go back and use the page's own links and buttons."),
            409 => ("Someone else saved first", "Another change to the same record was saved while you were working, so yours was not saved. Reload the page to see it, then decide again."),
            413 => ("What you sent is too large", "Nothing was saved. Go back: what you entered is still on the previous page. Choose a smaller file, or shorten the text (a long written account can be uploaded as a file)."),
            422 => ("This form was already sent with different answers", "The same form was sent before with other values. Reload the page and send it again."),
            429 => ("Too many attempts", "Wait a minute and try again."),
            // The database or the disk failed mid-request: every write is one transaction and files are removed
            // when their row fails, so nothing half-done is left, and trying again is the right thing to do.
            503 => ("The service could not save this just now", "Nothing was saved. Go back and send it again in a moment: what you entered is still on the previous page."),
            _ => (Title, Message),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = RequestFailures.RetryAfterSeconds;
        }

        if (failure is not null && !RequestFailures.IsBadInput(failure.Error))
        {
            logger.LogError(failure.Error, "Unhandled error on {Path}, reference {CorrelationId}", failure.Path, CorrelationId);
        }
    }
}
