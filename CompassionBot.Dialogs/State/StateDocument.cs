using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CompassionBot.Dialogs.State;

/// <summary>
/// One state document (a conversation's or a person's) loaded for a turn: named, typed properties stored as JSON.
/// Changes stay in memory until the turn commits.
/// </summary>
public sealed class StateDocument
{
    private JsonObject _properties;

    /// <summary>Wraps a loaded (or new) document.</summary>
    public StateDocument(string key, string? json, string? etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        ETag = etag;
        _properties = json is null ? [] : JsonNode.Parse(json)?.AsObject() ?? [];
    }

    /// <summary>Storage key, e.g. <c>msteams/conversations/a:1</c>.</summary>
    public string Key { get; }

    /// <summary>ETag read at turn start (null for a new document).</summary>
    public string? ETag { get; internal set; }

    /// <summary>Whether the document changed during the turn.</summary>
    public bool IsDirty { get; private set; }

    /// <summary>Whether the document should be removed at commit.</summary>
    public bool IsDeleted { get; private set; }

    /// <summary>Reads a property, or <c>default</c> when absent.</summary>
    public T? Get<T>(string name, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return _properties.TryGetPropertyValue(name, out var node) && node is not null
            ? node.Deserialize(typeInfo)
            : default;
    }

    /// <summary>Writes a property.</summary>
    public void Set<T>(string name, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _properties[name] = JsonSerializer.SerializeToNode(value, typeInfo);
        IsDirty = true;
        IsDeleted = false;
    }

    /// <summary>Removes a property.</summary>
    public void Remove(string name)
    {
        if (_properties.Remove(name))
        {
            IsDirty = true;
        }
    }

    /// <summary>Clears every property and marks the document for deletion ("forget me").</summary>
    public void Clear()
    {
        _properties = [];
        IsDirty = true;
        IsDeleted = true;
    }

    /// <summary>The document as JSON text.</summary>
    public string ToJson() => _properties.ToJsonString();

    internal void MarkCommitted(string? etag)
    {
        ETag = etag;
        IsDirty = false;
    }
}
