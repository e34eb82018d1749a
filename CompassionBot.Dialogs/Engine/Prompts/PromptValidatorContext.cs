using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>What a <see cref="PromptValidator{T}"/> sees of one answer (Bot Builder's <c>PromptValidatorContext&lt;T&gt;</c>).</summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
public sealed class PromptValidatorContext<T>
{
    /// <summary>Creates the context.</summary>
    public PromptValidatorContext(ITurnContext context, PromptRecognition<T> recognized, PromptOptions options, int attemptCount)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptCount, 1);
        Context = context;
        Recognized = recognized;
        Options = options;
        AttemptCount = attemptCount;
    }

    /// <summary>The turn that carries the answer.</summary>
    public ITurnContext Context { get; }

    /// <summary>
    /// What the prompt made of the answer. A validator may accept an answer that was not recognised (a "skip"); the
    /// prompt then ends with <see cref="PromptResult{T}.Succeeded"/> and the default value, as in Bot Builder.
    /// </summary>
    public PromptRecognition<T> Recognized { get; }

    /// <summary>The prompt's options (question, retry prompt, choices, <see cref="PromptOptions.MaxAttempts"/>).</summary>
    public PromptOptions Options { get; }

    /// <summary>Answers the prompt has received, this one included: 1 for the first answer.</summary>
    public int AttemptCount { get; }
}
