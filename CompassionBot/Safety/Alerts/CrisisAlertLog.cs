namespace CompassionBot.Safety.Alerts;

/// <summary>Log messages of the clinician alerts (ids only).</summary>
internal static partial class CrisisAlertLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Clinician alert {AlertId} delivered after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string alertId, int attempts);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Clinician alert {AlertId} not delivered (attempt {Attempts}, {Error}); next attempt at {NextAttemptAt:o}")]
    public static partial void DeliveryFailed(ILogger logger, string alertId, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Clinician alert outbox pass failed with {ExceptionType}; retrying at the next poll")]
    public static partial void PassFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Safety:AlertWebhookUrl is not set: crisis alerts are queued in the outbox but not delivered to clinicians")]
    public static partial void NoWebhook(ILogger logger);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Clinician alert {AlertId} failed ({Error}) after its claim ran out; the instance that took it over retries it")]
    public static partial void ClaimLost(ILogger logger, string alertId, string error);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Clinician alert {AlertId} delivered after its claim ran out; the instance that took it over may send it again with the same Idempotency-Key")]
    public static partial void DeliveredAfterClaimLost(ILogger logger, string alertId);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Error, Message = "Crisis event {EventId}: the client's enrolment could not be looked up; recorded and alerted without it")]
    public static partial void LinkFailed(ILogger logger, string eventId, Exception exception);
}
