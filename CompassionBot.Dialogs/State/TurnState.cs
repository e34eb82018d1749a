namespace CompassionBot.Dialogs.State;

/// <summary>The state documents a turn works on: the conversation's and the person's.</summary>
/// <param name="Conversation">Conversation state (dialog stack, safety follow-ups, ...).</param>
/// <param name="User">User state (profile: locale, consent, resonance, history).</param>
public sealed record TurnState(StateDocument Conversation, StateDocument User)
{
    /// <summary>
    /// The conversation's record of the activities its turns processed (<see cref="StateKeys.Deliveries"/>), committed
    /// with the other documents; only the turn machinery uses it. Null when the state was not loaded by
    /// <see cref="BotStateStore"/>.
    /// </summary>
    internal StateDocument? Deliveries { get; init; }

    /// <summary>The document for a scope.</summary>
    public StateDocument this[StateScope scope] => scope == StateScope.Conversation ? Conversation : User;
}
