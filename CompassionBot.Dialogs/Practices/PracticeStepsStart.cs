namespace CompassionBot.Dialogs.Practices;

/// <summary>Begin options of a <see cref="PracticeStepsDialog"/> that starts at a later step (a paused practice resumed).</summary>
/// <param name="PracticeId">The practice.</param>
/// <param name="StepIndex">The step to ask first (zero-based; clamped to the practice's steps).</param>
public sealed record PracticeStepsStart(string PracticeId, int StepIndex);
