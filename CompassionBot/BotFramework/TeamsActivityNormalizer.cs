using System.Text.Json;
using System.Text.RegularExpressions;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.BotFramework;

/// <summary>
/// Teams-specific clean-up before the bot sees an activity: the bot's own @mention (<c>&lt;at&gt;Bot&lt;/at&gt;</c>) is
/// removed from the text, other mention tags keep only the name, and the tenant id from <c>channelData</c> is copied to
/// <c>conversation.tenantId</c>. Unknown channel data is left untouched.
/// </summary>
internal static partial class TeamsActivityNormalizer
{
    public const string TeamsChannelId = "msteams";

    public static Activity Normalize(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.Ordinal))
        {
            return activity;
        }

        var tenantId = GetTenantId(activity);
        if (tenantId is not null && activity.Conversation is { TenantId: null } conversation)
        {
            activity = activity with { Conversation = conversation with { TenantId = tenantId } };
        }

        return activity.Text is { } text ? activity with { Text = StripMentions(activity, text) } : activity;
    }

    /// <summary>The Teams tenant: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public static string? GetTenantId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data &&
            data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object &&
            tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return activity.Conversation?.TenantId;
    }

    private static string StripMentions(Activity activity, string text)
    {
        foreach (var mention in activity.Entities ?? [])
        {
            if (string.Equals(mention.Type, "mention", StringComparison.OrdinalIgnoreCase) &&
                mention.GetString("text") is { Length: > 0 } mentionText &&
                IsBot(mention, activity.Recipient?.Id))
            {
                text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        text = AtTag().Replace(text, "$1");
        return Whitespace().Replace(text, " ").Trim();
    }

    private static bool IsBot(Entity mention, string? botId) =>
        botId is not null && mention.Properties is not null &&
        mention.Properties.TryGetValue("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object &&
        mentioned.TryGetProperty("id", out var id) && string.Equals(id.GetString(), botId, StringComparison.Ordinal);

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.None, 1000)]
    private static partial Regex Whitespace();
}
