using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Safety.Alerts;

/// <summary>Log messages of the clinician alerts (ids only).</summary>
internal static partial class CrisisAlertLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Clinician alert {AlertId} delivered after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, LogId alertId, int attempts);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Clinician alert {AlertId} not delivered (attempt {Attempts}, {Error}); next attempt at {NextAttemptAt:o}")]
    public static partial void DeliveryFailed(ILogger logger, LogId alertId, int attempts, LogId error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Clinician alert outbox pass failed with {ExceptionType}; retrying at the next poll")]
    public static partial void PassFailed(ILogger logger, LogId exceptionType, Exception exception);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Safety:AlertWebhookUrl is not set: crisis alerts are queued in the outbox but not delivered to clinicians")]
    public static partial void NoWebhook(ILogger logger);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Clinician alert {AlertId} failed ({Error}) after its claim ran out; the instance that took it over retries it")]
    public static partial void ClaimLost(ILogger logger, LogId alertId, LogId error);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Clinician alert {AlertId} delivered after its claim ran out; the instance that took it over may send it again with the same Idempotency-Key")]
    public static partial void DeliveredAfterClaimLost(ILogger logger, LogId alertId);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Critical, Message = "Crisis event {EventId} could not be recorded; its clinician alert is held in memory until the store takes writes (sent to the webhook directly: {Sending})")]
    public static partial void Held(ILogger logger, LogId eventId, bool sending, Exception exception);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Warning, Message = "Clinician alert {AlertId} delivered directly after {Attempts} attempt(s); its event is not yet on record")]
    public static partial void DeliveredDirectly(ILogger logger, LogId alertId, int attempts);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Error, Message = "Clinician alert {AlertId} not delivered directly (attempt {Attempts}, {Error}); next attempt at {NextAttemptAt:o}")]
    public static partial void DirectDeliveryFailed(ILogger logger, LogId alertId, int attempts, LogId error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "Crisis event {EventId} recorded after the store took writes again; its alert is in the outbox (already delivered: {Delivered})")]
    public static partial void HeldRecorded(ILogger logger, LogId eventId, bool delivered);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Critical, Message = "Stopping with {Count} crisis event(s) still not recorded; {Undelivered} of their clinician alerts were never delivered and are lost")]
    public static partial void HeldLostAtShutdown(ILogger logger, int count, int undelivered);

    [LoggerMessage(EventId = 2115, Level = LogLevel.Error, Message = "Held clinician alerts pass failed with {ExceptionType}; retrying at the next poll")]
    public static partial void HeldPassFailed(ILogger logger, LogId exceptionType, Exception exception);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Error, Message = "Crisis event {EventId}: the client's enrolment could not be looked up; recorded and alerted without it")]
    public static partial void LinkFailed(ILogger logger, LogId eventId, Exception exception);
}
