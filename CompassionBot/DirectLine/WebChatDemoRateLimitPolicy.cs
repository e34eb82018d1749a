using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>The demo token endpoint's limit: <see cref="DirectLineOptions.DemoTokenPermits"/> per client address and window.</summary>
internal sealed class WebChatDemoRateLimitPolicy(IOptions<DirectLineOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => DirectLineRateLimitPolicy.RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var value = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = value.DemoTokenPermits,
            Window = value.RateLimitWindow,
            QueueLimit = 0,
        });
    }
}
