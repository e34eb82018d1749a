using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Hosting;

/// <summary>Log messages of the host's shared turn machinery (ids only, never message text).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Turn for {ChannelId} conversation {ConversationId} activity {ActivityId} failed after the request was acknowledged")]
    public static partial void BackgroundTurnFailed(ILogger logger, Exception exception, LogId channelId, ConversationLogId conversationId, LogId activityId);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Debug, Message = "{Method} {Path}: request body incomplete, too slow or malformed ({StatusCode}, client gone: {Aborted}, {ExceptionType})")]
    public static partial void RequestBodyIncomplete(ILogger logger, LogId method, LogId path, int statusCode, bool aborted, LogId exceptionType);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Shutting down with {Count} turn(s) still running")]
    public static partial void ShutdownWithTurnsRunning(ILogger logger, int count);
}
