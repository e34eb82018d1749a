using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// The one turn-error handler: logs the ids (never the text), resets the conversation's dialogs, says something
/// gentle — and, when the message is a crisis (found by the failed turn, or screened here when the turn failed before
/// the safety gate finished), still sends the referral. A message whose screening itself fails is treated as a crisis.
/// </summary>
public sealed partial class GentleTurnErrorHandler : ITurnErrorHandler
{
    private readonly MessageCatalog _messages;
    private readonly ICrisisResponder _crisisResponder;
    private readonly ICrisisScreen _screen;
    private readonly ISentenceEncoder _encoder;
    private readonly ILogger<GentleTurnErrorHandler> _logger;

    /// <summary>Creates the handler.</summary>
    public GentleTurnErrorHandler(MessageCatalog messages, ICrisisResponder crisisResponder, ICrisisScreen screen, ISentenceEncoder encoder, ILogger<GentleTurnErrorHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(crisisResponder);
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(logger);
        _messages = messages;
        _crisisResponder = crisisResponder;
        _screen = screen;
        _encoder = encoder;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(exception);
        var activity = turnContext.Activity;
        LogTurnFailed(_logger, exception.GetType().Name, activity.ChannelId, activity.Conversation?.Id, activity.Id, exception);
        var profile = BotStateAccessors.Profile.Get(turnContext, () => new Engagement.UserProfile());
        turnContext.Locale = ConversationLocale.Resolve(activity, profile, SupportedLocales.English);
        BotStateAccessors.Dialogs.Set(turnContext, new DialogState());
        turnContext.Safety ??= await ScreenAsync(activity, cancellationToken).ConfigureAwait(false);
        var turn = new BotTurn(turnContext, new DialogSet().CreateContext(turnContext, new DialogState()), _messages);
        if (turnContext.Safety.Level == RiskLevel.Crisis)
        {
            await _crisisResponder.RespondAsync(turn, turnContext.Safety, cancellationToken).ConfigureAwait(false);
        }

        await turn.SayAsync("error.turn", cancellationToken).ConfigureAwait(false);
    }

    private async Task<SafetyAssessment> ScreenAsync(Schema.Activity activity, CancellationToken cancellationToken)
    {
        if (!activity.IsMessageOrEdit || string.IsNullOrWhiteSpace(activity.Text))
        {
            return SafetyAssessment.Safe;
        }

#pragma warning disable CA1031 // Any failure to screen must still end in a safe answer: the referral, not silence.
        try
        {
            return await _screen.ScreenAsync(new MessageUnderstanding(activity.Text, _encoder), activity.Locale, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogScreeningFailed(_logger, exception.GetType().Name, activity.ChannelId, activity.Conversation?.Id, exception);
            return new SafetyAssessment(RiskLevel.Crisis, ["safety.screening-failed"]);
        }
#pragma warning restore CA1031
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Screening failed with {ExceptionType} on {ChannelId} conversation {ConversationId}; answering as a crisis")]
    private static partial void LogScreeningFailed(ILogger logger, string exceptionType, string? channelId, ConversationLogId conversationId, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Turn failed with {ExceptionType} on {ChannelId} conversation {ConversationId}, activity {ActivityId}; dialogs reset")]
    private static partial void LogTurnFailed(ILogger logger, string exceptionType, string? channelId, ConversationLogId conversationId, string? activityId, Exception exception);
}
