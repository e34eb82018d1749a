using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount
{
    /// <summary>The channel's conversation id; required on every activity.</summary>
    public string? Id { get; init; }

    /// <summary>Display name of the conversation.</summary>
    public string? Name { get; init; }

    /// <summary>Whether more than two participants take part.</summary>
    public bool? IsGroup { get; init; }

    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }

    /// <summary>Teams tenant id, on newer payloads.</summary>
    public string? TenantId { get; init; }

    /// <summary>Fields this schema does not name, kept for round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
