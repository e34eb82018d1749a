using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CompassionBot.Dialogs.State;

/// <summary>
/// One state document (a conversation's or a person's) loaded for a turn: named, typed properties stored as JSON.
/// Changes stay in memory until the turn commits.
/// </summary>
/// <remarks>
/// Each property is kept as its UTF-8 JSON as loaded; it is deserialised on first <see cref="Get{T}"/> and the value
/// is kept for the rest of the turn, and a <see cref="Set{T}"/> value is serialised once, at commit. State records are
/// immutable by convention (change them with <c>with</c> and <see cref="Set{T}"/>), so handing out the kept value is safe.
/// </remarks>
public sealed class StateDocument
{
    private Dictionary<string, Property> _properties;

    /// <summary>Wraps a loaded (or new) document.</summary>
    public StateDocument(string key, string? json, string? etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        ETag = etag;
        _properties = json is null ? new(StringComparer.Ordinal) : Split(json);
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
        if (!_properties.TryGetValue(name, out var property))
        {
            return default;
        }

        if (property.HasValue)
        {
            if (property.Value is null)
            {
                return default;
            }

            if (property.Value is T kept)
            {
                return kept;
            }

            // Read as another type than it was written: go through its JSON.
            return JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(property.Value, property.TypeInfo!), typeInfo);
        }

        var value = property.Json.Span.SequenceEqual("null"u8) ? default : JsonSerializer.Deserialize(property.Json.Span, typeInfo);
        property.Keep(value, typeInfo, changed: false);
        return value;
    }

    /// <summary>Writes a property.</summary>
    public void Set<T>(string name, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (!_properties.TryGetValue(name, out var property))
        {
            property = new Property(ReadOnlyMemory<byte>.Empty);
            _properties[name] = property;
        }

        property.Keep(value, typeInfo, changed: true);
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
        _properties = new(StringComparer.Ordinal);
        IsDirty = true;
        IsDeleted = true;
    }

    /// <summary>The document as JSON text (changed properties serialised now, the others copied as loaded).</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            foreach (var (name, property) in _properties)
            {
                writer.WritePropertyName(name);
                if (property.Changed)
                {
                    JsonSerializer.Serialize(writer, property.Value, property.TypeInfo!);
                }
                else
                {
                    writer.WriteRawValue(property.Json.Span, skipInputValidation: true);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal void MarkCommitted(string? etag)
    {
        ETag = etag;
        IsDirty = false;
    }

    // Splits the top-level object into its properties' raw JSON, without building a tree.
    private static Dictionary<string, Property> Split(string json)
    {
        var properties = new Dictionary<string, Property>(StringComparer.Ordinal);
        var utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            return properties;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidOperationException($"The state document is not a JSON object (found {reader.TokenType}).");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            properties[name] = new Property(utf8.AsMemory(start, (int)reader.BytesConsumed - start));
        }

        return properties;
    }

    private sealed class Property(ReadOnlyMemory<byte> json)
    {
        public ReadOnlyMemory<byte> Json { get; } = json;

        public bool HasValue { get; private set; }

        public object? Value { get; private set; }

        public JsonTypeInfo? TypeInfo { get; private set; }

        public bool Changed { get; private set; }

        public void Keep(object? value, JsonTypeInfo typeInfo, bool changed)
        {
            Value = value;
            TypeInfo = typeInfo;
            HasValue = true;
            Changed |= changed;
        }
    }
}
