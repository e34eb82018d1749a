namespace CompassionBot.Dialogs.Safety;

/// <summary>What the safety gate remembers between turns of a conversation.</summary>
/// <param name="AwaitingScreeningAnswer">A screening question was asked; the next message answers it.</param>
/// <param name="Streak">Consecutive concern turns (a screening answer in between does not break it).</param>
/// <param name="Crisis">Crisis mode, while the person has not said they are safe; null otherwise.</param>
public sealed record SafetyConversationState(bool AwaitingScreeningAnswer, ConcernStreak Streak, CrisisMode? Crisis = null)
{
    /// <summary>Nothing pending.</summary>
    public static SafetyConversationState Clear { get; } = new(false, ConcernStreak.Empty);
}
