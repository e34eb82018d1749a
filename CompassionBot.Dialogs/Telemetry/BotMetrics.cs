using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CompassionBot.Dialogs.Telemetry;

/// <summary>
/// The bot's metrics on the <see cref="BotTelemetry.Name"/> meter: turns and their duration, safety verdicts that
/// needed a response, outbound sends, SMS and check-in sends, clinician alert deliveries. Tags are bounded values
/// (see <see cref="TelemetryTags"/>); no instrument ever carries message text or an identifier of a person.
/// </summary>
public sealed class BotMetrics
{
    /// <summary>Outcome of a send the channel accepted.</summary>
    public const string Delivered = "delivered";

    /// <summary>Outcome of a send that failed (after any retries).</summary>
    public const string Failed = "failed";

    /// <summary>Outcome of one retried attempt (the send is counted again as delivered or failed when it ends).</summary>
    public const string Retried = "retried";

    /// <summary>Outcome of a turn that committed its state.</summary>
    public const string Completed = "completed";

    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly TimeProvider _time;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _crisisEvents;
    private readonly Counter<long> _outboundSends;
    private readonly Counter<long> _smsSends;
    private readonly Counter<long> _checkInSends;
    private readonly Counter<long> _alertDeliveries;

    /// <summary>Creates the instruments on the <paramref name="meterFactory"/>'s <see cref="BotTelemetry.Name"/> meter.</summary>
    public BotMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        var meter = meterFactory.Create(BotTelemetry.Name);
        _turns = meter.CreateCounter<long>("compassionbot.turns", "{turn}", "Turns run, by channel, activity type and outcome.");
        _turnDuration = meter.CreateHistogram(
            "compassionbot.turn.duration",
            "s",
            "Time from receiving an activity to delivering its replies.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _crisisEvents = meter.CreateCounter<long>("compassionbot.crisis.events", "{event}", "Turns the safety gate assessed as concern or crisis, by level and channel.");
        _outboundSends = meter.CreateCounter<long>("compassionbot.outbound.sends", "{activity}", "Outbound activities, by channel and outcome (delivered, failed, retried).");
        _smsSends = meter.CreateCounter<long>("compassionbot.sms.sends", "{message}", "Texts handed to the SMS outbox, by purpose and outcome.");
        _checkInSends = meter.CreateCounter<long>("compassionbot.checkin.sends", "{message}", "Scheduled check-ins and enrolment confirmations, by outcome.");
        _alertDeliveries = meter.CreateCounter<long>("compassionbot.alert.deliveries", "{alert}", "Clinician crisis alert delivery attempts, by outcome.");
    }

    /// <summary>A timestamp to pass to <see cref="RecordTurn"/>.</summary>
    public long StartTurn() => _time.GetTimestamp();

    /// <summary>Counts one turn and its duration since <paramref name="startedAt"/>.</summary>
    public void RecordTurn(string? channelId, string? activityType, bool failed, long startedAt)
    {
        var tags = new TagList
        {
            { TelemetryTags.Channel, TelemetryTags.ChannelValue(channelId) },
            { TelemetryTags.ActivityType, TelemetryTags.ActivityTypeValue(activityType) },
            { TelemetryTags.Outcome, failed ? Failed : Completed },
        };
        _turns.Add(1, tags);
        _turnDuration.Record(_time.GetElapsedTime(startedAt).TotalSeconds, tags);
    }

    /// <summary>Counts one turn whose safety verdict needed a response.</summary>
    /// <param name="channelId">The turn's channel.</param>
    /// <param name="riskLevel">The verdict's level: <c>concern</c> or <c>crisis</c>.</param>
    public void RecordCrisisEvent(string? channelId, string riskLevel) =>
        _crisisEvents.Add(1, new TagList
        {
            { TelemetryTags.RiskLevel, riskLevel },
            { TelemetryTags.Channel, TelemetryTags.ChannelValue(channelId) },
        });

    /// <summary>Counts <paramref name="count"/> outbound activities on <paramref name="channelId"/> with <paramref name="outcome"/>.</summary>
    /// <param name="channelId">The channel the activities went to.</param>
    /// <param name="outcome"><see cref="Delivered"/>, <see cref="Failed"/> or <see cref="Retried"/>.</param>
    /// <param name="count">How many (at least 1).</param>
    public void RecordOutboundSend(string? channelId, string outcome, int count = 1)
    {
        if (count > 0)
        {
            _outboundSends.Add(count, new TagList
            {
                { TelemetryTags.Channel, TelemetryTags.ChannelValue(channelId) },
                { TelemetryTags.Outcome, outcome },
            });
        }
    }

    /// <summary>Counts one text handed to the SMS outbox.</summary>
    /// <param name="delivery">Why it was sent (<c>reply</c>, <c>check_in</c>, <c>keyword_response</c>).</param>
    /// <param name="outcome">What became of it (<c>sent</c>, <c>not_permitted</c>, <c>unsubscribed</c>, <c>failed</c>).</param>
    public void RecordSmsSend(string delivery, string outcome) =>
        _smsSends.Add(1, new TagList { { TelemetryTags.Delivery, delivery }, { TelemetryTags.Outcome, outcome } });

    /// <summary>Counts one check-in or enrolment confirmation with <paramref name="outcome"/> (<c>sent</c>, <c>failed</c>, <c>skipped</c>, <c>confirmation</c>).</summary>
    public void RecordCheckInSend(string outcome) =>
        _checkInSends.Add(1, new TagList { { TelemetryTags.Channel, "sms" }, { TelemetryTags.Outcome, outcome } });

    /// <summary>Counts one clinician alert delivery attempt: <see cref="Delivered"/> or <see cref="Failed"/>.</summary>
    public void RecordAlertDelivery(string outcome) =>
        _alertDeliveries.Add(1, new TagList { { TelemetryTags.Outcome, outcome } });
}
