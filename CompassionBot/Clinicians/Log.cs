using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Clinicians;

/// <summary>Clinician API log events (7200–7299). Ids only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Clinician notification {Kind} for enrolment {EnrolmentId} (clinician {Clinician}) queued")]
    public static partial void ClinicianNotified(ILogger logger, LogId kind, LogId enrolmentId, LogId clinician);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Clinician API request without a valid API key")]
    public static partial void ApiKeyRejected(ILogger logger);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} created by {Clinician}")]
    public static partial void Enrolled(ILogger logger, LogId enrolmentId, LogId clinician);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Information, Message = "Crisis event {EventId} of enrolment {EnrolmentId} closed by {Clinician}")]
    public static partial void CrisisClosed(ILogger logger, LogId eventId, LogId enrolmentId, LogId clinician);
}
