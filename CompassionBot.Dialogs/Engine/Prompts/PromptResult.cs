namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>How a prompt ended: with a recognised value, or with no answer after its attempts ran out.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Succeeded">True when a value was recognised.</param>
/// <param name="Value">The value, when <paramref name="Succeeded"/>.</param>
public sealed record PromptResult<T>(bool Succeeded, T? Value)
{
    /// <summary>The result of a prompt that gave up.</summary>
    public static PromptResult<T> NoAnswer { get; } = new(false, default);

    /// <summary>A recognised value.</summary>
    public static PromptResult<T> Of(T value) => new(true, value);
}
