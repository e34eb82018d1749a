using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Telemetry;

/// <summary>
/// Tag names and bounded tag values. Channel ids and activity types arrive from outside, so anything not on the known
/// lists is reported as <see cref="Other"/>: a caller cannot grow the metric series or smuggle data into a tag.
/// </summary>
public static class TelemetryTags
{
    /// <summary>The channel (<c>msteams</c>, <c>directline</c>, <c>sms</c>, …).</summary>
    public const string Channel = "compassionbot.channel";

    /// <summary>The inbound activity's type (<c>message</c>, <c>conversationUpdate</c>, …).</summary>
    public const string ActivityType = "compassionbot.activity.type";

    /// <summary>The safety gate's verdict (<c>none</c>, <c>concern</c>, <c>crisis</c>).</summary>
    public const string RiskLevel = "compassionbot.risk.level";

    /// <summary>What became of the turn or send.</summary>
    public const string Outcome = "compassionbot.outcome";

    /// <summary>Why an SMS was sent (<c>reply</c>, <c>keyword_response</c>, <c>check_in</c>).</summary>
    public const string Delivery = "compassionbot.sms.delivery";

    /// <summary>Value used for anything not on a known list.</summary>
    public const string Other = "other";

    private static readonly HashSet<string> KnownChannels = new(StringComparer.Ordinal)
    {
        "msteams", "directline", "webchat", "sms", "emulator", "test", "console", "slack", "facebook", "email",
    };

    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Typing, ActivityTypes.Event,
        ActivityTypes.Invoke, ActivityTypes.EndOfConversation, ActivityTypes.Trace, ActivityTypes.InstallationUpdate,
        "messageReaction", "messageUpdate", "messageDelete", "contactRelationUpdate", "deleteUserData",
    };

    /// <summary>The channel id when known, else <see cref="Other"/>.</summary>
    public static string ChannelValue(string? channelId) =>
        channelId is not null && KnownChannels.Contains(channelId) ? channelId : Other;

    /// <summary>The activity type when known, else <see cref="Other"/>.</summary>
    public static string ActivityTypeValue(string? type) =>
        type is not null && KnownActivityTypes.Contains(type) ? type : Other;
}
