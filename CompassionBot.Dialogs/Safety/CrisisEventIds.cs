using System.Security.Cryptography;
using System.Text;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Safety;

/// <summary>Ids for crisis events that stay the same when one turn runs again (state conflict, error handler).</summary>
public static class CrisisEventIds
{
    /// <summary>
    /// A 32-hex-digit id derived from the channel, conversation and activity ids; a random one when the activity has
    /// no id (then a retried turn may record twice, which is safer than not at all).
    /// </summary>
    public static string For(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            return Guid.NewGuid().ToString("N");
        }

        var source = string.Join('\n', activity.ChannelId, activity.Conversation?.Id, activity.Id);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)).AsSpan(0, 16));
    }
}
