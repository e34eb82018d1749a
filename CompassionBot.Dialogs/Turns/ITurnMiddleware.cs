namespace CompassionBot.Dialogs.Turns;

/// <summary>Runs around every turn (typing indicator, transcript, ...).</summary>
public interface ITurnMiddleware
{
    /// <summary>Does its work and calls <paramref name="continueTurn"/> to continue the pipeline.</summary>
    Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> continueTurn, CancellationToken cancellationToken);
}
