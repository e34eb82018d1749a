using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace CompassionBot.Dialogs.Bot;

/// <summary>
/// Builds the bot's view of every turn (<see cref="BotTurn"/>, read with <see cref="BotTurn.Of"/>): the language to
/// answer in (the one the message is plainly written in, <see cref="LanguageGuesser.Plainly"/>, when it differs from
/// the conversation's), the message as every part reads it, the conversation's dialog stack; and keeps the stack in the
/// conversation's state when the turn ends, whoever ended it.
/// </summary>
public sealed class BotTurnMiddleware : ITurnMiddleware
{
    /// <summary>Its <see cref="Order"/>: after every channel middleware (0), so those see the whole turn.</summary>
    public const int Position = 1_000;

    private readonly DialogSet _dialogs;
    private readonly MessageCatalog _messages;
    private readonly string _defaultLocale;
    private readonly ISentenceEncoder _encoder;

    /// <summary>Creates the middleware.</summary>
    public BotTurnMiddleware(DialogSet dialogs, MessageCatalog messages, IOptions<ContentOptions> content, ISentenceEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(encoder);
        _dialogs = dialogs;
        _messages = messages;
        _defaultLocale = content.Value.DefaultLocale;
        _encoder = encoder;
    }

    /// <inheritdoc />
    public int Order => Position;

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> continueTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(continueTurn);
        var dialogState = BotStateAccessors.Dialogs.Get(turnContext, () => new DialogState());
        var text = turnContext.Activity.Text;
        var turn = new BotTurn(turnContext, _dialogs.CreateContext(turnContext, dialogState), _messages)
        {
            Message = string.IsNullOrWhiteSpace(text) ? null : new MessageUnderstanding(text, _encoder),
        };
        turn.Locale = ConversationLocale.Resolve(turnContext.Activity, turn.Profile, _defaultLocale);
        if (turn.Message is { } message && LanguageGuesser.Plainly(message.Canonical) is { } written && written != turn.Locale)
        {
            // The person writes in the other language: answer in it from now on, as after "español".
            turn.Profile = turn.Profile with { Locale = written };
            turn.Locale = written;
        }

        turnContext.Values.Set(turn);
        try
        {
            await continueTurn(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            BotStateAccessors.Dialogs.Set(turnContext, dialogState);
        }
    }
}
