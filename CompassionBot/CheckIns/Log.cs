using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.CheckIns;

/// <summary>Check-in log events (7100–7199). Enrolment ids only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Error, Message = "Check-ins of enrolment {EnrolmentId} failed this round")]
    public static partial void EnrolmentFailed(ILogger logger, Exception exception, LogId enrolmentId);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Three check-ins of enrolment {EnrolmentId} went unanswered; frequency lowered, clinician told")]
    public static partial void FrequencyLowered(ILogger logger, LogId enrolmentId);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Check-in of enrolment {EnrolmentId}: {Status}")]
    public static partial void CheckInSent(ILogger logger, LogId enrolmentId, LogId status);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Enrolment {EnrolmentId} names a time zone this system does not know; skipped")]
    public static partial void UnknownTimeZone(ILogger logger, LogId enrolmentId);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "Check-in scheduler round failed; trying again next round")]
    public static partial void SchedulerTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "Check-in send {Key} was being sent by an instance that stopped answering; not sent again (at most once)")]
    public static partial void SendUnconfirmed(ILogger logger, LogId key);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Information, Message = "Send {Key} ({Status}) had an expired lease; claimed by this instance")]
    public static partial void ClaimTakenOver(ILogger logger, LogId key, LogId status);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Warning, Message = "Send {Key}: this instance's claim was taken over before sending; nothing sent")]
    public static partial void ClaimLost(ILogger logger, LogId key);

    [LoggerMessage(EventId = 7109, Level = LogLevel.Debug, Message = "Check-in of enrolment {EnrolmentId} held: the client's conversation is in crisis mode")]
    public static partial void HeldInCrisisMode(ILogger logger, LogId enrolmentId);
}
