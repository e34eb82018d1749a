using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CompassionBot.Dialogs.Engine;

/// <summary>One entry on the dialog stack: the dialog's id and its persisted, typed state.</summary>
public sealed class DialogInstance
{
    /// <summary>The dialog's id.</summary>
    public required string Id { get; init; }

    /// <summary>The dialog's state as JSON; read and write it through <see cref="GetState{T}"/> and <see cref="SetState{T}"/>.</summary>
    public JsonNode? State { get; set; }

    /// <summary>Reads the dialog's state record.</summary>
    /// <exception cref="InvalidOperationException">The dialog has no state yet.</exception>
    public T GetState<T>(JsonTypeInfo<T> typeInfo) =>
        (State is null ? default : State.Deserialize(typeInfo))
        ?? throw new InvalidOperationException($"Dialog '{Id}' has no state.");

    /// <summary>Writes the dialog's state record.</summary>
    public void SetState<T>(T state, JsonTypeInfo<T> typeInfo) => State = JsonSerializer.SerializeToNode(state, typeInfo);
}
