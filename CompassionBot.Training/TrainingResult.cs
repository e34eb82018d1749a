using CompassionBot.Dialogs.Safety.Model;

namespace CompassionBot.Training;

/// <summary>A trained head with its validation verdicts.</summary>
/// <param name="Head">The head file to write.</param>
/// <param name="Options">How it was trained.</param>
/// <param name="Validation">Every training message's cross-validated verdicts.</param>
/// <param name="Thresholds">The chosen thresholds.</param>
internal sealed record TrainingResult(CrisisHeadFile Head, HeadTrainerOptions Options, IReadOnlyList<Verdict> Validation, IReadOnlyDictionary<string, ModelThresholds> Thresholds);
