using CompassionBot.Dialogs.Engagement;

namespace CompassionBot.Dialogs.Practices;

/// <summary>What a <see cref="PracticeDialog"/> ends with.</summary>
/// <param name="PracticeId">The practice.</param>
/// <param name="Outcome">How it ended.</param>
public sealed record PracticeOutcome(string PracticeId, SessionOutcome Outcome);
