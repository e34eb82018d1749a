using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The crisis response: a warm referral with the resources for the person's region (<see cref="CrisisRegion"/>) in
/// their language (<c>referral.&lt;region&gt;</c> in <c>referrals.messages</c>, else <c>referral.other</c>), their
/// safety plan when the clinic has one on file, the clinic's contact; then the audit record and the queued clinician
/// alert. Storage faults never stop the referral: they are logged and the turn goes on.
/// </summary>
public sealed partial class ReferralResponder : ICrisisResponder
{
    /// <summary>Prefix of the referral keys in the message catalog.</summary>
    public const string ReferralKeyPrefix = "referral.";

    /// <summary>Key used for every region without its own line.</summary>
    public const string OtherRegionKey = ReferralKeyPrefix + CrisisRegion.OtherRegion;

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

    /// <summary>The referral key for <paramref name="region"/>: its own line when the table has one, else <see cref="OtherRegionKey"/>.</summary>
    public static string ReferralKey(Content.MessageCatalog messages, string region) =>
        CrisisRegion.MessageKey(messages, ReferralKeyPrefix, region);

    /// <inheritdoc />
    public async Task RespondAsync(BotTurn turn, SafetyAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(assessment);
        var activity = turn.Context.Activity;
        var region = CrisisRegion.Resolve(activity, _clinic.Region);
        await turn.SayAsync("crisis.referral", cancellationToken).ConfigureAwait(false);
        await turn.SayAsync(ReferralKey(turn.Messages, region), cancellationToken).ConfigureAwait(false);
        if (await FindPlanAsync(activity.ChannelId, activity.From?.Id, cancellationToken).ConfigureAwait(false) is { } plan)
        {
            await turn.SayAsync("crisis.safetyplan", cancellationToken, ("plan", plan.Text)).ConfigureAwait(false);
        }

        await turn.SayAsync("crisis.clinic", cancellationToken, ("clinicContact", _clinic.ContactText(turn))).ConfigureAwait(false);
        await RecordAsync(turn, assessment, region, cancellationToken).ConfigureAwait(false);
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

    private async Task RecordAsync(BotTurn turn, SafetyAssessment assessment, string region, CancellationToken cancellationToken)
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
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The referral has been said; a storage fault must not take it away. Logged loudly for the on-call.
            LogRecordFailed(_logger, crisisEvent.Id, crisisEvent.ChannelId, crisisEvent.ConversationId, exception);
        }
    }

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Crisis event {EventId} on {ChannelId} conversation {ConversationId}: referral for region {Region} (newly recorded: {Recorded})")]
    private static partial void LogRecorded(ILogger logger, string eventId, string channelId, ConversationLogId conversationId, string region, bool recorded);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Critical, Message = "Crisis event {EventId} on {ChannelId} conversation {ConversationId} could not be recorded; the clinician alert is NOT queued")]
    private static partial void LogRecordFailed(ILogger logger, string eventId, string channelId, ConversationLogId conversationId, Exception exception);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "Safety plan could not be read on {ChannelId}; referral sent without it")]
    private static partial void LogPlanReadFailed(ILogger logger, string channelId, Exception exception);
}
