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
    private readonly PartitionedRateLimiter<string> _perPerson;
    private readonly RateLimiter _perMinute;

    public LinkAttemptLimiter(IOptions<ClinicianApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perPerson = options.Value.LinkAttemptsPerPerson;
        _perPerson = PartitionedRateLimiter.Create<string, string>(person => RateLimitPartition.GetSlidingWindowLimiter(
            person,
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = perPerson, Window = TimeSpan.FromHours(1), SegmentsPerWindow = 6, QueueLimit = 0 }));
        _perMinute = new FixedWindowRateLimiter(
            new FixedWindowRateLimiterOptions { PermitLimit = options.Value.LinkAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    /// <summary>Whether the person on <paramref name="channelId"/> known as <paramref name="userId"/> may try a code now
    /// (the try is counted). The person's own limit is asked first, so someone already held back never uses up what
    /// everyone else may try.</summary>
    public LinkAttempt TryAttempt(string channelId, string userId)
    {
        using (var person = _perPerson.AttemptAcquire($"{channelId}\n{userId}"))
        {
            if (!person.IsAcquired)
            {
                return LinkAttempt.TooManyFromPerson;
            }
        }

        using var everyone = _perMinute.AttemptAcquire();
        return everyone.IsAcquired ? LinkAttempt.Allowed : LinkAttempt.TooManyJustNow;
    }

    public void Dispose()
    {
        _perPerson.Dispose();
        _perMinute.Dispose();
    }
}
