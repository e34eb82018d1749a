using Microsoft.AspNetCore.Mvc.Filters;

namespace CompassionBot.Clinicians.Console;

/// <summary>
/// Every console page: kept in no cache (client data on a shared clinic computer, the back button after sign-out),
/// shown in no frame (its buttons end check-ins and unlink clients), and loading nothing but the service's own files.
/// </summary>
internal sealed class ConsoleResponseHeaders : IResultFilter
{
    public const string ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
