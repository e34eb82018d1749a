using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Content;

/// <summary>Sends a text from the <see cref="MessageCatalog"/> in the turn's language: the one way the bot's parts say something.</summary>
public static class MessageReplies
{
    /// <summary>Sends <paramref name="key"/>'s text, filled with <paramref name="arguments"/>, in <paramref name="context"/>'s language.</summary>
    public static Task SayAsync(this ITurnContext context, MessageCatalog messages, string key, CancellationToken cancellationToken, params (string Name, string Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(messages);
        return context.SendActivityAsync(Activity.CreateMessage(messages.Get(key, context.Locale, arguments)) with { Locale = context.Locale }, cancellationToken);
    }

    /// <summary>Sends a text already composed in the turn's language (a referral, say, put together from several entries).</summary>
    public static Task SayTextAsync(this ITurnContext context, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SendActivityAsync(Activity.CreateMessage(text) with { Locale = context.Locale }, cancellationToken);
    }
}
