using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The crisis response: the referral (<see cref="SafetyTexts"/>) with the resources for the person's region
/// (<see cref="CrisisRegion"/>) in their language, their safety plan when the clinic has one on file and the clinic's
/// contact; then the audit record and the queued clinician alert. Storage faults never stop the referral: they are
/// logged and the turn goes on.
/// </summary>
public sealed partial class ReferralResponder : ICrisisResponder
{
    private readonly ClinicOptions _clinic;
    private readonly ISafetyPlanStore _plans;
    private readonly ICrisisEventStore _events;
    private readonly IOptions<SafetyOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReferralResponder> _logger;

    /// <summary>Creates the responder.</summary>
    public ReferralResponder(
        ClinicOptions clinic,
        ISafetyPlanStore plans,
        ICrisisEventStore events,
        IOptions<SafetyOptions> options,
        TimeProvider time,
        ILogger<ReferralResponder> logger)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _clinic = clinic;
        _plans = plans;
        _events = events;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<string?> ReferAsync(BotTurn turn, SafetyAssessment assessment, CrisisUrgency urgency, bool again, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(assessment);
        var activity = turn.Context.Activity;
        var region = CrisisRegion.Resolve(activity, _clinic.Region, turn.Messages);
        var eventId = await RecordAsync(turn, assessment, region, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> texts;
        if (again)
        {
            texts = SafetyTexts.ReferralAgain(turn.Messages, turn.Locale, region, urgency);
        }
        else
        {
            var plan = await FindPlanAsync(activity.ChannelId, activity.From?.Id, cancellationToken).ConfigureAwait(false);
            var clinic = new ClinicLine(_clinic.ContactText(turn), Alerted: eventId is not null && _options.Value.AlertsConfigured);
            texts = SafetyTexts.Referral(turn.Messages, turn.Locale, region, urgency, clinic, plan?.Text);
        }

        foreach (var text in texts)
        {
            await turn.Context.SayTextAsync(PhoneLinks.For(turn.Context, text), cancellationToken).ConfigureAwait(false);
        }

        return eventId;
    }

    /// <inheritdoc />
    public Task<string?> RaiseConcernAsync(BotTurn turn, string rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrEmpty(rule);
        var region = CrisisRegion.Resolve(turn.Context.Activity, _clinic.Region, turn.Messages);
        return RecordAsync(turn, new SafetyAssessment(RiskLevel.Concern, [rule]), region, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RecordOutcomeAsync(BotTurn turn, string eventId, CrisisOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrEmpty(eventId))
        {
            return;
        }

        try
        {
            await _events.RecordOutcomeAsync(eventId, outcome, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            LogOutcome(_logger, eventId, outcome);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogOutcomeFailed(_logger, eventId, outcome, exception);
        }
    }

    private async Task<SafetyPlan?> FindPlanAsync(string? channelId, string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId))
        {
            return null;
        }

        try
        {
            return await _plans.GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPlanReadFailed(_logger, channelId, exception);
            return null;
        }
    }

    private async Task<string?> RecordAsync(BotTurn turn, SafetyAssessment assessment, string region, CancellationToken cancellationToken)
    {
        var activity = turn.Context.Activity;
        var crisisEvent = new CrisisEvent(
            CrisisEventIds.For(activity),
            _time.GetUtcNow(),
            activity.ChannelId ?? string.Empty,
            activity.Conversation?.Id ?? string.Empty,
            assessment.Level,
            assessment.Rules,
            region,
            _options.Value.RecordMessageText ? activity.Text : null);
        try
        {
            var recorded = await _events.RecordAsync(crisisEvent, cancellationToken).ConfigureAwait(false);
            LogRecorded(_logger, crisisEvent.Id, crisisEvent.ChannelId, crisisEvent.ConversationId, region, recorded);
            return crisisEvent.Id;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The referral is still said; a storage fault must not take it away. Logged loudly for the on-call.
            LogRecordFailed(_logger, crisisEvent.Id, crisisEvent.ChannelId, crisisEvent.ConversationId, exception);
            return null;
        }
    }

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Crisis event {EventId} on {ChannelId} conversation {ConversationId}: referral for region {Region} (newly recorded: {Recorded})")]
    private static partial void LogRecorded(ILogger logger, LogId eventId, LogId channelId, ConversationLogId conversationId, LogId region, bool recorded);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Critical, Message = "Crisis event {EventId} on {ChannelId} conversation {ConversationId} could not be recorded; the referral is sent without promising a clinician alert")]
    private static partial void LogRecordFailed(ILogger logger, LogId eventId, LogId channelId, ConversationLogId conversationId, Exception exception);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "Safety plan could not be read on {ChannelId}; referral sent without it")]
    private static partial void LogPlanReadFailed(ILogger logger, LogId channelId, Exception exception);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Crisis event {EventId}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, LogId eventId, CrisisOutcome outcome);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Error, Message = "Crisis event {EventId}: the outcome {Outcome} could not be recorded")]
    private static partial void LogOutcomeFailed(ILogger logger, LogId eventId, CrisisOutcome outcome, Exception exception);
}
