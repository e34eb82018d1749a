using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Schema;

/// <summary>A clickable action (suggested action or card button).</summary>
public sealed record CardAction
{
    /// <summary>Action type; <c>imBack</c> for choices (title equals value so every client sends the same text).</summary>
    public string Type { get; init; } = "imBack";

    /// <summary>Text on the button.</summary>
    public string? Title { get; init; }

    /// <summary>Value sent back; for <c>imBack</c>, the message text.</summary>
    public string? Value { get; init; }

    /// <summary>Fields this schema does not name, kept for round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Creates an <c>imBack</c> action whose title and value are both <paramref name="text"/>.</summary>
    public static CardAction ImBack(string text) => new() { Type = "imBack", Title = text, Value = text };
}
