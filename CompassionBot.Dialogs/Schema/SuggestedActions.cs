using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Schema;

/// <summary>Quick replies shown under the last bot message.</summary>
public sealed record SuggestedActions
{
    /// <summary>Recipient ids; empty means everyone.</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>The actions, in display order.</summary>
    public IReadOnlyList<CardAction> Actions { get; init; } = [];

    /// <summary>Fields this schema does not name, kept for round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
