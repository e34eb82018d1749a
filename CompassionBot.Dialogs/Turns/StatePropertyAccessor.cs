using System.Text.Json.Serialization.Metadata;
using CompassionBot.Dialogs.State;

namespace CompassionBot.Dialogs.Turns;

/// <summary>Typed access to one named property of a turn's conversation or user state.</summary>
/// <typeparam name="T">The property's record type (serialised with its source-generated metadata).</typeparam>
public sealed class StatePropertyAccessor<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;

    /// <summary>Creates an accessor for <paramref name="name"/> in <paramref name="scope"/>.</summary>
    public StatePropertyAccessor(StateScope scope, string name, JsonTypeInfo<T> typeInfo)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        Scope = scope;
        Name = name;
        _typeInfo = typeInfo;
    }

    /// <summary>The document the property lives in.</summary>
    public StateScope Scope { get; }

    /// <summary>The property name in that document.</summary>
    public string Name { get; }

    /// <summary>Reads the property, or <paramref name="createDefault"/>'s value when it is absent.</summary>
    public T Get(ITurnContext turnContext, Func<T> createDefault)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(createDefault);
        return turnContext.State[Scope].Get(Name, _typeInfo) ?? createDefault();
    }

    /// <summary>Writes the property.</summary>
    public void Set(ITurnContext turnContext, T value)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.State[Scope].Set(Name, value, _typeInfo);
    }

    /// <summary>Removes the property.</summary>
    public void Delete(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.State[Scope].Remove(Name);
    }
}
