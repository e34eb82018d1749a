using System.Text.Json;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Sms;

/// <summary>Marks on SMS activities: replies that answer a keyword, and inbound texts that answer a check-in.</summary>
internal static class SmsReplies
{
    private const string KeywordResponseProperty = "smsKeywordResponse";
    private const string CheckInReplyProperty = "smsCheckInReply";

    /// <summary>Marks <paramref name="reply"/> as the answer to STOP or HELP (sent even to an opted-out number).</summary>
    public static Activity AsKeywordResponse(Activity reply) => reply with { ChannelData = Flag(KeywordResponseProperty) };

    public static bool IsKeywordResponse(Activity activity) => HasFlag(activity, KeywordResponseProperty);

    /// <summary>Marks an inbound text as the first answer to a check-in.</summary>
    public static Activity AsCheckInReply(Activity inbound) => inbound with { ChannelData = Flag(CheckInReplyProperty) };

    public static bool IsCheckInReply(Activity activity) => HasFlag(activity, CheckInReplyProperty);

    private static JsonElement Flag(string name)
    {
        using var document = JsonDocument.Parse($"{{\"{name}\":true}}");
        return document.RootElement.Clone();
    }

    private static bool HasFlag(Activity activity, string name) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.True;
}
