namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>How a prompt ended: with an accepted answer, or with no answer after its attempts ran out.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Succeeded">True when an answer was accepted (recognised, or accepted by the prompt's validator).</param>
/// <param name="Value">
/// The recognised value, when <paramref name="Succeeded"/>; the default when the prompt's validator accepted an answer
/// that was not recognised (see <see cref="PromptValidatorContext{T}.Recognized"/>).
/// </param>
public sealed record PromptResult<T>(bool Succeeded, T? Value)
{
    /// <summary>The result of a prompt that gave up.</summary>
    public static PromptResult<T> NoAnswer { get; } = new(false, default);

    /// <summary>A recognised value.</summary>
    public static PromptResult<T> Of(T value) => new(true, value);
}
