using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Tests.Support;

/// <summary>A turn error handler for host tests that have no real one: says one gentle line.</summary>
public sealed class TestTurnErrorHandler : ITurnErrorHandler
{
    public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Activity.CreateMessage("Something went wrong."), cancellationToken);
}
