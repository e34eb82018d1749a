using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CompassionBot.Dialogs.Engine;

/// <summary>One entry on the dialog stack: the dialog's id and its persisted, typed state.</summary>
/// <remarks>
/// The state is kept as the JSON it was loaded as until it is first read; the typed value read or written is then kept
/// for the rest of the turn and serialised once, with the stack (<see cref="DialogInstanceJsonConverter"/>). State
/// records are immutable: change them with <c>with</c> and <see cref="SetState{T}"/>.
/// </remarks>
[JsonConverter(typeof(DialogInstanceJsonConverter))]
public sealed class DialogInstance
{
    private JsonElement? _json;
    private object? _value;
    private JsonTypeInfo? _valueTypeInfo;

    /// <summary>The dialog's id.</summary>
    public required string Id { get; init; }

    /// <summary>Whether the dialog has state (it has none before it begins).</summary>
    public bool HasState => _value is not null || _json is not null;

    /// <summary>Reads the dialog's state record.</summary>
    /// <exception cref="InvalidOperationException">The dialog has no state yet.</exception>
    public T GetState<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (_value is T kept)
        {
            return kept;
        }

        var state = _value is not null
            ? JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(_value, _valueTypeInfo!), typeInfo)
            : _json is { } json ? json.Deserialize(typeInfo) : default;
        if (state is null)
        {
            throw new InvalidOperationException($"Dialog '{Id}' has no state.");
        }

        _value = state;
        _valueTypeInfo = typeInfo;
        return state;
    }

    /// <summary>Writes the dialog's state record.</summary>
    public void SetState<T>(T state, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _value = state;
        _valueTypeInfo = typeInfo;
        _json = null;
    }

    /// <summary>The state as loaded (no typed value yet).</summary>
    internal void LoadState(JsonElement? json)
    {
        _json = json;
        _value = null;
        _valueTypeInfo = null;
    }

    /// <summary>Writes the state's JSON (the kept typed value, else the JSON as loaded).</summary>
    internal void WriteState(Utf8JsonWriter writer)
    {
        if (_value is not null)
        {
            JsonSerializer.Serialize(writer, _value, _valueTypeInfo!);
        }
        else
        {
            _json!.Value.WriteTo(writer);
        }
    }
}
