using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Safety;

/// <summary>Log messages of the Azure AI Content Safety signal (never message text).</summary>
internal static partial class ContentSafetyLog
{
    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Azure AI Content Safety failed ({Fault}); the local risk level stands.")]
    public static partial void SignalFailed(ILogger logger, LogId fault);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information, Message = "Azure AI Content Safety raised a borderline message to {Level} (SelfHarm severity {SelfHarm}, Violence severity {Violence}).")]
    public static partial void Raised(ILogger logger, RiskLevel level, int? selfHarm, int? violence);
}
