using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>
/// The limit after authentication: a fixed window of <see cref="DirectLineOptions.RateLimitPermits"/> requests per
/// valid credential (token or secret). Only credentials found valid get a partition, so made-up ones cost no memory.
/// The partition key is a hash: the limiter's table never holds a usable token.
/// </summary>
internal sealed class DirectLineCredentialRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public DirectLineCredentialRateLimiter(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = value.RateLimitPermits,
            Window = value.RateLimitWindow,
            QueueLimit = 0,
        }));
    }

    /// <summary>One permit for <paramref name="credential"/>; the lease says whether it was granted.</summary>
    public RateLimitLease Acquire(string credential) =>
        _limiter.AttemptAcquire(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential))));

    public void Dispose() => _limiter.Dispose();
}
