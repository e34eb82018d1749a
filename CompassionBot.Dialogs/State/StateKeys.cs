using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.State;

/// <summary>Storage keys, in the Bot Framework's layout.</summary>
public static class StateKeys
{
    /// <summary><c>{channelId}/conversations/{conversationId}</c>.</summary>
    public static string Conversation(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{Required(activity.ChannelId, "channelId")}/conversations/{Required(activity.Conversation?.Id, "conversation.id")}";
    }

    /// <summary>
    /// <c>{channelId}/deliveries/{conversationId}</c>: the activities the conversation's turns processed lately, kept
    /// apart from the conversation state the dialogs use.
    /// </summary>
    public static string Deliveries(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{Required(activity.ChannelId, "channelId")}/deliveries/{Required(activity.Conversation?.Id, "conversation.id")}";
    }

    /// <summary><c>{channelId}/users/{fromId}</c> (falls back to the conversation when there is no sender id).</summary>
    public static string User(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var userId = activity.From?.Id is { Length: > 0 } id ? id : $"conversation:{activity.Conversation?.Id}";
        return $"{Required(activity.ChannelId, "channelId")}/users/{userId}";
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"The activity has no {name}.") : value;
}
