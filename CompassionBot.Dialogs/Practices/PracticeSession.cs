using CompassionBot.Dialogs.Engagement;

namespace CompassionBot.Dialogs.Practices;

/// <summary>The state of one running practice session (a <see cref="PracticeDialog"/>'s waterfall values).</summary>
/// <param name="PracticeId">The practice.</param>
/// <param name="StartedAt">When it began.</param>
/// <param name="DistressBefore">0–10 before, once given.</param>
/// <param name="DistressAfter">0–10 after, once given.</param>
/// <param name="Resonance">How it felt, once said.</param>
/// <param name="Signals">Engagement signals seen (feature names).</param>
/// <param name="FromStep">The step the steps begin at (zero-based; more than 0 when a paused practice is resumed).</param>
public sealed record PracticeSession(
    string PracticeId,
    DateTimeOffset StartedAt,
    int? DistressBefore,
    int? DistressAfter,
    Resonance? Resonance,
    IReadOnlyList<string> Signals,
    int FromStep = 0);
