using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Schema;

public sealed partial record Activity
{
    /// <summary>Creates a plain-text message activity (addressing is filled in when it is sent).</summary>
    public static Activity CreateMessage(string text, string? inputHint = null) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain", InputHint = inputHint };

    /// <summary>Whether this is a <c>message</c> activity.</summary>
    [JsonIgnore]
    public bool IsMessage => string.Equals(Type, ActivityTypes.Message, StringComparison.Ordinal);

    /// <summary>Whether this is what a person wrote: a <c>message</c>, or a <c>messageUpdate</c> (an edit of one).</summary>
    [JsonIgnore]
    public bool IsMessageOrEdit => IsMessage || string.Equals(Type, ActivityTypes.MessageUpdate, StringComparison.Ordinal);

    /// <summary>
    /// Addresses <paramref name="reply"/> as an answer to this activity: from our recipient to the sender, same
    /// conversation and channel, <c>replyToId</c> set, locale inherited when the reply has none.
    /// </summary>
    public Activity AddressReply(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply with
        {
            ChannelId = ChannelId,
            Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, TenantId = Conversation.TenantId },
            From = Recipient,
            Recipient = From,
            ReplyToId = reply.ReplyToId ?? Id,
            Locale = reply.Locale ?? Locale,
            Id = null,
            ServiceUrl = null,
        };
    }

    /// <summary>The reference needed to message this conversation later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>The first entity of the given type, or null.</summary>
    public Entity? GetEntity(string type) =>
        Entities?.FirstOrDefault(e => string.Equals(e.Type, type, StringComparison.OrdinalIgnoreCase));
}
