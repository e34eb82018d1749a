using CompassionBot.Dialogs.Bot;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>Something a person can say at any point (help, menu, stop, a language switch, an SMS keyword).
/// Runs after the safety gate and before the dialogs.</summary>
public interface IInterruptionHandler
{
    /// <summary>Handles the turn when it is this interruption; returns true when the turn is done.</summary>
    Task<bool> TryHandleAsync(BotTurn turn, CancellationToken cancellationToken);
}
