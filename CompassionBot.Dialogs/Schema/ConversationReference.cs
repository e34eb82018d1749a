namespace CompassionBot.Dialogs.Schema;

/// <summary>What a bot keeps to message a conversation later (proactive messages).</summary>
public sealed record ConversationReference
{
    /// <summary>Id of the activity this reference was taken from.</summary>
    public string? ActivityId { get; init; }

    /// <summary>The person.</summary>
    public ChannelAccount? User { get; init; }

    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; init; }

    /// <summary>The conversation; its id is required.</summary>
    public ConversationAccount? Conversation { get; init; }

    /// <summary>The channel; required.</summary>
    public string? ChannelId { get; init; }

    /// <summary>Where the channel accepts replies.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>BCP-47 locale of the conversation.</summary>
    public string? Locale { get; init; }
}
