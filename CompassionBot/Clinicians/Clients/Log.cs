namespace CompassionBot.Clinicians.Clients;

/// <summary>Client record log events (7220–7249). Ids only: never a code, alias, name or phone number.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7220, Level = LogLevel.Information, Message = "Client {ClientId} linked on {ChannelId}")]
    public static partial void ClientLinked(ILogger logger, string clientId, string channelId);

    [LoggerMessage(EventId = 7221, Level = LogLevel.Information, Message = "Client {ClientId} unlinked on {ChannelId}")]
    public static partial void ClientUnlinked(ILogger logger, string clientId, string channelId);

    [LoggerMessage(EventId = 7222, Level = LogLevel.Information, Message = "A link code was refused on {ChannelId} (unknown, used or expired)")]
    public static partial void LinkCodeRefused(ILogger logger, string channelId);
}
