using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Sms;

/// <summary>
/// The one way texts leave the service: checks consent and opt-out (an opted-out number is never messaged, except
/// the single answer to STOP or HELP and the crisis referral in answer to its own message), renders GSM-7, splits into
/// single-segment messages sent in order, and opts the number out when Twilio reports it unsubscribed.
/// </summary>
internal sealed class SmsOutbox(ISmsGateway gateway, SmsContactStore contacts, ILogger<SmsOutbox> logger, BotMetrics? metrics = null)
{
    /// <summary>The <c>channelId</c> SMS sends are counted under.</summary>
    public const string ChannelId = "sms";

    public async Task<SmsSendResult> SendAsync(string phone, string text, SmsDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(phone);
        ArgumentNullException.ThrowIfNull(text);
        var result = await SendCheckedAsync(phone, text, delivery, cancellationToken).ConfigureAwait(false);
        metrics?.RecordSmsSend(DeliveryTag(delivery), OutcomeTag(result.Outcome));
        return result;
    }

    private static string DeliveryTag(SmsDelivery delivery) => delivery switch
    {
        SmsDelivery.CheckIn => "check_in",
        SmsDelivery.KeywordResponse => "keyword_response",
        SmsDelivery.SafetyReply => "safety_reply",
        SmsDelivery.Notice => "notice",
        _ => "reply",
    };

    private static string OutcomeTag(SmsSendOutcome outcome) => outcome switch
    {
        SmsSendOutcome.Sent => "sent",
        SmsSendOutcome.NotPermitted => "not_permitted",
        SmsSendOutcome.Unsubscribed => "unsubscribed",
        _ => "failed",
    };

    // Carrier rules allow answering a person's own message; anything the person did not ask for needs the opt-in.
    private static bool IsPermitted(SmsDelivery delivery, SmsContactStatus status) => delivery switch
    {
        SmsDelivery.KeywordResponse or SmsDelivery.SafetyReply => true,
        SmsDelivery.Notice => !status.OptedOut,
        _ => status.MayMessage,
    };

    private async Task<SmsSendResult> SendCheckedAsync(string phone, string text, SmsDelivery delivery, CancellationToken cancellationToken)
    {
        var status = await contacts.StatusAsync(phone, cancellationToken).ConfigureAwait(false);
        if (!IsPermitted(delivery, status))
        {
            Log.NotPermitted(logger, status.ContactId, status.HasConsent, status.OptedOut);
            return new SmsSendResult(SmsSendOutcome.NotPermitted);
        }

        var bodies = SmsText.Split(text);
        var sids = new List<string>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var result = await gateway.SendAsync(phone, bodies[i], cancellationToken).ConfigureAwait(false);
            metrics?.RecordOutboundSend(ChannelId, result.Outcome == SmsSendOutcome.Sent ? BotMetrics.Delivered : BotMetrics.Failed);
            if (result.Outcome == SmsSendOutcome.Unsubscribed)
            {
                await contacts.OptOutAsync(phone, "carrier", cancellationToken).ConfigureAwait(false);
                Log.CarrierOptOut(logger, status.ContactId);
                return result;
            }

            if (result.Outcome != SmsSendOutcome.Sent)
            {
                Log.SendFailed(logger, status.ContactId, i + 1, bodies.Count);
                return result;
            }

            if (result.MessageSid is { } sid)
            {
                sids.Add(sid);
            }
        }

        return new SmsSendResult(SmsSendOutcome.Sent, sids.Count == 0 ? null : string.Join(',', sids));
    }
}
