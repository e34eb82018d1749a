using System.ComponentModel.DataAnnotations;

namespace CompassionBot.CheckIns;

/// <summary>Check-in scheduling (section <c>CheckIns</c>).</summary>
public sealed class CheckInOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "CheckIns";

    /// <summary>Earliest local time a check-in goes out (default 08:00, the TCPA window).</summary>
    public static readonly TimeOnly WindowStart = new(8, 0);

    /// <summary>Local time from which no check-in goes out (default 21:00).</summary>
    public static readonly TimeOnly WindowEnd = new(21, 0);

    /// <summary>How often due check-ins are looked for (default 1 minute).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Lease of a claimed send (default 5 minutes): a claim its instance did not start sending within this long is
    /// taken over by another instance; one still sending after this long is presumed dead (see <see cref="CheckInDispatcher"/>).
    /// Must be longer than a Twilio call with its retry.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A slot due longer ago than this (the service was down) is not sent late (default 2 hours).</summary>
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Unanswered check-ins in a row that lower the frequency and tell the clinician (default 3).</summary>
    public int UnansweredLimit { get; set; } = 3;

    /// <summary>
    /// How long after a crisis referral check-in nudges are held while the client's conversation is in crisis mode (its
    /// latest crisis event has no outcome beyond the referral): until the person says they are safe or a clinician closes
    /// it, at most this long (default 72 hours; 0 turns the hold off). A slot held this way goes out late once crisis mode
    /// ends, within <see cref="MaxLateness"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "CheckIns:CrisisQuietPeriod must be between 00:00:00 and 30.00:00:00.")]
    public TimeSpan CrisisQuietPeriod { get; set; } = TimeSpan.FromHours(72);
}
