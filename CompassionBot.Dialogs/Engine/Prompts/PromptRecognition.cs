namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>What a prompt made of an answer.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Succeeded">True when the answer was understood.</param>
/// <param name="Value">The understood value.</param>
public readonly record struct PromptRecognition<T>(bool Succeeded, T? Value)
{
    /// <summary>An answer that was not understood.</summary>
    public static PromptRecognition<T> Failed => new(false, default);
}
