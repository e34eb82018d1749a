namespace CompassionBot.Dialogs.Bot;

/// <summary>Rendering decisions that depend on the channel.</summary>
public static class ChannelKinds
{
    /// <summary>True for text-message channels (Azure Bot Service <c>sms</c>, our Twilio webhook <c>twilio-sms</c>).</summary>
    public static bool IsSms(string? channelId) => channelId is "sms" or "twilio-sms";
}
