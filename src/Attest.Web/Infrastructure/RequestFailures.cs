namespace Attest.Web.Infrastructure;

/// <summary>
/// What a failed request answers, the same for pages (the error page) and the API (RFC 9457 problem details): input the
/// framework could not read keeps its own status (400, 413), a database or disk that failed mid-request is 503 with
/// Retry-After, anything else 500.
/// </summary>
public static class RequestFailures
{
    /// <summary>How long to wait before sending again after a 503.</summary>
    public const string RetryAfterSeconds = "30";

    public static int StatusOf(Exception error) => error switch
    {
        // Before IOException, which it derives from: a query value that does not bind, a body over Kestrel's limit.
        BadHttpRequestException bad => bad.StatusCode,
        System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or IOException or TimeoutException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The request's own input was at fault, not the service: not logged as an error.</summary>
    public static bool IsBadInput(Exception error) => error is BadHttpRequestException;

    /// <summary>Requests a program makes to the REST API, answered with problem details rather than pages.</summary>
    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The error page for people; problem details for the API. Minimal API endpoints throw when a value does not bind, so the
    /// problem names the parameter (in every environment, not only Development).
    /// </summary>
    public static void AddRequestFailures(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad)
            {
                // The framework's own words: 'Failed to bind parameter "int? page" from "abc".'
                context.ProblemDetails.Detail = bad.Message;
            }

            if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.ProblemDetails.Detail = "The service could not answer just now. Send the request again in a moment.";
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            }
        });
    }

    public static void UseRequestFailures(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(Options("/Error"));
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        // Inside the page handlers, so the API's answer is written first and the page handlers leave it be.
        app.UseWhen(IsApi, api => api.UseExceptionHandler(Options(path: null)).UseStatusCodePages());
    }

    private static ExceptionHandlerOptions Options(string? path) => new()
    {
        ExceptionHandlingPath = path is null ? default : new PathString(path),
        StatusCodeSelector = StatusOf,
        SuppressDiagnosticsCallback = context => IsBadInput(context.Exception),
    };
}
