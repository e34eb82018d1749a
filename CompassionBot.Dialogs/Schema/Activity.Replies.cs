using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CompassionBot.Dialogs.Schema;

public sealed partial record Activity
{
    [GeneratedRegex(@"\]\(tel:")]
    private static partial Regex PhoneLink();

    /// <summary>
    /// Creates a message activity (addressing is filled in when it is sent): plain text, or Markdown when the text holds
    /// a <c>tel:</c> link (the bot writes those only for web chat), so that the number can be tapped.
    /// </summary>
    public static Activity CreateMessage(string text, string? inputHint = null) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = PhoneLink().IsMatch(text ?? string.Empty) ? "markdown" : "plain", InputHint = inputHint };

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
