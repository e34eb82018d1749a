namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// What the parts of one turn hand each other, one value per type (the Bot Framework's turn state collection): a
/// middleware sets what the middleware and the bot after it read. Kept for the turn only, never saved.
/// </summary>
public sealed class TurnValues
{
    private readonly Dictionary<Type, object> _values = [];

    /// <summary>The value of type <typeparamref name="T"/>, or null when none is set.</summary>
    public T? Get<T>()
        where T : class =>
        _values.TryGetValue(typeof(T), out var value) ? (T)value : null;

    /// <summary>Sets the value of type <typeparamref name="T"/>, replacing any earlier one; null removes it.</summary>
    public void Set<T>(T? value)
        where T : class
    {
        if (value is null)
        {
            _values.Remove(typeof(T));
        }
        else
        {
            _values[typeof(T)] = value;
        }
    }
}
