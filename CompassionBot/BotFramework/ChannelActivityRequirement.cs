using Microsoft.AspNetCore.Authorization;

namespace CompassionBot.BotFramework;

/// <summary>The caller's token covers the activity it sent: its serviceUrl and its channel.</summary>
internal sealed class ChannelActivityRequirement : IAuthorizationRequirement
{
    public static ChannelActivityRequirement Instance { get; } = new();
}
