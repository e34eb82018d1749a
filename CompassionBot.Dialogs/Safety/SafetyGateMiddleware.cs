using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Runs the <see cref="ISafetyGate"/> in every turn before anything can answer: refuses any reply to a message with text
/// until the message has a verdict (<see cref="TurnContextSafety"/>), screens the message or the edit, and ends the turn
/// there when the safety response handled it. A message without text needs no screening: its verdict is
/// <see cref="SafetyAssessment.Safe"/>.
/// </summary>
public sealed class SafetyGateMiddleware : ITurnMiddleware
{
    /// <summary>Its <see cref="Order"/>: right after the turn view is built, before anything that can answer.</summary>
    public const int Position = BotTurnMiddleware.Position + 1;

    private readonly ISafetyGate _gate;

    /// <summary>Creates the middleware.</summary>
    public SafetyGateMiddleware(ISafetyGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        _gate = gate;
    }

    /// <inheritdoc />
    public int Order => Position;

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> continueTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(continueTurn);
        turnContext.OnSendActivities(RefuseUnscreenedReplies);
        if (turnContext.NeedsScreening)
        {
            var turn = BotTurn.Of(turnContext);
            var handled = turnContext.Activity.IsMessage
                ? await _gate.ScreenAsync(turn, cancellationToken).ConfigureAwait(false)
                : await _gate.ScreenEditAsync(turn, cancellationToken).ConfigureAwait(false);
            if (handled)
            {
                return;
            }
        }
        else if (turnContext.Activity.IsMessage)
        {
            turnContext.Safety = SafetyAssessment.Safe;
        }

        await continueTurn(cancellationToken).ConfigureAwait(false);
    }

    private static Task RefuseUnscreenedReplies(ITurnContext turnContext, IReadOnlyList<Activity> activities, Func<Task> next) =>
        turnContext.NeedsScreening && turnContext.Safety is null
            ? throw new InvalidOperationException("A message was answered before the safety gate screened it.")
            : next();
}
