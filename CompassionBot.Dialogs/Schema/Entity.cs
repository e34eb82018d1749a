using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Schema;

/// <summary>Metadata attached to an activity (<c>clientInfo</c>, <c>mention</c>, ...); fields beyond <c>type</c> are kept as-is.</summary>
public sealed record Entity
{
    /// <summary>Entity type, e.g. <c>clientInfo</c> or <c>mention</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Every other field of the entity.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A <c>clientInfo</c> entity naming the person's country (ISO 3166-1 alpha-2), as Web Chat and Teams send it.</summary>
    public static Entity ClientInfo(string country)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        return new Entity { Type = "clientInfo", Properties = new() { ["country"] = JsonElement.Parse($"\"{JsonEncodedText.Encode(country)}\"") } };
    }

    /// <summary>Reads a string field of the entity, or null.</summary>
    public string? GetString(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
