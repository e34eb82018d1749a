using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Dialogs.Bot;

/// <summary>One turn as the bot's parts see it: the turn, its dialog stack, the person's language and the texts.</summary>
public sealed class BotTurn
{
    /// <summary>Creates the turn view.</summary>
    public BotTurn(ITurnContext context, DialogContext dialogs, MessageCatalog messages)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(messages);
        Context = context;
        Dialogs = dialogs;
        Messages = messages;
    }

    /// <summary>The turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The view <see cref="BotTurnMiddleware"/> built of <paramref name="turnContext"/>.</summary>
    /// <exception cref="InvalidOperationException">No <see cref="BotTurnMiddleware"/> ran in this turn.</exception>
    public static BotTurn Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Values.Get<BotTurn>()
            ?? throw new InvalidOperationException($"No {nameof(BotTurnMiddleware)} ran in this turn: register it as a turn middleware.");
    }

    /// <summary>The inbound message as every step of the turn reads it (its embedding computed at most once), or null when
    /// the activity has no text.</summary>
    public MessageUnderstanding? Message { get; init; }

    /// <summary>The conversation's dialog stack.</summary>
    public DialogContext Dialogs { get; }

    /// <summary>The bot's texts.</summary>
    public MessageCatalog Messages { get; }

    /// <summary>The language to answer in (<c>en</c>/<c>es</c>).</summary>
    public string Locale
    {
        get => Context.Locale;
        set => Context.Locale = value;
    }

    /// <summary>The person's profile.</summary>
    public UserProfile Profile
    {
        get => BotStateAccessors.Profile.Get(Context, () => new UserProfile());
        set => BotStateAccessors.Profile.Set(Context, value);
    }

    /// <summary>A text in the person's language.</summary>
    public string Text(string key, params (string Name, string Value)[] arguments) => Messages.Get(key, Locale, arguments);

    /// <summary>Sends a text in the person's language.</summary>
    public Task SayAsync(string key, CancellationToken cancellationToken, params (string Name, string Value)[] arguments) =>
        Context.SayAsync(Messages, key, cancellationToken, arguments);
}
