using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Clinicians.Console;

/// <summary>Clinician console log events (7270–7279). Clinician names (key names) and ids only: never a key or client data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7270, Level = LogLevel.Information, Message = "Clinician {Clinician} signed in to the console")]
    public static partial void SignedIn(ILogger logger, LogId clinician);

    [LoggerMessage(EventId = 7271, Level = LogLevel.Warning, Message = "A console sign-in with an unknown key was refused")]
    public static partial void SignInRefused(ILogger logger);

    [LoggerMessage(EventId = 7272, Level = LogLevel.Information, Message = "Clinician {Clinician} changed client {ClientId} in the console: {Change}")]
    public static partial void ClientChanged(ILogger logger, LogId clinician, LogId clientId, LogId change);

    [LoggerMessage(EventId = 7273, Level = LogLevel.Information, Message = "Clinician {Clinician} acknowledged alert {AlertId} in the console")]
    public static partial void AlertAcknowledged(ILogger logger, LogId clinician, LogId alertId);

    [LoggerMessage(EventId = 7274, Level = LogLevel.Error, Message = "Console page {Page} failed; the clinician was shown the error page")]
    public static partial void PageFailed(ILogger logger, LogId page, Exception exception);

    // The address is left out: it would identify a clinician's or client's network.
    [LoggerMessage(EventId = 7279, Level = LogLevel.Warning, Message = "A console sign-in was refused unchecked: too many attempts from one address")]
    public static partial void SignInLimited(ILogger logger);
}
