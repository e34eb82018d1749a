using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>
/// The limit before authentication: a fixed window of <see cref="DirectLineOptions.ClientRateLimitPermits"/> requests
/// per client address, so a flood of made-up credentials meets a limit too (each credential's own limit,
/// <see cref="DirectLineCredentialRateLimiter"/>, applies only once it is found valid). Rejections are 429 with
/// <c>Retry-After</c>, which DirectLineJS honours.
/// </summary>
internal sealed class DirectLineRateLimitPolicy(IOptions<DirectLineOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var value = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = value.ClientRateLimitPermits,
            Window = value.RateLimitWindow,
            QueueLimit = 0,
        });
    }

    internal static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken) =>
        await DirectLineResults.TooManyRequests(context.Lease).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
}
