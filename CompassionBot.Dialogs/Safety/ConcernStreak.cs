namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Counts consecutive <see cref="RiskLevel.Concern"/> messages in one conversation, so that two in a row raise the
/// next check from gentle to direct. Pure and immutable: store it in conversation state and replace it each turn.
/// </summary>
/// <param name="ConsecutiveConcerns">Concern messages in a row up to and including the last one observed.</param>
public sealed record ConcernStreak(int ConsecutiveConcerns = 0)
{
    /// <summary>Concern messages in a row after which the check is <see cref="SafetyCheck.Direct"/>.</summary>
    public const int DirectAfter = 2;

    /// <summary>The streak before any message.</summary>
    public static ConcernStreak Empty { get; } = new();

    /// <summary>The check for the last observed message: none unless it was a concern; direct from the second in a row.</summary>
    public SafetyCheck Check => ConsecutiveConcerns switch
    {
        0 => SafetyCheck.None,
        < DirectAfter => SafetyCheck.Gentle,
        _ => SafetyCheck.Direct,
    };

    /// <summary>The streak after a message with <paramref name="level"/>. A calm message resets it; so does a crisis,
    /// because the crisis flow (referral, then a gentle check-in next turn) takes over.</summary>
    public ConcernStreak Observe(RiskLevel level) =>
        level == RiskLevel.Concern ? new ConcernStreak(Math.Min(ConsecutiveConcerns, DirectAfter) + 1) : Empty;
}
