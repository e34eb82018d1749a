using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// How often link codes may be tried, so that codes cannot be guessed: each person (channel and user id) gets
/// <see cref="ClinicianApiOptions.LinkAttemptsPerPerson"/> tries an hour, and this instance takes
/// <see cref="ClinicianApiOptions.LinkAttemptsPerMinute"/> tries a minute from everyone together (a guesser can make up
/// new user ids on some channels). Held in memory: a restart forgets, which costs a guesser nothing of note.
/// </summary>
internal sealed class LinkAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LinkAttemptLimiter(IOptions<ClinicianApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perPerson = options.Value.LinkAttemptsPerPerson;
        var perMinute = options.Value.LinkAttemptsPerMinute;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(person => RateLimitPartition.GetSlidingWindowLimiter(
                person,
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = perPerson, Window = TimeSpan.FromHours(1), SegmentsPerWindow = 6, QueueLimit = 0 })),
            PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetFixedWindowLimiter(
                string.Empty,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    /// <summary>Whether the person on <paramref name="channelId"/> known as <paramref name="userId"/> may try a code now
    /// (the try is counted).</summary>
    public bool TryAttempt(string channelId, string userId)
    {
        using var lease = _limiter.AttemptAcquire($"{channelId}\n{userId}");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
