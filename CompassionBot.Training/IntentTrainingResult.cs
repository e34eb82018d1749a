using CompassionBot.Dialogs.Intents;

namespace CompassionBot.Training;

/// <summary>What an intent training run produced.</summary>
/// <param name="Head">The head file, fitted on every example.</param>
/// <param name="Options">The options it was fitted with.</param>
/// <param name="Validation">Every example read by a head that did not see it (semantic layer alone), at the chosen threshold.</param>
internal sealed record IntentTrainingResult(IntentHeadFile Head, IntentTrainerOptions Options, IReadOnlyList<IntentOutcome> Validation);
