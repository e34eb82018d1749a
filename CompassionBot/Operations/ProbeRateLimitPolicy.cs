using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CompassionBot.Operations;

/// <summary>
/// The probes' limit: <see cref="OperationsOptions.ProbeRateLimitPermits"/> requests per client address, probe and
/// window, so that a flood of one probe from one address neither starves the other probe nor anyone else. Rejections
/// are 429 problem+json with <c>Retry-After</c>.
/// </summary>
internal sealed class ProbeRateLimitPolicy(IOptions<OperationsOptions> options) : IRateLimiterPolicy<string>
{
    /// <summary>The policy's name.</summary>
    public const string Name = "operations-probes";

    /// <summary>The problem type of a rejection.</summary>
    public const string ProblemType = "https://www.rfc-editor.org/rfc/rfc6585#section-4";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var value = options.Value;
        var key = httpContext.Request.Path.Value?.ToUpperInvariant() + "|" + httpContext.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = value.ProbeRateLimitPermits,
            Window = value.ProbeRateLimitWindow,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", type: ProblemType)
            .ExecuteAsync(http).ConfigureAwait(false);
    }
}
