namespace CompassionBot.Dialogs.Engagement;

/// <summary>
/// What the bot keeps about a person (user state): language, practice history, a practice paused in the middle, and
/// the words they asked it to keep. Minimal by design.
/// </summary>
public sealed record UserProfile
{
    /// <summary>Chosen language (<c>en</c>/<c>es</c>), when the person set one.</summary>
    public string? Locale { get; init; }

    /// <summary>Practice sessions, oldest first (bounded to <see cref="MaxHistory"/>).</summary>
    public IReadOnlyList<PracticeSessionRecord> History { get; init; } = [];

    /// <summary>The practice stopped or paused in the middle, offered again where it stopped; null when none.</summary>
    public PausedPractice? Paused { get; init; }

    /// <summary>Words the person said yes to keeping (at most one of each kind), shown again when they ask.</summary>
    public IReadOnlyDictionary<KeepKind, string> Kept { get; init; } = new Dictionary<KeepKind, string>();

    /// <summary>How many sessions are kept.</summary>
    public const int MaxHistory = 100;

    /// <summary>A copy with <paramref name="session"/> appended.</summary>
    public UserProfile WithSession(PracticeSessionRecord session) =>
        this with { History = [.. History.TakeLast(MaxHistory - 1), session] };

    /// <summary>A copy with <paramref name="obstacle"/> recorded on the latest session; unchanged when there is none.</summary>
    public UserProfile WithObstacle(Obstacle obstacle) =>
        History.Count == 0 ? this : this with { History = [.. History.SkipLast(1), History[^1] with { Obstacle = obstacle }] };

    /// <summary>A copy keeping <paramref name="text"/> as the person's <paramref name="kind"/> (replacing an older one).</summary>
    public UserProfile WithKept(KeepKind kind, string text) =>
        this with { Kept = new Dictionary<KeepKind, string>(Kept) { [kind] = text } };

    /// <summary>A copy without the kept <paramref name="kind"/>.</summary>
    public UserProfile WithoutKept(KeepKind kind) =>
        this with { Kept = Kept.Where(k => k.Key != kind).ToDictionary() };
}
