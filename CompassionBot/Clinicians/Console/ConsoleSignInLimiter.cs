using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CompassionBot.Clinicians.Console;

/// <summary>
/// How often the console's key sign-in may be tried, so that keys cannot be guessed: each client address gets
/// <see cref="ClinicianApiOptions.SignInAttemptsPerMinute"/> tries a minute and, once
/// <see cref="ClinicianApiOptions.SignInFailuresPerHour"/> of its tries in an hour were wrong keys, no more tries until
/// that hour has moved on. An IPv6 address counts by its /64 network, which one household or server can fill with
/// addresses. Held in memory: a restart forgets, which costs a guesser nothing of note.
/// </summary>
internal sealed class ConsoleSignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _attempts;
    private readonly PartitionedRateLimiter<string> _failures;

    public ConsoleSignInLimiter(IOptions<ClinicianApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perMinute = options.Value.SignInAttemptsPerMinute;
        var failuresPerHour = options.Value.SignInFailuresPerHour;
        _attempts = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(
            address,
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = failuresPerHour, Window = TimeSpan.FromHours(1), SegmentsPerWindow = 6, QueueLimit = 0 }));
    }

    /// <summary>Whether a sign-in from <paramref name="address"/> may be tried now (the try is counted), and if not,
    /// which limit holds it back.</summary>
    public ConsoleSignInAttempt TryAttempt(IPAddress? address)
    {
        var partition = Partition(address);
        if (_failures.GetStatistics(partition)?.CurrentAvailablePermits is 0)
        {
            return ConsoleSignInAttempt.TooManyWrongKeys;
        }

        using var lease = _attempts.AttemptAcquire(partition);
        return lease.IsAcquired ? ConsoleSignInAttempt.Allowed : ConsoleSignInAttempt.TooManyJustNow;
    }

    /// <summary>Counts a try from <paramref name="address"/> whose key was wrong.</summary>
    public void Failed(IPAddress? address)
    {
        using var lease = _failures.AttemptAcquire(Partition(address));
    }

    public void Dispose()
    {
        _attempts.Dispose();
        _failures.Dispose();
    }

    private static string Partition(IPAddress? address)
    {
        if (address is null)
        {
            return string.Empty;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString();
    }
}
