namespace CompassionBot.Dialogs.Turns;

/// <summary>The one place a failed turn is handled: log ids, say something gentle, reset the conversation's dialogs.</summary>
public interface ITurnErrorHandler
{
    /// <summary>Handles <paramref name="exception"/> thrown by the turn in <paramref name="turnContext"/>.</summary>
    Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken);
}
