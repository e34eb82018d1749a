using System.ComponentModel.DataAnnotations;

namespace CompassionBot.Operations;

/// <summary>How the probe endpoints protect themselves (section <c>Operations</c>).</summary>
internal sealed class OperationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Operations";

    /// <summary>
    /// How long a <c>/readyz</c> answer is reused (default 2 s; zero evaluates every request). While writes fail it is
    /// never reused: the probe's own write is how recovery is found.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReadinessCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests each client address may make to each probe per <see cref="ProbeRateLimitWindow"/> (default 20).</summary>
    [Range(1, 100_000)]
    public int ProbeRateLimitPermits { get; set; } = 20;

    /// <summary>The probes' rate-limit window (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ProbeRateLimitWindow { get; set; } = TimeSpan.FromSeconds(1);
}
