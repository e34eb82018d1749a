using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Clinicians.Clients;

/// <summary>Client record log events (7220–7249). Ids only: never a code, alias, name or phone number.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7220, Level = LogLevel.Information, Message = "Client {ClientId} linked on {ChannelId}")]
    public static partial void ClientLinked(ILogger logger, LogId clientId, LogId channelId);

    [LoggerMessage(EventId = 7221, Level = LogLevel.Information, Message = "Client {ClientId} unlinked on {ChannelId}")]
    public static partial void ClientUnlinked(ILogger logger, LogId clientId, LogId channelId);

    [LoggerMessage(EventId = 7222, Level = LogLevel.Information, Message = "A link code was refused on {ChannelId} (unknown, used or expired)")]
    public static partial void LinkCodeRefused(ILogger logger, LogId channelId);

    [LoggerMessage(EventId = 7240, Level = LogLevel.Warning, Message = "A link code was not tried on {ChannelId}: too many tries from this person or from everyone just now")]
    public static partial void LinkAttemptsExceeded(ILogger logger, LogId channelId);

    [LoggerMessage(EventId = 7223, Level = LogLevel.Error, Message = "A practice session on {ChannelId} could not be put on the client's record; the practice goes on")]
    public static partial void SessionNotRecorded(ILogger logger, LogId channelId, Exception exception);

    [LoggerMessage(EventId = 7224, Level = LogLevel.Error, Message = "Crisis event {EventId} could not be put on the client's record or alert inbox; the referral and webhook alert are unaffected")]
    public static partial void SafetyEventNotRecorded(ILogger logger, LogId eventId, Exception exception);
}
