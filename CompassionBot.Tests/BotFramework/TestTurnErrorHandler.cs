using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Tests.BotFramework;

/// <summary>Stands in for the real error handler (the lead's); records the failures.</summary>
public sealed class TestTurnErrorHandler : ITurnErrorHandler
{
    public List<Exception> Errors { get; } = [];

    public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        lock (Errors)
        {
            Errors.Add(exception);
        }

        return Task.CompletedTask;
    }
}
