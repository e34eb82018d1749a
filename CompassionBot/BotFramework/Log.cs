using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.BotFramework;

/// <summary>Log messages of the Bot Framework channel (ids only: never text, names or tokens).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Bot Framework endpoint in LOCAL MODE: no MicrosoftAppId is configured, so /api/messages accepts unauthenticated requests and replies carry no token. Use this for development only.")]
    public static partial void LocalMode(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Bot Framework endpoint authenticates requests for app type {AppType}; {TenantCount} allowed Teams tenant(s) (0 = all)")]
    public static partial void AuthenticatedMode(ILogger logger, LogId appType, int tenantCount);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Rejected /api/messages request: {StatusCode} {Title}")]
    public static partial void RequestRejected(ILogger logger, int statusCode, LogId title);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Authentication failed ({StatusCode}): {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, int statusCode, LogId reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Refused {ChannelId} conversation {ConversationId}: tenant not in AllowedTenantIds")]
    public static partial void TenantRefused(ILogger logger, LogId channelId, ConversationLogId conversationId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Connector answered {StatusCode} for {ChannelId} conversation {ConversationId} (correlation {CorrelationId})")]
    public static partial void ConnectorRefused(ILogger logger, int statusCode, LogId channelId, ConversationLogId conversationId, LogId correlationId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Debug, Message = "Typing indicator for {ChannelId} conversation {ConversationId} not sent")]
    public static partial void TypingFailed(ILogger logger, Exception exception, LogId channelId, ConversationLogId conversationId);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Warning, Message = "Bot Framework request refused with 503: the identity provider's OpenID metadata could not be fetched")]
    public static partial void AuthenticationUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Error, Message = "Conversation reference of {ChannelId} conversation {ConversationId} not saved; the turn runs without it")]
    public static partial void ReferenceNotSaved(ILogger logger, Exception exception, LogId channelId, ConversationLogId conversationId);
}
