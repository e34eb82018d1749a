using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>What a prompt asks and how patiently (persisted with the prompt on the stack).</summary>
public sealed record PromptOptions
{
    /// <summary>Default <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>The question.</summary>
    public Activity? Prompt { get; init; }

    /// <summary>Sent after an answer that was not accepted; the question is repeated when absent.</summary>
    public Activity? RetryPrompt { get; init; }

    /// <summary>
    /// True to follow <see cref="RetryPrompt"/> with the question again, choices and all: the retry prompt is then sent
    /// as it is (a short apology) and the question is what expects the answer. Default false: the retry prompt alone,
    /// shown like the question.
    /// </summary>
    public bool RepeatPromptAfterRetry { get; init; }

    /// <summary>The options of a choice prompt.</summary>
    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>
    /// Options of a choice prompt that are not shown but still accepted by their title or a synonym (never by number
    /// or ordinal, which refer to what is shown): a short menu that still understands the name of any practice. Found
    /// at the indexes after <see cref="Choices"/>.
    /// </summary>
    public IReadOnlyList<Choice>? UnlistedChoices { get; init; }

    /// <summary>
    /// True when <see cref="Prompt"/> already lists the choices with their numbers (a long menu): channels without
    /// buttons get the text as is instead of a second, numbered list; channels with buttons still get them.
    /// </summary>
    public bool ChoicesInText { get; init; }

    /// <summary>
    /// Answers accepted before the prompt gives up and ends with <see cref="PromptResult{T}.NoAnswer"/> (1 or more; default 3).
    /// A person who can't or won't answer is a disengagement signal, not an error.
    /// </summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;
}
