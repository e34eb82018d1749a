namespace CompassionBot.Dialogs.Practices;

/// <summary>Where a person is in a practice's steps, and the engagement signals seen so far.</summary>
/// <param name="PracticeId">The practice.</param>
/// <param name="StepIndex">The step waiting for an answer.</param>
/// <param name="Attempts">Answers to the current step that were not understood.</param>
/// <param name="ReplyWordCounts">Word counts of free-text answers, in order.</param>
/// <param name="Signals">Signals seen (feature names).</param>
/// <param name="ImplicitSignals">How many implicit signals (skips, minimal or shrinking replies, give-ups) were seen.</param>
public sealed record PracticeStepsState(
    string PracticeId,
    int StepIndex,
    int Attempts,
    IReadOnlyList<int> ReplyWordCounts,
    IReadOnlyList<string> Signals,
    int ImplicitSignals);
