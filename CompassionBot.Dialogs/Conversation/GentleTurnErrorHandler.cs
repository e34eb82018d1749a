using CompassionBot.Dialogs.Bot;
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
/// gentle — and, when the message needs a safety response (found by the failed turn, or screened here when the turn
/// failed before the safety gate finished), gives it what the safety gate would (<see cref="ISafetyGate.RespondAsync"/>:
/// the same policy) instead. A message whose screening itself fails is treated as a crisis. The safety answer comes first
/// and is counted in <see cref="ITurnContext.EssentialReplyCount"/>, so it still goes out when the state cannot be saved.
/// </summary>
public sealed partial class GentleTurnErrorHandler : ITurnErrorHandler
{
    private readonly MessageCatalog _messages;
    private readonly ISafetyGate _gate;
    private readonly ICrisisScreen _screen;
    private readonly ISentenceEncoder _encoder;
    private readonly ClinicOptions _clinic;
    private readonly ILogger<GentleTurnErrorHandler> _logger;

    /// <summary>Creates the handler.</summary>
    public GentleTurnErrorHandler(MessageCatalog messages, ISafetyGate gate, ICrisisScreen screen, ISentenceEncoder encoder, ClinicOptions clinic, ILogger<GentleTurnErrorHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(logger);
        _messages = messages;
        _gate = gate;
        _screen = screen;
        _encoder = encoder;
        _clinic = clinic;
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
        var assessment = turnContext.Safety ?? await ScreenAsync(activity, cancellationToken).ConfigureAwait(false);
        turnContext.Safety = assessment;
        var turn = new BotTurn(turnContext, new DialogSet().CreateContext(turnContext, new DialogState()), _messages);
        var handled = await RespondSafelyAsync(turn, assessment, cancellationToken).ConfigureAwait(false);

        // What the safety answer said holds even if this turn's state cannot be saved; the gentle note after it does not.
        turnContext.EssentialReplyCount = turnContext.Replies.Count;
        if (handled)
        {
            return;
        }

        await turn.SayAsync("error.turn", cancellationToken).ConfigureAwait(false);
    }

    // What the gate would answer; if the gate itself is what failed, the referral that needs no state at all.
    private async Task<bool> RespondSafelyAsync(BotTurn turn, SafetyAssessment assessment, CancellationToken cancellationToken)
    {
#pragma warning disable CA1031 // A broken gate must still end in the referral for a message that needs one.
        try
        {
            return await _gate.RespondAsync(turn, assessment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var activity = turn.Context.Activity;
            var failure = exception.GetType().Name;
            LogGateFailed(_logger, failure, activity.ChannelId, activity.Conversation?.Id, exception);

            var decision = SafetyPolicy.DecideWithoutState(assessment);
            if (decision.Action == SafetyAction.Refer)
            {
                var region = CrisisRegion.Resolve(activity, _clinic.Region, _messages);
                foreach (var text in SafetyTexts.Referral(_messages, turn.Locale, region, decision.Urgency, new ClinicLine(_clinic.ContactText(turn), Alerted: false)))
                {
                    await turn.Context.SayTextAsync(PhoneLinks.For(turn.Context, text), cancellationToken).ConfigureAwait(false);
                }
            }

            return false;
        }
#pragma warning restore CA1031
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
    private static partial void LogScreeningFailed(ILogger logger, LogId exceptionType, LogId channelId, ConversationLogId conversationId, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Critical, Message = "The safety gate failed with {ExceptionType} on {ChannelId} conversation {ConversationId}; the referral was sent without it")]
    private static partial void LogGateFailed(ILogger logger, LogId exceptionType, LogId channelId, ConversationLogId conversationId, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Turn failed with {ExceptionType} on {ChannelId} conversation {ConversationId}, activity {ActivityId}; dialogs reset")]
    private static partial void LogTurnFailed(ILogger logger, LogId exceptionType, LogId channelId, ConversationLogId conversationId, LogId activityId, Exception exception);
}
