namespace CompassionBot.Dialogs.Safety;

/// <summary>What the safety gate remembers between turns of a conversation.</summary>
/// <param name="AwaitingScreeningAnswer">A screening question was asked; the next message answers it.</param>
/// <param name="FollowUpPending">A crisis referral was sent; the next message gets a gentle "how are you now?" first.</param>
/// <param name="Streak">Consecutive concern turns (a screening answer in between does not break it).</param>
public sealed record SafetyConversationState(bool AwaitingScreeningAnswer, bool FollowUpPending, ConcernStreak Streak)
{
    /// <summary>Nothing pending.</summary>
    public static SafetyConversationState Clear { get; } = new(false, false, ConcernStreak.Empty);
}
