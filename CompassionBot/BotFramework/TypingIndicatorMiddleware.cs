using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.BotFramework;

/// <summary>
/// Sends a typing indicator when a message turn has run for <see cref="InitialDelay"/>, then every
/// <see cref="Period"/> until it ends (the Activity spec asks for no more than one every 2–3 seconds).
/// </summary>
internal sealed partial class TypingIndicatorMiddleware(TimeProvider timeProvider, ILogger<TypingIndicatorMiddleware> logger) : ITurnMiddleware
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

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = SendWhileRunningAsync(turnContext, stop.Token);
        try
        {
            await continueTurn(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false);
        }
    }

    // The waits end without throwing when the turn finishes (most turns end before the first indicator is due), so a
    // turn does not pay for an exception.
    private async Task SendWhileRunningAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(InitialDelay, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (!cancellationToken.IsCancellationRequested)
            {
                await turnContext.SendTypingAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(Period, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The turn finished while an indicator was being sent.
        }
        catch (Exception exception) when (exception is HttpRequestException or ConnectorException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            // A lost typing indicator is harmless; the turn goes on.
            Log.TypingFailed(logger, exception, turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
        }
    }
}
