using Microsoft.AspNetCore.Diagnostics;

namespace CompassionBot.Hosting;

/// <summary>
/// A request whose body never arrived whole is the client's doing, not a fault of the service: a body too slow for
/// Kestrel's minimum data rate, cut off by the client, or malformed at the protocol level. Logged once at
/// <see cref="LogLevel.Debug"/> (no unhandled-exception error per connection) and answered as problem+json with the
/// status Kestrel chose (408, 400, 413) when the client is still there to read it.
/// </summary>
internal sealed class RequestBodyExceptionHandler(IProblemDetailsService problems, ILogger<RequestBodyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var aborted = httpContext.RequestAborted.IsCancellationRequested;
        if (exception is not BadHttpRequestException && !(aborted && exception is OperationCanceledException or IOException))
        {
            return false;
        }

        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        var kind = exception.GetType().Name;
        HostingLog.RequestBodyIncomplete(logger, httpContext.Request.Method, httpContext.Request.Path.Value, status, aborted, kind);

        if (aborted || httpContext.Response.HasStarted)
        {
            return true;
        }

        httpContext.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = "The request body could not be read", Detail = "The request body was incomplete, too slow or malformed." },
        }).ConfigureAwait(false);
        return true;
    }
}
