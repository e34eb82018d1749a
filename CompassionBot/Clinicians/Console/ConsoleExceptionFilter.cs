using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CompassionBot.Clinicians.Console;

/// <summary>
/// A console page that fails is logged and answered 500, which the console's error page then explains in words
/// (<see cref="ConsoleEndpoints.UseClinicConsoleErrorPages"/>) instead of problem+json.
/// </summary>
internal sealed class ConsoleExceptionFilter(ILogger<ConsoleExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        Log.PageFailed(logger, context.ActionDescriptor.DisplayName, context.Exception);
        context.Result = new StatusCodeResult(StatusCodes.Status500InternalServerError);
        context.ExceptionHandled = true;
    }
}
