using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>
/// A fixed window of <see cref="DirectLineOptions.RateLimitPermits"/> requests per credential (token or secret;
/// the client address when there is none). Rejections are 429 with <c>Retry-After</c>, which DirectLineJS honours.
/// </summary>
internal sealed class DirectLineRateLimitPolicy(IOptions<DirectLineOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var credential = DirectLineAuthenticator.ReadCredential(httpContext);

        // The partition key is a hash: the limiter's table never holds a usable token.
        var key = credential is null
            ? "ip:" + httpContext.Connection.RemoteIpAddress
            : "cred:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));
        var value = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = value.RateLimitPermits,
            Window = value.RateLimitWindow,
            QueueLimit = 0,
        });
    }

    internal static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await DirectLineResults.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; try again later.")
            .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }
}
