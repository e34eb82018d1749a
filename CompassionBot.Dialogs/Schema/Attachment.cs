using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Schema;

/// <summary>A card or file attached to an activity.</summary>
public sealed record Attachment
{
    /// <summary>MIME type, e.g. <c>application/vnd.microsoft.card.hero</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Inline content (cards).</summary>
    public JsonElement? Content { get; init; }

    /// <summary>Link to the content (files).</summary>
    public string? ContentUrl { get; init; }

    /// <summary>File name.</summary>
    public string? Name { get; init; }

    /// <summary>Fields this schema does not name, kept for round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
