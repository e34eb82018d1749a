using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Sms;

/// <summary>SMS log events (7000–7099). Contact ids only: never phone numbers or message text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7018, Level = LogLevel.Error, Message = "SMS contact {ContactId} could not be recorded (known before: {Known}); answered from the state as it stands")]
    public static partial void ContactNotRecorded(ILogger logger, LogId contactId, bool known, Exception exception);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Twilio webhook rejected: missing or invalid X-Twilio-Signature")]
    public static partial void SignatureRejected(ILogger logger);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Twilio webhook {MessageSid} already processed; ignored")]
    public static partial void Duplicate(ILogger logger, LogId messageSid);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Twilio webhook without a MessageSid or a valid sender number; ignored")]
    public static partial void Unusable(ILogger logger);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "SMS to contact {ContactId} not sent (consent recorded: {HasConsent}, opted out: {OptedOut})")]
    public static partial void NotPermitted(ILogger logger, LogId contactId, bool hasConsent, bool optedOut);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Twilio reports contact {ContactId} unsubscribed (21610); opted out")]
    public static partial void CarrierOptOut(ILogger logger, LogId contactId);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "SMS to contact {ContactId} failed at part {Part} of {Parts}")]
    public static partial void SendFailed(ILogger logger, LogId contactId, int part, int parts);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "Twilio refused a message: error {Code}, HTTP {Status}")]
    public static partial void TwilioRefused(ILogger logger, int code, int status);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Warning, Message = "Twilio could not be reached ({Error})")]
    public static partial void TwilioUnreachable(ILogger logger, LogId error);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "SMS is not configured (Sms:Twilio); the Twilio webhook answers 404 and no check-ins are sent")]
    public static partial void SmsDisabled(ILogger logger);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Information, Message = "SMS from contact {ContactId} without a current opt-in (opted out: {OptedOut}): answered with {Answer}")]
    public static partial void UnenrolledAnswered(ILogger logger, LogId contactId, bool optedOut, LogId answer);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Warning, Message = "Crisis referral to contact {ContactId} was not delivered (Twilio refused it or could not be reached); event {EventId} recorded as NotReached")]
    public static partial void ReferralNotReached(ILogger logger, LogId contactId, LogId eventId);

    [LoggerMessage(EventId = 7015, Level = LogLevel.Error, Message = "Twilio webhook {MessageSid} could not be recorded; handled without the check for repeats")]
    public static partial void InboundNotRecorded(ILogger logger, LogId messageSid, Exception exception);

    [LoggerMessage(EventId = 7016, Level = LogLevel.Error, Message = "SMS from contact {ContactId} could not be recorded as a check-in answer; handled as a message of its own")]
    public static partial void CheckInAnswerNotRecorded(ILogger logger, LogId contactId, Exception exception);

    [LoggerMessage(EventId = 7017, Level = LogLevel.Warning, Message = "Twilio webhook refused with {StatusCode}: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, int statusCode, LogId reason);

    [LoggerMessage(EventId = 7014, Level = LogLevel.Error, Message = "Crisis referral to contact {ContactId} was not delivered, and this could not be recorded on event {EventId}")]
    public static partial void ReferralNotReachedUnrecorded(ILogger logger, LogId contactId, LogId eventId, Exception exception);
}
