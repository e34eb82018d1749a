using CompassionBot.Dialogs.Engine;

namespace CompassionBot.Dialogs.Practices;

/// <summary>Where a person is in a practice's steps, and the engagement signals seen so far.</summary>
/// <param name="PracticeId">The practice.</param>
/// <param name="StepIndex">The step waiting for an answer.</param>
/// <param name="ReplyWordCounts">Word counts of free-text answers, in order.</param>
/// <param name="Signals">Signals seen (feature names).</param>
/// <param name="ImplicitSignals">How many implicit signals (skips, minimal or shrinking replies, give-ups) were seen.</param>
/// <param name="Prompt">
/// The step's prompt waiting for the answer (a stack of one, driven by the engine; it counts the attempts). Null in
/// state saved before the steps were asked through prompts.
/// </param>
/// <param name="Keeping">
/// The answer the person is being asked whether to keep (the step's <see cref="PracticeStep.Keep"/>), while the
/// yes/no question waits; null otherwise.
/// </param>
public sealed record PracticeStepsState(
    string PracticeId,
    int StepIndex,
    IReadOnlyList<int> ReplyWordCounts,
    IReadOnlyList<string> Signals,
    int ImplicitSignals,
    DialogState? Prompt,
    string? Keeping = null);
