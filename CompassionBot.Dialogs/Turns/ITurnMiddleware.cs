namespace CompassionBot.Dialogs.Turns;

/// <summary>Runs around every turn (typing indicator, transcript, the bot's own steps before it answers).</summary>
public interface ITurnMiddleware
{
    /// <summary>
    /// Its place in the pipeline: lower runs first, around the higher ones; equal values run in registration order.
    /// Channel middleware (typing indicators, transcripts) keep the default 0, so they see the whole turn.
    /// </summary>
    int Order => 0;

    /// <summary>Does its work and calls <paramref name="continueTurn"/> to continue the pipeline.</summary>
    Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> continueTurn, CancellationToken cancellationToken);
}
