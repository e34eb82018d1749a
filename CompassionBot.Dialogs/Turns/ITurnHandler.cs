namespace CompassionBot.Dialogs.Turns;

/// <summary>The bot: handles one turn.</summary>
public interface ITurnHandler
{
    /// <summary>Handles the turn.</summary>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
