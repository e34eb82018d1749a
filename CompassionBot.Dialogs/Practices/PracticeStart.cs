namespace CompassionBot.Dialogs.Practices;

/// <summary>
/// Begin options of a <see cref="PracticeDialog"/> that follows another practice: the distress the person has just
/// rated is carried in as this practice's "before", so it is not asked twice in a row; a paused practice resumed
/// begins at the step where it stopped. A practice id alone (a string) begins at the start with nothing known.
/// </summary>
/// <param name="PracticeId">The practice.</param>
/// <param name="DistressBefore">0–10 the person gave a moment ago, if any.</param>
/// <param name="FromStep">The step to begin at (zero-based): a paused practice resumes where it stopped.</param>
public sealed record PracticeStart(string PracticeId, int? DistressBefore, int FromStep = 0);
