namespace CompassionBot.Dialogs.Engagement;

/// <summary>One practice session in a person's history.</summary>
/// <param name="PracticeId">The practice.</param>
/// <param name="Family">Its family.</param>
/// <param name="StartedAt">When it began.</param>
/// <param name="DistressBefore">0–10 before, if given.</param>
/// <param name="DistressAfter">0–10 after, if given.</param>
/// <param name="Resonance">How it felt, if said.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Signals">Disengagement signals seen during the session (feature names, no text).</param>
/// <param name="Obstacle">What the person said got in the way, when asked after this session (the second in a row that did not resonate).</param>
public sealed record PracticeSessionRecord(
    string PracticeId,
    PracticeFamily Family,
    DateTimeOffset StartedAt,
    int? DistressBefore,
    int? DistressAfter,
    Resonance? Resonance,
    SessionOutcome Outcome,
    IReadOnlyList<string> Signals,
    Obstacle? Obstacle = null)
{
    /// <summary>True when the after rating is equal to or worse (higher) than the before rating.</summary>
    public bool NoImprovement => DistressBefore is { } before && DistressAfter is { } after && after >= before;
}
