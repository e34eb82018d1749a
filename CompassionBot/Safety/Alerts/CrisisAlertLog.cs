namespace CompassionBot.Safety.Alerts;

/// <summary>Log messages of the clinician alerts (ids only).</summary>
internal static partial class CrisisAlertLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Clinician alert {EventId} delivered after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string eventId, int attempts);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Clinician alert {EventId} not delivered (attempt {Attempts}, {Error}); next attempt at {NextAttemptAt:o}")]
    public static partial void DeliveryFailed(ILogger logger, string eventId, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Clinician alert outbox pass failed with {ExceptionType}; retrying at the next poll")]
    public static partial void PassFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Safety:AlertWebhookUrl is not set: crisis alerts are queued in the outbox but not delivered to clinicians")]
    public static partial void NoWebhook(ILogger logger);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Clinician alert {EventId} failed ({Error}) after its claim ran out; the instance that took it over retries it")]
    public static partial void ClaimLost(ILogger logger, string eventId, string error);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Clinician alert {EventId} delivered after its claim ran out; the instance that took it over may send it again with the same Idempotency-Key")]
    public static partial void DeliveredAfterClaimLost(ILogger logger, string eventId);
}
