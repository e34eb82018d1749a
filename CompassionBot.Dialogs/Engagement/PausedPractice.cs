namespace CompassionBot.Dialogs.Engagement;

/// <summary>A practice the person stopped or paused in the middle, to be offered again where it stopped.</summary>
/// <param name="PracticeId">The practice.</param>
/// <param name="StepIndex">The step that was waiting for an answer (zero-based); the practice resumes there.</param>
public sealed record PausedPractice(string PracticeId, int StepIndex);
