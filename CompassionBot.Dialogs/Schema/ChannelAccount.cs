using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Schema;

/// <summary>A person or bot on a channel (<c>from</c>, <c>recipient</c>, <c>membersAdded</c>).</summary>
public sealed record ChannelAccount
{
    /// <summary>The channel's id for the account (e.g. <c>29:...</c> on Teams, an E.164 number on SMS).</summary>
    public string? Id { get; init; }

    /// <summary>Display name; never logged.</summary>
    public string? Name { get; init; }

    /// <summary>Microsoft Entra object id, when the channel sends it.</summary>
    public string? AadObjectId { get; init; }

    /// <summary><c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; init; }

    /// <summary>Fields this schema does not name, kept for round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
