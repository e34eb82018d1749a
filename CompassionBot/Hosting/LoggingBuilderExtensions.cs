using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CompassionBot.Hosting;

/// <summary>The service's logging rules that configuration cannot undo.</summary>
internal static class LoggingBuilderExtensions
{
    /// <summary>No request URL (and so no query-string credential) in any log line: <see cref="RequestUrlLogPolicy"/>.</summary>
    public static ILoggingBuilder KeepRequestUrlsOutOfLogs(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<LoggerFilterOptions>, RequestUrlLogPolicy>());
        return logging;
    }
}
