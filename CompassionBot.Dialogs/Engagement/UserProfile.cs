namespace CompassionBot.Dialogs.Engagement;

/// <summary>What the bot keeps about a person (user state): language and practice history. Minimal by design.</summary>
public sealed record UserProfile
{
    /// <summary>Chosen language (<c>en</c>/<c>es</c>), when the person set one.</summary>
    public string? Locale { get; init; }

    /// <summary>Practice sessions, oldest first (bounded to <see cref="MaxHistory"/>).</summary>
    public IReadOnlyList<PracticeSessionRecord> History { get; init; } = [];

    /// <summary>How many sessions are kept.</summary>
    public const int MaxHistory = 100;

    /// <summary>A copy with <paramref name="session"/> appended.</summary>
    public UserProfile WithSession(PracticeSessionRecord session) =>
        this with { History = [.. History.TakeLast(MaxHistory - 1), session] };

    /// <summary>A copy with <paramref name="obstacle"/> recorded on the latest session; unchanged when there is none.</summary>
    public UserProfile WithObstacle(Obstacle obstacle) =>
        History.Count == 0 ? this : this with { History = [.. History.SkipLast(1), History[^1] with { Obstacle = obstacle }] };
}
