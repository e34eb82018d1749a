using CompassionBot.Dialogs.Bot;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Screens every inbound message with text, first in the turn, on every channel (<see cref="SafetyGateMiddleware"/> runs
/// it). Sets the turn's verdict (<see cref="TurnContextSafety"/>) and, for crisis and concern, responds in that same turn.
/// </summary>
public interface ISafetyGate
{
    /// <summary>Screens the message; returns true when the safety response handled the whole turn.</summary>
    Task<bool> ScreenAsync(BotTurn turn, CancellationToken cancellationToken);

    /// <summary>
    /// Screens an edited message (<c>messageUpdate</c>): crisis and concern language get the same response as in a new
    /// message; anything else is left alone (an edit neither answers a question nor ends a follow-up). Returns true
    /// when the safety response was sent.
    /// </summary>
    Task<bool> ScreenEditAsync(BotTurn turn, CancellationToken cancellationToken);

    /// <summary>
    /// Gives an already screened message what the safety policy decides (the turn-error handler uses this when a turn
    /// failed after, or before, the gate ran). Sets the turn's verdict (<see cref="TurnContextSafety"/>); returns true when
    /// a safety response was sent.
    /// </summary>
    Task<bool> RespondAsync(BotTurn turn, SafetyAssessment assessment, CancellationToken cancellationToken);
}
