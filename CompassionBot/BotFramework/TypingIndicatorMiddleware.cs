using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.BotFramework;

/// <summary>
/// Shows a typing indicator while a message turn runs: the first when it has run for <see cref="InitialDelay"/>, then
/// every <see cref="Period"/> until it ends (the Activity spec asks for no more than one every 2–3 seconds). Not for
/// expectReplies, whose replies all arrive in the response anyway.
/// </summary>
internal sealed class TypingIndicatorMiddleware(TimeProvider timeProvider, ILogger<TypingIndicatorMiddleware> logger) : ITurnMiddleware
{
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> continueTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(continueTurn);
        if (!turnContext.Activity.IsMessage || string.Equals(turnContext.Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            await continueTurn(cancellationToken).ConfigureAwait(false);
            return;
        }

        var typing = new TypingIndicator(turnContext, timeProvider, logger, cancellationToken);
        await using (typing.ConfigureAwait(false))
        {
            await continueTurn(cancellationToken).ConfigureAwait(false);
        }
    }
}
