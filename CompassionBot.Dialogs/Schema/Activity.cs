using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Schema;

/// <summary>
/// A Bot Framework Activity (schema v3). JSON names are camelCase; nulls are omitted; every field this record does
/// not name is kept in <see cref="Properties"/> so an activity survives a round-trip unchanged.
/// </summary>
public sealed partial record Activity
{
    /// <summary>Activity type (see <see cref="ActivityTypes"/>); required.</summary>
    public string? Type { get; init; }

    /// <summary>Id set by the channel; bots do not send one.</summary>
    public string? Id { get; init; }

    /// <summary>UTC time the activity was sent.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Local time of the sender, with offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; init; }

    /// <summary>IANA time zone of the sender.</summary>
    public string? LocalTimezone { get; init; }

    /// <summary>Where replies go (base URL with a path).</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Channel id (<c>msteams</c>, <c>directline</c>, <c>webchat</c>, <c>sms</c>, <c>emulator</c>, ...); required.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; init; }

    /// <summary>The conversation; its id is required.</summary>
    public ConversationAccount? Conversation { get; init; }

    /// <summary>The receiver.</summary>
    public ChannelAccount? Recipient { get; init; }

    /// <summary>Text format: <c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; init; }

    /// <summary>Layout of attachments: <c>list</c> or <c>carousel</c>.</summary>
    public string? AttachmentLayout { get; init; }

    /// <summary>Members who joined (conversationUpdate).</summary>
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    /// <summary>Members who left (conversationUpdate).</summary>
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>installationUpdate action: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    /// <summary>BCP-47 locale of the text.</summary>
    public string? Locale { get; init; }

    /// <summary>Message text.</summary>
    public string? Text { get; init; }

    /// <summary>Text to speak.</summary>
    public string? Speak { get; init; }

    /// <summary>Input hint (see <see cref="InputHints"/>).</summary>
    public string? InputHint { get; init; }

    /// <summary>Summary for channels that cannot render attachments.</summary>
    public string? Summary { get; init; }

    /// <summary>Quick replies.</summary>
    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>Cards and files.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>Metadata entities.</summary>
    public IReadOnlyList<Entity>? Entities { get; init; }

    /// <summary>Channel-specific data, kept as raw JSON.</summary>
    public JsonElement? ChannelData { get; init; }

    /// <summary>Id of the activity this one answers.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>Delivery mode (see <see cref="DeliveryModes"/>).</summary>
    public string? DeliveryMode { get; init; }

    /// <summary>Event or invoke name.</summary>
    public string? Name { get; init; }

    /// <summary>Payload of postBack, event and invoke activities.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>endOfConversation code.</summary>
    public string? Code { get; init; }

    /// <summary>Caller id set after authentication; never trusted from the wire.</summary>
    public string? CallerId { get; init; }

    /// <summary>Fields this record does not name, kept for round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
