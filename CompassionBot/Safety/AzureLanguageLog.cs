using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Safety;

/// <summary>Log messages of the safety area (never message text).</summary>
internal static partial class AzureLanguageLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Azure AI Language sentiment failed ({Fault}); the local risk level stands.")]
    public static partial void SignalFailed(ILogger logger, LogId fault);
}
