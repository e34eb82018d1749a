using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A small bot for channel tests: welcomes a joining user with two suggested actions, and answers each message
/// with a typing indicator and "You said: …" plus one suggested action.
/// </summary>
public sealed class DirectLineTestBot : ITurnHandler
{
    public const string Welcome = "Welcome to the test bot.";
    public static readonly string[] WelcomeChoices = ["Breathe", "Later"];

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate
            && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
        {
            await turnContext.SendActivityAsync(WithChoices(Activity.CreateMessage(Welcome, InputHints.ExpectingInput), WelcomeChoices), cancellationToken);
            return;
        }

        if (activity.IsMessage)
        {
            await turnContext.SendTypingAsync(cancellationToken);
            await turnContext.SendActivityAsync(WithChoices(Activity.CreateMessage($"You said: {activity.Text}"), ["Again"]), cancellationToken);
        }
    }

    private static Activity WithChoices(Activity message, IEnumerable<string> choices) =>
        message with { SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(CardAction.ImBack)] } };
}
