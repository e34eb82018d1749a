using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Clinicians.EntraId;

/// <summary>Entra ID sign-in log events (7280–7289). Never a name, token or claim.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7280, Level = LogLevel.Warning, Message = "An Entra ID sign-in failed ({Reason})")]
    public static partial void SignInFailed(ILogger logger, LogId reason);
}
